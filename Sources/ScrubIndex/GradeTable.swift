import Foundation

/// Risk grades of a litigator list's numbers, as its vendor grades them (e.g. 5 for a "screamer", 10
/// pre-litigation, 15-20 secondary, 25-30 a primary attorney or plaintiff: the higher, the riskier),
/// kept beside the index in `INDEX.grades` so the index format stays one of keys only.
///
/// The file is text, deterministic for the same entries:
///
/// ```
/// scrub-grades 1 index-sha256=<the index file's SHA-256, lowercase hex>
/// 14155550123,25
/// ```
///
/// one `E164,GRADE` line per graded number in ascending order. The first line ties it to one build of
/// its index: a grades file beside another index (rebuilt, or copied over) is refused at load.
public struct GradeTable: Sendable, Equatable {
    public static let fileSuffix = ".grades"
    static let magic = "scrub-grades 1 index-sha256="

    /// The index file this table belongs to, by its SHA-256.
    public let indexSHA256: String
    private let numbers: [UInt64]
    private let grades: [UInt8]

    /// A table of `grades`; a number given twice keeps its highest grade (the riskier reading).
    public init(grades: [(number: UInt64, grade: UInt8)], indexSHA256: String) {
        var highest: [UInt64: UInt8] = [:]
        for entry in grades { highest[entry.number] = max(highest[entry.number] ?? 0, entry.grade) }
        let sorted = highest.sorted { $0.key < $1.key }
        numbers = sorted.map(\.key)
        self.grades = sorted.map(\.value)
        self.indexSHA256 = indexSHA256
    }

    /// The graded numbers.
    public var count: Int { numbers.count }

    /// The table for an update of its index (`registry update`), bound to the new index: the grades of
    /// the numbers the change list does not remove. A number removed loses its grade even when the same
    /// list adds it again, and a number added has none: the list gave no grade for it, so it is rejected
    /// whatever the pipeline's `min_grade` (the stricter reading) until the list is rebuilt with its grades.
    package func carried(removing removed: Set<UInt64>, to indexSHA256: String) -> GradeTable {
        let kept = zip(numbers, grades).filter { !removed.contains(KeyHash.hash($0.0)) }
        return GradeTable(grades: kept.map { (number: $0.0, grade: $0.1) }, indexSHA256: indexSHA256)
    }

    /// The grade of `e164`; nil when the list gives it none.
    public func grade(of e164: UInt64) -> UInt8? {
        var low = 0
        var high = numbers.count
        while low < high {
            let middle = (low + high) / 2
            if numbers[middle] < e164 { low = middle + 1 } else { high = middle }
        }
        return low < numbers.count && numbers[low] == e164 ? grades[low] : nil
    }

    /// The file's text.
    public var text: String {
        var text = Self.magic + indexSHA256 + "\n"
        for (number, grade) in zip(numbers, grades) { text += "\(number),\(grade)\n" }
        return text
    }

    /// Writes the table to `path` (under a temporary name, renamed into place).
    public func write(to path: String) throws(IndexError) {
        let temporary = path + ".tmp"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw IndexError(.cannotCreate, path: path, message: "cannot write the grades file: \(error)")
        }
        guard rename(temporary, path) == 0 else {
            throw IndexError(.cannotCreate, path: path, message: "cannot rename the grades file into place")
        }
    }

    /// Reads the grades of the index file whose SHA-256 is `indexSHA256` (`INDEX.grades`), refusing a
    /// file written for another build of the list.
    ///
    /// - Parameter name: the list, as the refusal names it.
    public static func read(path: String, boundTo indexSHA256: String, name: String) throws(IndexError) -> GradeTable {
        let table = try read(path: path)
        guard table.indexSHA256 == indexSHA256 else {
            throw IndexError(
                .corruptPayload, path: path,
                message: "belongs to another build of \(name) (its index SHA-256 differs); rebuild the list with "
                    + "`registry build --grade-column`")
        }
        return table
    }

    /// Reads the table at `path`, every malformed line reported with its number.
    public static func read(path: String) throws(IndexError) -> GradeTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IndexError(.cannotOpen, path: path, message: "cannot read the grades file")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix(magic), first.count == magic.count + 64 else {
            throw IndexError(
                .badMagic, path: path, line: 1,
                message: "not a grades file (expected `\(magic)` and the index's SHA-256); rebuild the list")
        }
        var entries: [(number: UInt64, grade: UInt8)] = []
        var previous: UInt64 = 0
        for (offset, line) in lines.dropFirst().enumerated() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 2, let number = UInt64(fields[0]), let grade = UInt8(fields[1]), number > previous
            else {
                throw IndexError(
                    .corruptPayload, path: path, line: offset + 2,
                    message: "expected E164,GRADE in ascending order; rebuild the list")
            }
            previous = number
            entries.append((number, grade))
        }
        return GradeTable(grades: entries, indexSHA256: String(first.dropFirst(magic.count)))
    }
}
