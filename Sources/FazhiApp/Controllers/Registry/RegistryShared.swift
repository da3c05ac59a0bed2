import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import Foundation
import Vapor

extension AuthUser {
    /// Organisations whose registries (officers, list items) the user may change: a system admin's subtree, a
    /// head's own organisation and below, a supervisor's whole jurisdiction.
    var registryWritable: Set<UUID> {
        var out = administered
        for g in grants where g.role == .head { out.formUnion(policy.tree.subtree(of: g.organisationID)) }
        for g in grants where g.role == .supervisor { out.formUnion(policy.tree.jurisdiction(of: g.organisationID)) }
        return out
    }

    /// Registering and confirming enforcement bodies (主体资格确认) is the 司法局's and the administrators' work.
    var mayConfirmBodies: Bool { isAdmin || isSupervisor }

    /// Which bodies' data the user sees: all for a supervisor, their own (and below) for an agency user.
    var registryReadable: Set<UUID> { readable }
}

/// Tables for exports and open data: the same columns as the import templates, so an export can be re-imported.
enum RegistryTables {
    static func officers(_ rows: [OfficerRow], year: Int, withPersonalData: Bool) -> [[String]] {
        if !withPersonalData {
            return [["姓名", "执法主体", "执法证号", "执法类别", "执法区域", "证件状态", "有效期至"]]
                + rows.map {
                    [
                        $0.name, $0.bodyName, $0.certificateNumber, $0.certificateCategory, $0.certificateRegion,
                        CertificateStatus(rawValue: $0.certificateStatus)?.chineseName ?? "", $0.certificateExpiresOn,
                    ]
                }
        }
        return [RegistryTemplates.officers.headers]
            + rows.map { o in
                [
                    o.name, o.gender, o.idNumber, o.bodyName, o.post, o.certificateNumber, o.certificateCategory,
                    o.certificateRegion, o.certificateIssuedOn,
                    o.certificateExpiresOn, CertificateStatus(rawValue: o.certificateStatus)?.chineseName ?? "",
                    o.legalQualification ? "是" : "否",
                    o.legalCertificateNumber, o.examScore.map(Yuan.number) ?? "",
                    o.trainingHours == nil ? "" : String(year), o.trainingHours.map(Yuan.number) ?? "",
                ]
            }
    }

    static func powers(_ rows: [PowerListEntry]) throws -> [[String]] {
        [RegistryTemplates.powerList.headers]
            + (try rows.map { r in
                let c = try r.content()
                return [
                    c.code, c.name, c.type.chineseName, c.subItems.joined(separator: "、"),
                    c.basis.map(\.law).joined(separator: "；"),
                    c.basis.map(\.article).joined(separator: "；"), c.basis.map(\.text).joined(separator: "；"),
                    r.organisationName, c.responsibilities,
                    c.process, c.accountability, c.supervision, (AdjustmentKind(rawValue: r.kind) ?? .add).chineseName,
                    r.effectiveOn, "", "", "",
                ]
            })
    }

    static func benchmarks(_ rows: [StoredBenchmark]) throws -> [[String]] {
        var out = [RegistryTemplates.benchmarks.headers]
        for s in rows {
            let b = try s.benchmark()
            for t in b.tiers {
                out.append([
                    b.code, b.powerItemCode, b.violation, b.violatedArticle, b.penaltyArticle, b.measure ?? "",
                    b.measureUnit ?? "",
                    b.firstViolationExempt ? "是" : "否", t.kind.chineseName, t.measureFrom.map(Yuan.number) ?? "",
                    t.measureTo.map(Yuan.number) ?? "",
                    t.circumstances, t.range.fineBasis.chineseName,
                    t.range.fineBasis == .none ? "" : Yuan.number(t.range.minimum),
                    t.range.fineBasis == .none ? "" : Yuan.number(t.range.maximum),
                    t.range.otherPenalties.joined(separator: "、"), s.effectiveOn,
                ])
            }
        }
        return out
    }

    /// The template workbook: the header, one example row, and a sheet that explains each column.
    static func template(_ t: ImportTemplate) throws -> Data {
        try XLSXWriter.write([
            .init(name: t.title, rows: [t.headers, t.exampleRow]),
            .init(
                name: "填写说明",
                rows: [["列", "必填", "说明"]] + t.columns.map { [$0.header, $0.required ? "是" : "否", $0.note] }),
        ])
    }
}

/// Responses for tables as files.
enum TableResponse {
    typealias Sheet = XLSXWriter.Sheet

    static func xlsx(_ rows: [[String]], sheet: String, filename: String) throws -> Response {
        try xlsx([.init(name: sheet, rows: rows)], filename: filename)
    }

    /// A workbook of several sheets.
    static func xlsx(_ sheets: [XLSXWriter.Sheet], filename: String) throws -> Response {
        file(
            try XLSXWriter.write(sheets), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename: filename + ".xlsx")
    }

    static func csv(_ rows: [[String]], filename: String) -> Response {
        file(CSV.write(rows), type: "text/csv; charset=utf-8", filename: filename + ".csv")
    }

    static func file(_ data: Data, type: String, filename: String) -> Response {
        let r = Response(status: .ok, body: .init(data: data))
        r.headers.replaceOrAdd(name: .contentType, value: type)
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export"
        r.headers.replaceOrAdd(
            name: .contentDisposition,
            value:
                "attachment; filename=\"export\(filename.hasSuffix(".csv") ? ".csv" : ".xlsx")\"; filename*=UTF-8''\(encoded)"
        )
        return r
    }

    static func json<T: Encodable>(_ value: T) throws -> Response {
        let e = JSONEncoder(); e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let r = Response(status: .ok, body: .init(data: try e.encode(value)))
        r.headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        return r
    }
}

/// Public projections (事前公示): only fields that may be published; no ID numbers, phones or birth dates.
struct PublicBody: Codable {
    let name: String; let kind: String; let entrustingBody: String?; let scope: String; let legalBasis: String;
    let confirmedOn: String?; let announcementDocument: String
}
struct PublicOfficer: Codable {
    let name: String; let body: String; let certificateNumber: String; let category: String; let region: String;
    let status: String; let expiresOn: String
}
struct PublicPowerItem: Codable {
    let code: String; let name: String; let type: String; let subItems: [String]; let basis: [LegalBasis];
    let body: String
    let responsibilities: String; let process: String; let accountability: String; let supervision: String;
    let status: String; let since: String
}

extension PublicOfficer {
    init(_ o: OfficerRow) {
        self.init(
            name: o.name, body: o.bodyName, certificateNumber: o.certificateNumber, category: o.certificateCategory,
            region: o.certificateRegion,
            status: CertificateStatus(rawValue: o.certificateStatus)?.chineseName ?? "",
            expiresOn: o.certificateExpiresOn)
    }
}

extension PublicPowerItem {
    init(_ r: PowerListEntry) throws {
        let c = try r.content()
        self.init(
            code: c.code, name: c.name, type: c.type.chineseName, subItems: c.subItems, basis: c.basis,
            body: r.organisationName,
            responsibilities: c.responsibilities, process: c.process, accountability: c.accountability,
            supervision: c.supervision,
            status: r.status.chineseName, since: r.effectiveOn)
    }
}

extension PublicBody {
    init(_ b: EnforcementBodyRow) {
        self.init(
            name: b.organisationName, kind: EnforcementBodyKind(rawValue: b.kind)?.chineseName ?? b.kind,
            entrustingBody: b.entrustingOrganisationName,
            scope: b.scope, legalBasis: b.legalBasis, confirmedOn: b.confirmedOn,
            announcementDocument: b.announcementDocument)
    }
}
