import Foundation

extension UUID {
    /// `uuidString` (upper-case hex, 8-4-4-4-12) written here: Foundation formats it with `snprintf`, which was a tenth
    /// of an import's write phase (each imported row names its id in its row, its search entry and its record entry).
    /// `UUIDTextTests` compares the two.
    public var uuidText: String {
        String(unsafeUninitializedCapacity: 36) { out in
            appendText { i, b in out[i] = b }
            return 36
        }
    }

    /// Calls `put` with each of the 36 characters of `uuidText`, by position.
    @inline(__always)
    func appendText(_ put: (Int, UInt8) -> Void) {
        let digits: StaticString = "0123456789ABCDEF"
        withUnsafeBytes(of: uuid) { raw in
            digits.withUTF8Buffer { hex in
                var at = 0
                for (i, b) in raw.enumerated() {
                    if i == 4 || i == 6 || i == 8 || i == 10 { put(at, UInt8(ascii: "-")); at += 1 }
                    put(at, hex[Int(b >> 4)]); put(at + 1, hex[Int(b & 15)]); at += 2
                }
            }
        }
    }
}
