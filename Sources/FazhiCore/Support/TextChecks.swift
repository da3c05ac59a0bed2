import Foundation

/// What text from outside may hold: no control characters but tab and line breaks (a NUL or an escape once went into the
/// record and the 文书).
public enum TextChecks {
    public static func hasControlCharacters(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value) || $0.value == 0x7F }
    }

    /// Refuses a text with a control character, naming the field (in Chinese).
    public static func checkPrintable(_ s: String, field: String, label: String) throws {
        if hasControlCharacters(s) { throw DomainError.invalid(field: field, message: "“\(label)”含有不可见的控制字符") }
    }
}
