/// A region the generator writes leads for: its numbering plans, how often it occurs, and where its
/// leads live.
///
/// Text is kept as bytes, ready to copy into a record without allocating; a class, so handing a region
/// to the row writer costs one reference count, not one for each of its tables.
final class SampleRegion: Sendable {
    /// Where a lead lives: a city, its state or province (may be empty), and a postcode pattern in
    /// which `#` is a digit and `A` a capital letter.
    struct Place: Sendable {
        var city: [UInt8]
        var state: [UInt8]
        var postcode: [UInt8]
    }

    /// The ISO 3166 code written in the `country` column.
    let code: String
    let codeBytes: [UInt8]
    let callingCode: UInt64
    /// Leads per 1,000 from this region.
    let weight: Int
    let plans: [NumberPlan]
    let places: [Place]
    let streets: [[UInt8]]
    /// Whether the house number follows the street name (`Hauptstraße 12`).
    let numberAfterStreet: Bool

    init(
        code: String, callingCode: UInt64, weight: Int, plans: [NumberPlan],
        places: [(city: String, state: String, postcode: String)], streets: [String], numberAfterStreet: Bool = false
    ) {
        self.code = code
        self.codeBytes = Array(code.utf8)
        self.callingCode = callingCode
        self.weight = weight
        self.plans = plans
        self.places = places.map {
            Place(city: Array($0.city.utf8), state: Array($0.state.utf8), postcode: Array($0.postcode.utf8))
        }
        self.streets = streets.map { Array($0.utf8) }
        self.numberAfterStreet = numberAfterStreet
    }
}

extension SampleRegion {
    /// Every region the generator knows, in a fixed order (the order is part of the output).
    static let catalogue: [SampleRegion] = [
        SampleRegion(
            code: "US", callingCode: 1, weight: 450, plans: [nanp(usAreaCodes)],
            places: [
                ("New York", "NY", "100##"), ("San Francisco", "CA", "941##"), ("Chicago", "IL", "606##"),
                ("Houston", "TX", "770##"), ("Miami", "FL", "331##"), ("Seattle", "WA", "981##"),
                ("Denver", "CO", "802##"), ("Boston", "MA", "021##"),
            ],
            streets: ["Main St", "Oak Ave", "Elm St", "Maple Ave", "Broadway", "Washington Blvd"]),
        SampleRegion(
            code: "CA", callingCode: 1, weight: 80, plans: [nanp(caAreaCodes)],
            places: [
                ("Toronto", "ON", "M#A #A#"), ("Vancouver", "BC", "V#A #A#"), ("Montreal", "QC", "H#A #A#"),
                ("Calgary", "AB", "T#A #A#"),
            ],
            streets: ["King St W", "Yonge St", "Rue Sainte-Catherine", "Granville St"]),
        SampleRegion(
            code: "GB", callingCode: 44, weight: 120,
            plans: [
                NumberPlan(
                    prefixes: [
                        740, 741, 742, 743, 744, 746, 747, 748, 749, 751, 753, 754, 755, 756, 757, 758, 759, 771,
                        772, 773, 774, 775, 776, 777, 780, 781, 784, 785, 786, 787, 788, 789, 790, 792, 794, 795,
                        796, 797, 798, 799,
                    ], prefixDigits: 3, length: 10,
                    templates: [
                        "0#### ######", "0#### ######", "0#### ######", "0##########", "+44 #### ######",
                        "+44 #### ######", "+44 (0)#### ######", "0044 #### ######", "+44##########",
                        "0### ### ####",
                    ]),
                NumberPlan(
                    prefixes: [203, 207, 208], prefixDigits: 3, length: 10,
                    templates: [
                        "0## #### ####", "0## #### ####", "+44 ## #### ####", "+44 (0)## #### ####", "0##########",
                        "(0##) #### ####",
                    ]),
            ],
            places: [
                ("London", "", "SW# #AA"), ("Manchester", "", "M## #AA"), ("Leeds", "", "LS# #AA"),
                ("Glasgow", "", "G## #AA"),
            ],
            streets: ["High Street", "Church Road", "Station Road", "Victoria Road"]),
        SampleRegion(
            code: "AU", callingCode: 61, weight: 80,
            plans: [
                NumberPlan(
                    prefixes: [40, 41, 42, 43], prefixDigits: 2, length: 9,
                    templates: [
                        "0### ### ###", "0### ### ###", "0### ### ###", "0#########", "+61 ### ### ###",
                        "+61 ### ### ###", "+61#########", "0011 61 #########",
                    ]),
                NumberPlan(
                    prefixes: [29, 39, 73], prefixDigits: 2, length: 9,
                    templates: ["(0#) #### ####", "(0#) #### ####", "0# #### ####", "+61 # #### ####", "0#########"]),
            ],
            places: [
                ("Sydney", "NSW", "2###"), ("Melbourne", "VIC", "3###"), ("Brisbane", "QLD", "4###"),
                ("Perth", "WA", "6###"),
            ],
            streets: ["George St", "Collins St", "Queen St", "Hay St"]),
        SampleRegion(
            code: "FR", callingCode: 33, weight: 60,
            plans: [
                NumberPlan(
                    prefixes: [60, 61, 62, 64, 65, 66, 67, 68, 73, 74, 75, 76, 77, 78, 79], prefixDigits: 2,
                    length: 9, templates: frenchTemplates),
                NumberPlan(prefixes: [1], prefixDigits: 1, length: 9, templates: frenchTemplates),
            ],
            places: [("Paris", "", "750##"), ("Lyon", "", "6900#"), ("Marseille", "", "130##")],
            streets: ["rue de Rivoli", "avenue Victor Hugo", "boulevard Voltaire"]),
        SampleRegion(
            code: "DE", callingCode: 49, weight: 60,
            plans: [
                NumberPlan(
                    prefixes: Array(170...179), prefixDigits: 3, length: 10,
                    templates: [
                        "0### #######", "0### #######", "0###-#######", "+49 ### #######", "+49 ### #######",
                        "+49 (0)### #######", "0049 ### #######", "0##########",
                    ]),
                NumberPlan(
                    prefixes: [151, 152, 157, 159], prefixDigits: 3, length: 11,
                    templates: [
                        "0### ########", "0### ########", "+49 ### ########", "+49 (0)### ########", "0###########",
                    ]),
                NumberPlan(
                    prefixes: [30, 40, 69, 89], prefixDigits: 2, length: 10,
                    templates: ["0## ########", "(0##) ########", "+49 ## ########", "0##/########"]),
            ],
            places: [("Berlin", "BE", "10###"), ("Hamburg", "HH", "20###"), ("München", "BY", "80###")],
            streets: ["Hauptstraße", "Bahnhofstraße", "Gartenweg"], numberAfterStreet: true),
        SampleRegion(
            code: "ES", callingCode: 34, weight: 40,
            plans: [
                NumberPlan(
                    prefixes: [6], prefixDigits: 1, length: 9,
                    templates: [
                        "### ## ## ##", "### ## ## ##", "### ### ###", "#########", "+34 ### ### ###",
                        "+34 ### ### ###", "0034 #########", "+34#########",
                    ]),
                NumberPlan(
                    prefixes: [91, 93], prefixDigits: 2, length: 9,
                    templates: ["## ### ## ##", "#########", "+34 ## ### ## ##"]),
            ],
            places: [("Madrid", "M", "280##"), ("Barcelona", "B", "080##"), ("Valencia", "V", "460##")],
            streets: ["Calle Mayor", "Gran Vía", "Calle de Alcalá"], numberAfterStreet: true),
        SampleRegion(
            code: "IT", callingCode: 39, weight: 40,
            plans: [
                NumberPlan(
                    prefixes: [32, 33, 34, 35, 36, 37, 38, 39], prefixDigits: 2, length: 10,
                    templates: [
                        "### ### ####", "### ### ####", "### #######", "##########", "+39 ### ### ####",
                        "+39 ### ### ####", "0039 ##########", "+39##########",
                    ]),
                // Rome: 06 4, 06 5 and 06 8, the leading 0 kept in international form.
                NumberPlan(
                    prefixes: [64, 65, 68], prefixDigits: 3, length: 10,
                    templates: ["## #### ####", "## #### ####", "##########", "+39 ## #### ####", "0039 ##########"]),
            ],
            places: [("Roma", "RM", "001##"), ("Milano", "MI", "201##"), ("Napoli", "NA", "801##")],
            streets: ["Via Roma", "Corso Italia", "Via Garibaldi"], numberAfterStreet: true),
        SampleRegion(
            code: "NL", callingCode: 31, weight: 30,
            plans: [
                NumberPlan(
                    prefixes: [61, 62, 63, 64, 65], prefixDigits: 2, length: 9,
                    templates: [
                        "0# ########", "0# ########", "0#-########", "0#########", "+31 # ########", "+31 # ########",
                        "+31 (0)# ########", "0031 #########", "+31#########",
                    ]),
                NumberPlan(
                    prefixes: [20], prefixDigits: 2, length: 9,
                    templates: ["0## #######", "0##-#######", "+31 ## #######", "0#########"]),
            ],
            places: [("Amsterdam", "", "10## AA"), ("Rotterdam", "", "30## AA"), ("Utrecht", "", "35## AA")],
            streets: ["Kerkstraat", "Dorpsstraat", "Stationsweg"], numberAfterStreet: true),
        SampleRegion(
            code: "IE", callingCode: 353, weight: 20,
            plans: [
                NumberPlan(
                    prefixes: [83, 85, 86, 87, 89], prefixDigits: 2, length: 9,
                    templates: [
                        "0## ### ####", "0## ### ####", "0#########", "+353 ## ### ####", "+353 ## ### ####",
                        "+353 (0)## ### ####", "00353 #########",
                    ]),
                NumberPlan(
                    prefixes: [1], prefixDigits: 1, length: 8,
                    templates: ["0# ### ####", "0# ### ####", "(0#) ### ####", "+353 # ### ####"]),
            ],
            places: [("Dublin", "", "D0# A#A#"), ("Cork", "", "T12 A#A#"), ("Galway", "", "H91 A#A#")],
            streets: ["Main Street", "O'Connell Street", "Church Road"]),
        SampleRegion(
            code: "NZ", callingCode: 64, weight: 20,
            plans: [
                NumberPlan(
                    prefixes: [21, 22, 27], prefixDigits: 2, length: 9,
                    templates: [
                        "0## ### ####", "0## ### ####", "0#########", "+64 ## ### ####", "+64 ## ### ####",
                        "+64 (0)## ### ####", "0064 #########",
                    ]),
                NumberPlan(
                    prefixes: [92, 93, 94, 95, 96, 97, 98], prefixDigits: 2, length: 8,
                    templates: ["(0#) ### ####", "(0#) ### ####", "0# ### ####", "+64 # ### ####", "0########"]),
            ],
            places: [("Auckland", "", "10##"), ("Wellington", "", "60##"), ("Christchurch", "", "80##")],
            streets: ["Queen Street", "Lambton Quay", "Colombo Street"]),
    ]

    /// The index of the region with ISO code `code`, if the generator knows it.
    static func index(of code: String) -> Int? {
        catalogue.firstIndex { $0.code == code.uppercased() }
    }

    /// A NANP plan: area codes in service, exchanges 200-999, any line number.
    private static func nanp(_ areaCodes: [UInt64]) -> NumberPlan {
        NumberPlan(
            prefixes: areaCodes, prefixDigits: 3, length: 10, freeLow: 2_000_000,
            templates: [
                "(###) ###-####", "(###) ###-####", "(###) ###-####", "###-###-####", "###-###-####", "###.###.####",
                "##########", "+1 ### ### ####", "1-###-###-####", "+1 (###) ###-####", "+1##########",
                "(###) ###-#### x@@@", "tel:+1-###-###-####", "+1-###-###-####", "1 (###) ###-####",
            ])
    }

    private static let frenchTemplates = [
        "0# ## ## ## ##", "0# ## ## ## ##", "0# ## ## ## ##", "0#.##.##.##.##", "0#########", "+33 # ## ## ## ##",
        "+33 # ## ## ## ##", "+33 (0)# ## ## ## ##", "0033#########", "+33#########",
    ]

    /// Long-established US geographic area codes (none of N11, none toll-free or non-geographic).
    static let usAreaCodes: [UInt64] = [
        201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229, 231,
        234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270, 276, 281, 301, 302, 303, 304, 305, 307,
        308, 309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 323, 330, 334, 336, 337, 339, 347, 351, 352,
        360, 361, 386, 401, 402, 404, 405, 406, 407, 408, 409, 410, 412, 413, 414, 415, 417, 419, 423, 424, 425, 430,
        432, 434, 435, 440, 443, 469, 478, 479, 480, 484, 501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515,
        516, 517, 518, 520, 530, 540, 541, 551, 559, 561, 562, 563, 567, 570, 571, 573, 574, 575, 580, 585, 586, 601,
        602, 603, 605, 606, 607, 608, 609, 610, 612, 614, 615, 616, 617, 618, 619, 620, 623, 626, 630, 631, 636, 641,
        646, 650, 651, 660, 661, 662, 678, 682, 701, 702, 703, 704, 706, 707, 708, 712, 713, 714, 715, 716, 717, 718,
        719, 720, 724, 727, 731, 732, 734, 740, 754, 757, 760, 763, 765, 770, 772, 773, 774, 775, 781, 785, 786, 801,
        802, 803, 804, 805, 806, 808, 810, 812, 813, 814, 815, 816, 817, 818, 828, 830, 831, 832, 843, 845, 847, 848,
        850, 856, 857, 858, 859, 860, 862, 863, 864, 865, 870, 901, 903, 904, 906, 907, 908, 909, 910, 912, 913, 914,
        915, 916, 917, 918, 919, 920, 925, 928, 931, 936, 937, 940, 941, 947, 949, 951, 952, 954, 956, 970, 971, 972,
        973, 978, 979, 980, 985, 989,
    ]

    /// Canadian geographic area codes.
    static let caAreaCodes: [UInt64] = [
        204, 226, 236, 249, 250, 289, 306, 343, 403, 416, 418, 431, 437, 438, 450, 506, 514, 519, 548, 579, 581, 587,
        604, 613, 639, 647, 705, 709, 778, 780, 782, 807, 819, 825, 867, 873, 902, 905,
    ]
}
