/// The Canada CRTC National DNCL XML layout, read as a stream: area-code elements holding phone
/// elements, `<ac val='416'><ph val='1234567'/>...</ac>`, inside any outer elements (the download's
/// `<list type='full' level='ac' val='416'>`), each read as the NANP number `+1AAANNNNNNN`.
///
/// A small tokenizer for this subset of XML, not a general parser: tags and their attributes, the XML
/// declaration, comments and whitespace between tags. There is no document tree: an area code is held
/// until its end tag, so memory does not grow with the file. What does not fit is an invalid record at
/// its tag's `line:column` (1-based; columns count bytes): a `ph` outside an `ac`, a `val` that is not
/// a 3-digit area code or 7-digit number starting with 2-9, text between tags, a tag left open at the
/// end. Other elements are ignored, and a `ph` under a bad `ac` is invalid too, so every number written
/// is counted.
public struct CRTCXMLParser: IndexStreamParser {
    /// The longest tag read; a longer one is a broken file, not a record.
    static let maximumTagLength = 4096
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private var line = 1
    private var column = 0
    private var bomBytes = 0
    private var inTag = false
    private var tag: [UInt8] = []
    private var tagLine = 0
    private var tagColumn = 0
    private var quote: UInt8?
    /// In a run of text between tags that was already reported.
    private var textReported = false
    /// The open `ac` element's area code; `.some(nil)` when it was malformed.
    private var area: UInt64??

    public init() {}

    public mutating func consume(_ chunk: UnsafeRawBufferPointer, into sink: inout KeySink) {
        for byte in chunk {
            if bomBytes < 3 {  // a UTF-8 byte-order mark, which takes no column
                if byte == Self.byteOrderMark[bomBytes] {
                    bomBytes += 1
                    continue
                }
                bomBytes = 3
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
            } else {
                column += 1
            }
            if inTag {
                append(byte, into: &sink)
            } else if byte == UInt8(ascii: "<") {
                inTag = true
                tag.removeAll(keepingCapacity: true)
                tagLine = line
                tagColumn = column
                quote = nil
                textReported = false
            } else if !Self.isSpace(byte) && !textReported {
                textReported = true
                sink.invalid(line: line, column: column)
            }
        }
    }

    public mutating func finish(into sink: inout KeySink) {
        if inTag {
            sink.invalid(line: tagLine, column: tagColumn)
            inTag = false
        }
    }

    private mutating func append(_ byte: UInt8, into sink: inout KeySink) {
        if let open = quote {
            if byte == open { quote = nil }
        } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
            if !tag.starts(with: Array("!--".utf8)) { quote = byte }
        } else if byte == UInt8(ascii: ">") {
            let isComment = tag.starts(with: Array("!--".utf8))
            if !isComment || (tag.count >= 5 && tag.suffix(2) == [UInt8(ascii: "-"), UInt8(ascii: "-")]) {
                inTag = false
                handleTag(into: &sink)
                return
            }
        }
        guard tag.count < Self.maximumTagLength else {
            sink.invalid(line: tagLine, column: tagColumn)
            inTag = false
            return
        }
        tag.append(byte)
    }

    private mutating func handleTag(into sink: inout KeySink) {
        guard let first = tag.first, first != UInt8(ascii: "?"), first != UInt8(ascii: "!") else { return }
        if first == UInt8(ascii: "/") {
            if Self.name(of: tag.dropFirst()).elementsEqual("ac".utf8) { area = nil }
            return
        }
        let name = Self.name(of: tag[...])
        let selfClosing = tag.last == UInt8(ascii: "/")
        if name.elementsEqual("ac".utf8) {
            let code = Self.value(in: tag).flatMap { Self.digits($0, count: 3) }.flatMap { $0 >= 200 ? $0 : nil }
            if code == nil { sink.invalid(line: tagLine, column: tagColumn) }
            area = selfClosing ? nil : .some(code)
        } else if name.elementsEqual("ph".utf8) {
            guard case .some(.some(let code)) = area,
                let number = Self.value(in: tag).flatMap({ Self.digits($0, count: 7) }), number >= 2_000_000
            else {
                sink.invalid(line: tagLine, column: tagColumn)
                return
            }
            sink.key(10_000_000_000 + code * 10_000_000 + number, line: tagLine, column: tagColumn)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    /// The element name at the start of a tag's bytes.
    static func name(of tag: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        tag.prefix { !isSpace($0) && $0 != UInt8(ascii: "/") }
    }

    /// The value of the tag's `val` attribute, quoted with `'` or `"`.
    static func value(in tag: [UInt8]) -> ArraySlice<UInt8>? {
        var index = name(of: tag[...]).endIndex
        while index < tag.count {
            while index < tag.count && isSpace(tag[index]) { index += 1 }
            let nameStart = index
            while index < tag.count && tag[index] != UInt8(ascii: "=") && !isSpace(tag[index]) { index += 1 }
            let attribute = tag[nameStart..<index]
            while index < tag.count && isSpace(tag[index]) { index += 1 }
            guard index < tag.count, tag[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            while index < tag.count && isSpace(tag[index]) { index += 1 }
            guard index < tag.count, tag[index] == UInt8(ascii: "'") || tag[index] == UInt8(ascii: "\"") else {
                return nil
            }
            let quote = tag[index]
            let valueStart = index + 1
            guard let valueEnd = tag[valueStart...].firstIndex(of: quote) else { return nil }
            if attribute.elementsEqual("val".utf8) { return tag[valueStart..<valueEnd] }
            index = valueEnd + 1
        }
        return nil
    }

    /// `text` as a number when it is exactly `count` decimal digits.
    static func digits(_ text: ArraySlice<UInt8>, count: Int) -> UInt64? {
        guard text.count == count else { return nil }
        var value: UInt64 = 0
        for byte in text {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + UInt64(digit)
        }
        return value
    }
}
