import Foundation

/// A value that writes its own canonical JSON — byte for byte what `JSONEncoder` with sorted keys writes for its
/// `Encodable` form — without `JSONEncoder`'s boxed tree of values. An import writes 100,000 rows' record payloads;
/// through `JSONEncoder` that was a sixth of the import's time. `CanonicalJSON.encode` takes this path whenever the
/// value has it; `CanonicalJSONWriterTests` compares every conformance with `JSONEncoder`.
public protocol CanonicalJSONWritable: Encodable {
    func write(to json: inout CanonicalJSONWriter) throws
}

/// Writes JSON as `JSONEncoder` does with `.sortedKeys` (and `.withoutEscapingSlashes` unless told otherwise): keys in
/// UTF-8 byte order — a `CanonicalJSONWritable` type writes its keys in that order itself —, `nil` properties left out
/// (as synthesised `Encodable` does), a whole double without ".0", control characters escaped.
public struct CanonicalJSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether `/` is written `\/` (`StoreJSON`, which stores JSON columns, does; the record's payloads do not).
    let escapingSlashes: Bool
    /// For each open object or array: whether nothing is in it yet.
    private var empty: [Bool] = []
    /// A key was just written: its value follows without a comma.
    private var afterKey = false

    public init(escapingSlashes: Bool = false, capacity: Int = 256) {
        self.escapingSlashes = escapingSlashes
        bytes.reserveCapacity(capacity)
    }

    /// A whole value's bytes.
    public static func bytes(of value: some CanonicalJSONWritable, escapingSlashes: Bool = false) throws -> [UInt8] {
        var w = CanonicalJSONWriter(escapingSlashes: escapingSlashes)
        try value.write(to: &w)
        return w.bytes
    }

    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard let isEmpty = empty.last else { return }
        if isEmpty { empty[empty.count - 1] = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    public mutating func openObject() { separate(); bytes.append(UInt8(ascii: "{")); empty.append(true) }
    public mutating func closeObject() { empty.removeLast(); bytes.append(UInt8(ascii: "}")) }
    public mutating func openArray() { separate(); bytes.append(UInt8(ascii: "[")); empty.append(true) }
    public mutating func closeArray() { empty.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// The next key of the open object; the caller writes keys in sorted order and then the key's value.
    public mutating func key(_ k: String) { separate(); quoted(k); bytes.append(UInt8(ascii: ":")); afterKey = true }

    public mutating func string(_ s: String) { separate(); quoted(s) }
    public mutating func int(_ i: Int) { separate(); bytes.append(contentsOf: String(i).utf8) }
    public mutating func bool(_ b: Bool) { separate(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    public mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }

    /// A UUID as its `uuidString`, quoted (written straight into the bytes: no string made).
    public mutating func uuid(_ u: UUID) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 36))
        bytes.withUnsafeMutableBufferPointer { out in u.appendText { i, b in out[start + i] = b } }
        bytes.append(UInt8(ascii: "\""))
    }

    /// As `JSONEncoder`: the shortest form that reads back, "80.0" as 80; a NaN or infinity cannot be written.
    public mutating func double(_ d: Double) throws {
        guard d.isFinite else {
            throw EncodingError.invalidValue(d, .init(codingPath: [], debugDescription: "不是有限数值：\(d)"))
        }
        separate()
        var s = d.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        bytes.append(contentsOf: s.utf8)
    }

    /// A key with its value; a nil value writes nothing (synthesised `Encodable` leaves it out).
    public mutating func field(_ k: String, _ v: (some CanonicalJSONWritable)?) throws {
        guard let v else { return }
        key(k)
        try v.write(to: &self)
    }

    // The common types without the generic path: called from other modules, a generic method runs unspecialised.
    public mutating func field(_ k: String, _ v: String) { key(k); string(v) }
    public mutating func field(_ k: String, _ v: Int?) { if let v { key(k); int(v) } }
    public mutating func field(_ k: String, _ v: Bool) { key(k); bool(v) }
    public mutating func field(_ k: String, _ v: Double?) throws { if let v { key(k); try double(v) } }
    public mutating func field(_ k: String, _ v: UUID) { key(k); uuid(v) }
    public mutating func field(_ k: String, _ v: CivilDate) { key(k); string(v.description) }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func quoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C || (b == 0x2F && escapingSlashes) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case 0x22, 0x5C, 0x2F: bytes.append(b)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 48, 48, Self.hex[Int(b >> 4)], Self.hex[Int(b & 15)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension String: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSONWriter) { json.string(self) }
}

extension Int: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSONWriter) { json.int(self) }
}

extension Bool: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSONWriter) { json.bool(self) }
}

extension Double: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSONWriter) throws { try json.double(self) }
}

extension UUID: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSONWriter) { json.uuid(self) }
}

extension CivilDate: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSONWriter) { json.string(description) }
}

extension Array: CanonicalJSONWritable where Element: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSONWriter) throws {
        json.openArray()
        for e in self { try e.write(to: &json) }
        json.closeArray()
    }
}

extension Dictionary: CanonicalJSONWritable where Key == String, Value: CanonicalJSONWritable {
    /// Keys in UTF-8 byte order, as `JSONEncoder`'s `.sortedKeys`.
    public func write(to json: inout CanonicalJSONWriter) throws {
        json.openObject()
        // The keys' bytes and positions sorted, not the entries: this runs unspecialised (an import's row seals reach it
        // as `any CanonicalJSONWritable`), where moving generic entries about took a tenth of the whole import.
        let entries = Array(self)
        let order = entries.indices.map { (bytes: Array(entries[$0].key.utf8), index: $0) }
            .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        for o in order {
            json.key(entries[o.index].key)
            try entries[o.index].value.write(to: &json)
        }
        json.closeObject()
    }
}

extension CanonicalJSONWritable where Self: RawRepresentable, RawValue == String {
    public func write(to json: inout CanonicalJSONWriter) { json.string(rawValue) }
}
