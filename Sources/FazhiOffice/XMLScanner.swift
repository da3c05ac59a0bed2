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

    mutating func next() -> Event? {
        while i < end {
            if bytes[i] != UInt8(ascii: "<") {
                let start = i
                while i < end && bytes[i] != UInt8(ascii: "<") { i += 1 }
                return .text(Self.decode(bytes[start..<i]))
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
                    return .text(String(decoding: bytes[start..<max(start, i - 3)], as: UTF8.self))
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
                return .end(name: Substring(String(decoding: bytes[start..<stop], as: UTF8.self)))
            }
            i += 1
            let nameStart = i
            while i < end && !Self.isSpace(bytes[i]) && bytes[i] != UInt8(ascii: ">")
                && bytes[i] != UInt8(ascii: "/")
            { i += 1 }
            let name = Substring(String(decoding: bytes[nameStart..<i], as: UTF8.self))
            var attrs: [(Substring, String)] = []
            var selfClosing = false
            while i < end {
                while i < end && Self.isSpace(bytes[i]) { i += 1 }
                guard i < end else { break }
                if bytes[i] == UInt8(ascii: ">") { i += 1; break }
                if bytes[i] == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
                let an = i
                while i < end && bytes[i] != UInt8(ascii: "=") && !Self.isSpace(bytes[i])
                    && bytes[i] != UInt8(ascii: ">")
                { i += 1 }
                let attrName = Substring(String(decoding: bytes[an..<i], as: UTF8.self))
                while i < end && (Self.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "=")) { i += 1 }
                guard i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { continue }
                let q = bytes[i]; i += 1
                let vs = i
                while i < end && bytes[i] != q { i += 1 }
                attrs.append((attrName, Self.decode(bytes[vs..<i])))
                i += 1
            }
            return .start(name: name, attributes: attrs, selfClosing: selfClosing)
        }
        return nil
    }

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
