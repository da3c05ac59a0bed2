import Foundation

/// What text from outside may hold: no control characters but tab and line breaks (a NUL or an escape once went into the
/// record and the 文书).
public enum TextChecks {
    public static func hasControlCharacters(_ s: String) -> Bool {
        // Also the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible, they make a name
        // display as another. Most text has no byte that could start one (an import checks every cell).
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xE2 }) else { return false }
        return s.unicodeScalars.contains {
            $0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value) || $0.value == 0x7F
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
    }

    /// Refuses a text with a control character, naming the field (in Chinese).
    public static func checkPrintable(_ s: String, field: String, label: String) throws {
        if hasControlCharacters(s) { throw DomainError.invalid(field: field, message: "“\(label)”含有不可见的控制字符") }
    }
}
