import FazhiCore
import Foundation
import Testing

@testable import FazhiStore

/// The record hashes a payload's canonical JSON. Types that write their own (`CanonicalJSONWritable`, the import's fast
/// path) must write exactly what `JSONEncoder` writes for them, or the same change would hash two ways.
@Suite struct CanonicalJSONWriterTests {
    /// Every character class the writer escapes or passes: controls, quote, backslash, slash, DEL, CJK, emoji.
    static let awkward: [String] = {
        var controls = ""
        for c in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
        return ["", controls, "\"引号\" \\ / \u{7F} \u{2028}", "张三/执法 队员", "😀𠀀é", "a\nb\tc\r\u{8}\u{C}"]
    }()

    static func same<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = try CanonicalJSON.encode(value)
        let foundation = try CanonicalJSON.encodeWithFoundation(value)
        #expect(
            String(decoding: fast, as: UTF8.self) == String(decoding: foundation, as: UTF8.self),
            sourceLocation: sourceLocation)
    }

    @Test func scalarsStringsAndMapsAsJSONEncoder() throws {
        for s in Self.awkward { try Self.same(s); try Self.same([s: s]) }
        for d in [0, -0.0, 80, 60.5, 0.1, 1e20, 1e-7, 2.5e15, 100.0 / 3, -12.75, Double.greatestFiniteMagnitude] {
            try Self.same(d); try Self.same([d])
        }
        try Self.same([Int.min, 0, 42, Int.max])
        try Self.same([true, false])
        try Self.same(UUID())
        // Keys sort by UTF-8 bytes: upper case before lower, "a10" before "a9", non-ASCII last.
        try Self.same(["b": 1, "B": 2, "a10": 3, "a9": 4, "é": 5, "z": 6, "X'01": 7, "X'10": 8, "中": 9, "": 10])
        try Self.same(["rows": ["X'01AB'": "f00d", "x'01ab'": "beef"]])
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(Double.nan) }
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode([Double.infinity]) }
    }

    static func officer(_ k: Int, name: String, score: Double?) -> OfficerInput {
        OfficerInput(
            name: name, gender: k % 2 == 0 ? "男" : "女", idNumber: "11010519491231002X", bodyID: UUID(), post: "执法/队员",
            certificate: EnforcementCertificate(
                number: "BM\(k)", category: "综合\"执法\"", region: "清河县\\", issuedOn: CivilDate(iso: "2024-01-01")!,
                expiresOn: CivilDate(iso: "2029-12-31")!,
                status: CertificateStatus.allCases[k % CertificateStatus.allCases.count]),
            hasLegalQualification: k % 3 == 0, legalCertificateNumber: k % 3 == 0 ? "A\(k)" : "", examScore: score)
    }

    @Test func importedOfficersRecordAsJSONEncoder() throws {
        for (k, name) in Self.awkward.enumerated() {
            let score: Double? = [nil, 80, 60.5, 0, 100, 99.99][k % 6]
            let o = Self.officer(k, name: name, score: score)
            try Self.same(o)
            let entry = RegistryImporter.PreparedOfficers.Entry(
                id: UUID(), row: k + 2, officer: o.recordForm, trainingYear: k % 2 == 0 ? 2026 : nil,
                trainingHours: k % 2 == 0 ? [60, 12.5, 0][k % 3] : nil)
            try Self.same([entry, entry])
        }
    }

    @Test func importedPowerItemsRecordAndStoreAsJSONEncoder() throws {
        for (k, text) in Self.awkward.enumerated() {
            let content = PowerItemContent(
                code: "339901-XK-\(k)", name: "对\(text)的许可", type: PowerType.allCases[k % PowerType.allCases.count],
                subItems: k % 2 == 0 ? [] : [text, "子项/二"],
                basis: [LegalBasis(law: "《行政许可法》", article: "第\(k)条", text: text)], organisationID: UUID(),
                responsibilities: text, process: "受理/审查/决定", accountability: "", supervision: "12345")
            let adjustment = PowerAdjustment(
                kind: AdjustmentKind.allCases[k % AdjustmentKind.allCases.count],
                effectiveOn: CivilDate(iso: "2016-01-01")!, sequence: k + 1, reason: text,
                approvalDocument: "清政办发〔2016〕1号",
                approver: "县政府", content: content)
            try Self.same([RegistryImporter.PreparedAdjustments.Entry(row: k + 2, adjustment: adjustment)])
            // The stored content column (StoreJSON: slashes escaped).
            #expect(String(decoding: try StoreJSON.bytes(content), as: UTF8.self) == (try StoreJSON.encode(content)))
        }
    }
}
