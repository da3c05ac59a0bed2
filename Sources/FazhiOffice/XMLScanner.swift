import Foundation

/// A small, fast pull scanner for the XML inside Office files (sheets, shared strings, document parts). It
/// knows elements, attributes, text, CDATA and the five entities plus character references; it does not
/// validate and ignores comments, processing instructions and DOCTYPEs, which these parts do not need.
struct XMLScanner {
    enum Event {
        case start(name: Substring, attributes: [(Substring, String)], selfClosing: Bool)
        case end(name: Substring)
        case text(String)
    }

    private let bytes: [UInt8]
    private var i: Int
    private let end: Int

    /// Scans `bytes`, or only the part of them in `range` (a sheet's rows split between threads).
    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        i = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    /// The local name (after any `prefix:`), so `x:row` and `row` read the same.
    static func local(_ name: Substring) -> Substring {
        if let c = name.utf8.lastIndex(of: UInt8(ascii: ":")) { return name[name.utf8.index(after: c)...] }
        return name
    }

    /// What the scanner reads, as byte ranges of the part, nothing decoded until asked: a sheet of 100,000 rows has
    /// millions of tags, and making strings of every name and attribute was most of the time it took to read one.
    enum Token {
        /// `attributes`: the bytes between the name and `>` (or `/>`).
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        /// Text with entities still in it (`appendText` decodes them).
        case text(Range<Int>)
        /// A CDATA section's text, taken as it is.
        case cdata(Range<Int>)
    }

    mutating func next() -> Event? {
        guard let token = nextToken() else { return nil }
        switch token {
        case .text(let r): return .text(Self.decode(bytes[r]))
        case .cdata(let r): return .text(String(decoding: bytes[r], as: UTF8.self))
        case .end(let name): return .end(name: Substring(String(decoding: bytes[name], as: UTF8.self)))
        case .start(let name, let attributes, let selfClosing):
            return .start(
                name: Substring(String(decoding: bytes[name], as: UTF8.self)),
                attributes: self.attributes(attributes), selfClosing: selfClosing)
        }
    }

    mutating func nextToken() -> Token? {
        while i < end {
            if bytes[i] != UInt8(ascii: "<") {
                let start = i
                while i < end && bytes[i] != UInt8(ascii: "<") { i += 1 }
                return .text(start..<i)
            }
            // "<"
            guard i + 1 < end else { return nil }
            let c = bytes[i + 1]
            if c == UInt8(ascii: "?") { skip(past: [UInt8(ascii: "?"), UInt8(ascii: ">")]); continue }
            if c == UInt8(ascii: "!") {
                if matches("<![CDATA[") {
                    i += 9
                    let start = i
                    skip(past: Array("]]>".utf8))
                    return .cdata(start..<max(start, i - 3))
                }
                if matches("<!--") { skip(past: Array("-->".utf8)); continue }
                skip(past: [UInt8(ascii: ">")]); continue
            }
            if c == UInt8(ascii: "/") {
                i += 2
                var start = i
                while i < end && bytes[i] != UInt8(ascii: ">") { i += 1 }
                var stop = i
                while start < stop && Self.isSpace(bytes[start]) { start += 1 }
                while stop > start && Self.isSpace(bytes[stop - 1]) { stop -= 1 }
                i += 1
                return .end(name: start..<stop)
            }
            i += 1
            let nameStart = i
            while i < end && !Self.isSpace(bytes[i]) && bytes[i] != UInt8(ascii: ">")
                && bytes[i] != UInt8(ascii: "/")
            { i += 1 }
            let name = nameStart..<i
            // The tag ends at the first ">" outside a quoted attribute value. A quote opens a value only after "=" (a
            // stray quote in a damaged tag must not swallow the rows after it).
            let attributesStart = i
            var quote: UInt8 = 0
            var afterEquals = false
            while i < end {
                let b = bytes[i]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if afterEquals && (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    break
                }
                if quote == 0 && !Self.isSpace(b) { afterEquals = b == UInt8(ascii: "=") }
                i += 1
            }
            var attributesEnd = i
            var stop = i
            while stop > attributesStart && Self.isSpace(bytes[stop - 1]) { stop -= 1 }
            let selfClosing = stop > attributesStart && bytes[stop - 1] == UInt8(ascii: "/")
            if selfClosing { attributesEnd = stop - 1 }
            if i < end { i += 1 }
            return .start(name: name, attributes: attributesStart..<attributesEnd, selfClosing: selfClosing)
        }
        return nil
    }

    /// Every attribute of a start tag, values decoded.
    func attributes(_ r: Range<Int>) -> [(Substring, String)] {
        var out: [(Substring, String)] = []
        forEachAttribute(in: r) { name, value in
            out.append((Substring(String(decoding: bytes[name], as: UTF8.self)), Self.decode(bytes[value])))
            return true
        }
        return out
    }

    /// The value's bytes (entities not decoded) of the attribute named exactly `name`, in a start tag's attributes.
    func attribute(_ name: String, in r: Range<Int>) -> Range<Int>? {
        var found: Range<Int>?
        forEachAttribute(in: r) { n, value in
            guard bytes[n].elementsEqual(name.utf8) else { return true }
            found = value
            return false
        }
        return found
    }

    /// Calls `body` with each attribute's name and raw value until it returns false.
    private func forEachAttribute(in r: Range<Int>, _ body: (Range<Int>, Range<Int>) -> Bool) {
        var k = r.lowerBound
        while k < r.upperBound {
            while k < r.upperBound && (Self.isSpace(bytes[k]) || bytes[k] == UInt8(ascii: "/")) { k += 1 }
            guard k < r.upperBound else { return }
            let nameStart = k
            while k < r.upperBound && bytes[k] != UInt8(ascii: "=") && !Self.isSpace(bytes[k]) { k += 1 }
            let name = nameStart..<k
            while k < r.upperBound && (Self.isSpace(bytes[k]) || bytes[k] == UInt8(ascii: "=")) { k += 1 }
            guard k < r.upperBound, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") else { continue }
            let q = bytes[k]
            k += 1
            let valueStart = k
            while k < r.upperBound && bytes[k] != q { k += 1 }
            guard body(name, valueStart..<k) else { return }
            k += 1
        }
    }

    /// Whether a tag name's local part (after any `prefix:`) is `local`, compared as bytes.
    func isLocal(_ name: Range<Int>, _ local: StaticString) -> Bool {
        var start = name.lowerBound
        var k = name.upperBound
        while k > name.lowerBound {
            k -= 1
            if bytes[k] == UInt8(ascii: ":") { start = k + 1; break }
        }
        return local.withUTF8Buffer { bytes[start..<name.upperBound].elementsEqual($0) }
    }

    /// The text of a range with entities and character references decoded, appended as UTF-8.
    /// Through the array's buffer: as slices of `bytes`, every cell's text retained and released the part's storage
    /// (a sixth of reading a sheet's cells).
    func appendText(_ r: Range<Int>, to out: inout [UInt8]) {
        let plain = bytes.withUnsafeBufferPointer { b in
            // A buffer's slice is bounds-checked only in debug builds; the array's subscript always was.
            precondition(r.lowerBound >= 0 && r.upperBound <= b.count, "text outside the part")
            let text = UnsafeBufferPointer(rebasing: b[r])
            guard let base = text.baseAddress, memchr(base, Int32(UInt8(ascii: "&")), text.count) != nil else {
                out.append(contentsOf: text)
                return true
            }
            return false
        }
        if !plain { out.append(contentsOf: Self.decode(bytes[r]).utf8) }
    }

    /// A range's bytes, entities decoded, as a String.
    func text(_ r: Range<Int>) -> String { Self.decode(bytes[r]) }

    func raw(_ r: Range<Int>) -> ArraySlice<UInt8> { bytes[r] }

    private func matches(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard i + u.count <= end else { return false }
        return bytes[i..<(i + u.count)].elementsEqual(u)
    }

    private mutating func skip(past pattern: [UInt8]) {
        while i < end {
            if bytes[i] == pattern[0] && i + pattern.count <= end
                && bytes[i..<(i + pattern.count)].elementsEqual(pattern)
            {
                i += pattern.count; return
            }
            i += 1
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Text with entities and character references decoded.
    static func decode(_ s: ArraySlice<UInt8>) -> String {
        guard s.contains(UInt8(ascii: "&")) else { return String(decoding: s, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var j = s.startIndex
        while j < s.endIndex {
            let b = s[j]
            guard b == UInt8(ascii: "&"), let semi = s[j...].firstIndex(of: UInt8(ascii: ";")), semi - j <= 10 else {
                out.append(b); j += 1; continue
            }
            let ent = String(decoding: s[(j + 1)..<semi], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch ent {
            case "lt": scalar = "<";
            case "gt": scalar = ">";
            case "amp": scalar = "&";
            case "quot": scalar = "\"";
            case "apos": scalar = "'"
            default:
                if ent.hasPrefix("#x") || ent.hasPrefix("#X") {
                    scalar = UInt32(ent.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if ent.hasPrefix("#") {
                    scalar = UInt32(ent.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8)); j = semi + 1
            } else {
                out.append(b); j += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text escaped for element content and attribute values.
    static func escape(_ s: String) -> String {
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            default:
                // XML 1.0 forbids most control characters; drop them rather than write an unreadable file.
                if c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" { continue }
                r.unicodeScalars.append(c)
            }
        }
        return r
    }
}
