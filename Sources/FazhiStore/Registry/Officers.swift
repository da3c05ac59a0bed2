import Crypto
import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// What is entered for an officer (the API, the console form, an import row once its body is resolved).
public struct OfficerInput: Codable, Sendable, Equatable {
    public var name: String
    public var gender: String
    public var idNumber: String
    public var bodyID: UUID
    public var post: String
    public var certificate: EnforcementCertificate
    public var hasLegalQualification: Bool
    public var legalCertificateNumber: String
    public var examScore: Double?

    public init(
        name: String, gender: String, idNumber: String, bodyID: UUID, post: String, certificate: EnforcementCertificate,
        hasLegalQualification: Bool, legalCertificateNumber: String, examScore: Double?
    ) {
        self.name = name; self.gender = gender; self.idNumber = idNumber; self.bodyID = bodyID; self.post = post;
        self.certificate = certificate
        self.hasLegalQualification = hasLegalQualification; self.legalCertificateNumber = legalCertificateNumber;
        self.examScore = examScore
    }

    /// The first problem with the fields themselves (not against what is stored).
    public func problem() -> DomainError? {
        if name.trimmed.isEmpty || name.count > 30 { return .invalid(field: "name", message: "姓名不能为空且不超过30字") }
        if gender != "男" && gender != "女" { return .invalid(field: "gender", message: "性别应为“男”或“女”") }
        if let p = PersonalData.idNumberProblem(idNumber) { return .invalid(field: "idNumber", message: p) }
        if let p = certificate.problem() { return p }
        if hasLegalQualification && legalCertificateNumber.trimmed.isEmpty {
            return .invalid(field: "legalCertificateNumber", message: "具有法律职业资格的，须填写证书编号")
        }
        if let s = examScore, !(0...100).contains(s) { return .invalid(field: "examScore", message: "考试成绩应在0至100之间") }
        return nil
    }

    /// As stored in the record: the ID number only as its SHA-256, so the public proof of an entry never carries it.
    var recordForm: OfficerInput {
        var c = self; c.idNumber = Hex.encode(SHA256.hash(data: Array(idNumber.utf8))); return c
    }
}

extension OfficerInput: CanonicalJSONWritable {
    /// Its `Encodable` form, keys in sorted order (an import records every row).
    public func write(to json: inout CanonicalJSONWriter) throws {
        json.openObject()
        json.field("bodyID", bodyID)
        try json.field("certificate", certificate)
        try json.field("examScore", examScore)
        json.field("gender", gender)
        json.field("hasLegalQualification", hasLegalQualification)
        json.field("idNumber", idNumber)
        json.field("legalCertificateNumber", legalCertificateNumber)
        json.field("name", name)
        json.field("post", post)
        json.closeObject()
    }
}

/// An officer as read for the console (all fields) and, through `publicForm`, for the portal.
public struct OfficerRow: Codable, Sendable {
    public let id: UUID
    public let name: String
    public let gender: String
    public let idNumber: String
    public let bodyId: UUID
    public let bodyName: String
    public let post: String
    public let certificateNumber: String
    public let certificateCategory: String
    public let certificateRegion: String
    public let certificateIssuedOn: String
    public let certificateExpiresOn: String
    public let certificateStatus: String
    public let legalQualification: Bool
    public let legalCertificateNumber: String
    public let examScore: Double?
    /// Hours the 名录 registers for the year (imported or entered; what its form and export carry).
    public let trainingHours: Double?
    /// Hours the year's 执法人员培训 courses give the officer (业务知识和法律法规 courses attended).
    public let courseHours: Double?

    /// The year's hours in all: the 名录's and the courses'.
    public var totalHours: Double? {
        trainingHours == nil && (courseHours ?? 0) == 0 ? nil : (trainingHours ?? 0) + (courseHours ?? 0)
    }

    public var profile: OfficerProfile {
        OfficerProfile(
            name: name, certificate: certificate, hasLegalQualification: legalQualification, trainingHours: [:])
    }

    public var certificate: EnforcementCertificate {
        EnforcementCertificate(
            number: certificateNumber, category: certificateCategory, region: certificateRegion,
            issuedOn: CivilDate(iso: certificateIssuedOn)!, expiresOn: CivilDate(iso: certificateExpiresOn)!,
            status: CertificateStatus(rawValue: certificateStatus) ?? .active)
    }

    public func profile(year: Int) -> OfficerProfile {
        var p = profile; p.trainingHours = [year: totalHours ?? 0]; return p
    }
}

/// 执法人员 and their yearly training hours.
public enum Officers {
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    public static func searchText(_ i: OfficerInput, bodyName: String) -> String {
        "\(i.name) \(i.certificate.number) \(bodyName) \(i.certificate.category) \(i.certificate.region)"
    }

    /// Checks that the body is a registered enforcement body and the numbers are not taken.
    static func checkAgainstStore(
        _ i: OfficerInput, excluding id: UUID?, on sql: any SQLDatabase
    ) async throws -> String {
        guard let body = try await EnforcementBodies.body(organisation: i.bodyID, on: sql as! any Database) else {
            throw DomainError.invalid(field: "bodyId", message: "该机关尚未登记为执法主体，请先登记执法主体")
        }
        var q = sql.select().column("id").from("officers").where(
            "certificate_number", .equal, SQLBind(i.certificate.number))
        if let id { q = q.where("id", .notEqual, SQLBind(id)) }
        if try await q.first() != nil {
            throw DomainError.conflict(field: "certificateNumber", message: "执法证号 \(i.certificate.number) 已被其他执法人员使用")
        }
        var q2 = sql.select().column("id").from("officers").where("id_number", .equal, SQLBind(i.idNumber))
        if let id { q2 = q2.where("id", .notEqual, SQLBind(id)) }
        if try await q2.first() != nil {
            throw DomainError.conflict(field: "idNumber", message: "该身份证号已登记为执法人员")
        }
        return body.organisationName
    }

    public static func create(
        _ input: OfficerInput, trainingYear: Int? = nil, trainingHours: Double? = nil, in tx: WriteTransaction
    ) async throws -> UUID {
        var i = input
        i.idNumber = i.idNumber.uppercased(); i.certificate.number = i.certificate.number.uppercased()
        if let p = i.problem() { throw p }
        let bodyName = try await checkAgainstStore(i, excluding: nil, on: tx.sql)
        let id = UUID()
        try await insert([(id, i)], in: tx)
        try await SearchIndex.put("officer", id.uuidString, text: searchText(i, bodyName: bodyName), on: tx.sql)
        try tx.record("officer", id.uuidString, "create", i.recordForm)
        if let y = trainingYear, let h = trainingHours { try await setTraining(officer: id, year: y, hours: h, in: tx) }
        return id
    }

    public static func update(_ id: UUID, _ input: OfficerInput, in tx: WriteTransaction) async throws {
        var i = input
        i.idNumber = i.idNumber.uppercased(); i.certificate.number = i.certificate.number.uppercased()
        if let p = i.problem() { throw p }
        guard try await officer(id, on: tx.db) != nil else { throw DomainError.notFound("执法人员不存在") }
        let bodyName = try await checkAgainstStore(i, excluding: id, on: tx.sql)
        let c = i.certificate
        try await tx.sql.update("officers")
            .set("name", to: SQLBind(i.name.trimmed)).set("gender", to: SQLBind(i.gender)).set(
                "id_number", to: SQLBind(i.idNumber)
            )
            .set("body_id", to: SQLBind(i.bodyID)).set("post", to: SQLBind(i.post.trimmed)).set(
                "certificate_number", to: SQLBind(c.number)
            )
            .set("certificate_category", to: SQLBind(c.category.trimmed)).set(
                "certificate_region", to: SQLBind(c.region.trimmed)
            )
            .set("certificate_issued_on", to: SQLBind(c.issuedOn.description)).set(
                "certificate_expires_on", to: SQLBind(c.expiresOn.description)
            )
            .set("certificate_status", to: SQLBind(c.status.rawValue)).set(
                "legal_qualification", to: SQLBind(i.hasLegalQualification)
            )
            .set("legal_certificate_number", to: SQLBind(i.legalCertificateNumber.trimmed)).set(
                "exam_score", to: SQLBind(i.examScore)
            )
            .where("id", .equal, SQLBind(id)).run()
        tx.seal(.officers, [id])
        try await SearchIndex.put("officer", id.uuidString, text: searchText(i, bodyName: bodyName), on: tx.sql)
        try tx.record("officer", id.uuidString, "update", i.recordForm)
    }

    /// The `officers` columns an insert writes, as `JSONRows`.
    static let columns = JSONRows([
        ("id", .uuid), ("name", .text), ("gender", .text), ("id_number", .text), ("body_id", .uuid), ("post", .text),
        ("certificate_number", .text), ("certificate_category", .text), ("certificate_region", .text),
        ("certificate_issued_on", .text), ("certificate_expires_on", .text), ("certificate_status", .text),
        ("legal_qualification", .bool), ("legal_certificate_number", .text), ("exam_score", .double),
    ])

    /// Officers as `columns` rows (an import makes them on another core while earlier rows are written).
    static func rows(_ officers: some Collection<(UUID, OfficerInput)>, _ format: RowsFormat) throws -> PackedRows {
        try columns.pack(officers, format) { row, officer in
            let (id, i) = officer
            let c = i.certificate
            row.uuid(id); row.string(i.name.trimmed); row.string(i.gender); row.string(i.idNumber)
            row.uuid(i.bodyID); row.string(i.post.trimmed); row.string(c.number)
            row.string(c.category.trimmed); row.string(c.region.trimmed); row.string(c.issuedOn.description)
            row.string(c.expiresOn.description); row.string(c.status.rawValue); row.bool(i.hasLegalQualification)
            row.string(i.legalCertificateNumber.trimmed)
            if let s = i.examScore { try row.double(s) } else { row.null() }
        }
    }

    /// Inserts already-checked officers (one statement; the import's fast path).
    static func insert(_ officers: [(UUID, OfficerInput)], in tx: WriteTransaction) async throws {
        try await insert(rows: rows(officers, RowsFormat(for: tx.sql)), ids: officers.map(\.0), in: tx)
    }

    /// Inserts officers already made into `rows`, with these (new) ids, and seals them as inserted.
    static func insert(rows: PackedRows, ids: [UUID], in tx: WriteTransaction) async throws {
        guard !ids.isEmpty else { return }
        try tx.seal(.officers, returned: try await sendInsert(rows: rows, in: tx).rows())
    }

    /// `insert(rows:…)` sent (`PendingRows`): the rows it returns are to be sealed (`WriteTransaction.seal`).
    static func sendInsert(rows: PackedRows, in tx: WriteTransaction) async throws -> PendingRows {
        try await columns.sendInsert(
            into: "officers", rows, returning: RowSeals.returning(.officers, on: tx.sql), on: tx.sql)
    }

    /// The officer record of a user account, if linked.
    public static func officerID(forUser user: UUID, on db: any Database) async throws -> UUID? {
        try await (db as! any SQLDatabase).raw("SELECT id FROM officers WHERE user_id = \(bind: user)").first()?.decode(
            column: "id", as: UUID.self)
    }

    /// Links an officer to the account they sign in with.
    public static func link(officer: UUID, user: UUID, in tx: WriteTransaction) async throws {
        try await tx.sql.update("officers").set("user_id", to: SQLBind(user)).where("id", .equal, SQLBind(officer))
            .run()
        tx.seal(.officers, [officer])
        try tx.record("officer", officer.uuidString, "link_user", ["user": user.uuidString])
    }

    public static func setTraining(officer: UUID, year: Int, hours: Double, in tx: WriteTransaction) async throws {
        guard (2000...2100).contains(year) else { throw DomainError.invalid(field: "year", message: "培训年度应为四位年份") }
        guard hours >= 0 && hours <= 2000 else { throw DomainError.invalid(field: "hours", message: "培训学时应在0至2000之间") }
        try await setTrainingMany([(officer, year, hours)], in: tx)
        try tx.record("officer", officer.uuidString, "training", ["year": Double(year), "hours": hours])
    }

    /// The `officer_training` columns, as `JSONRows`.
    static let trainingColumns = JSONRows([("officer_id", .uuid), ("year", .int), ("hours", .double)])

    /// Training hours as `trainingColumns` rows.
    static func trainingRows(_ rows: some Collection<(UUID, Int, Double)>, _ format: RowsFormat) throws -> PackedRows {
        try trainingColumns.pack(rows, format) { row, hours in
            row.uuid(hours.0)
            row.int(hours.1)
            try row.double(hours.2)
        }
    }

    static func setTrainingMany(_ rows: [(UUID, Int, Double)], in tx: WriteTransaction) async throws {
        try await setTraining(rows: trainingRows(rows, RowsFormat(for: tx.sql)), officers: rows.map(\.0), in: tx)
    }

    /// Sets training hours already made into `rows` for these officers (one statement), sealing every training row of
    /// theirs as it stands at the record's flush.
    static func setTraining(rows: PackedRows, officers: [UUID], in tx: WriteTransaction) async throws {
        guard !officers.isEmpty else { return }
        tx.seal(.officerTraining, officers)
        let upsert = "ON CONFLICT (officer_id, year) DO UPDATE SET hours = excluded.hours"
        try await trainingColumns.insert(into: "officer_training", rows, tail: upsert, on: tx.sql)
    }

    /// The training hours of officers inserted in this transaction, sent (`PendingRows`): the rows it returns are all
    /// the rows they have, to be sealed as written, and none is there to update (no `ON CONFLICT`, whose speculative
    /// insertion probes and confirms each row).
    static func sendNewTraining(rows: PackedRows, in tx: WriteTransaction) async throws -> PendingRows {
        try await trainingColumns.sendInsert(
            into: "officer_training", rows, returning: RowSeals.returning(.officerTraining, on: tx.sql), on: tx.sql)
    }

    static func select(year: Int) -> SQLQueryString {
        """
        SELECT o.id, o.name, o.gender, o.id_number, o.body_id, g.name AS body_name, o.post, o.certificate_number, o.certificate_category,
               o.certificate_region, o.certificate_issued_on, o.certificate_expires_on, o.certificate_status, o.legal_qualification,
               o.legal_certificate_number, o.exam_score, t.hours AS training_hours, c.hours AS course_hours
        FROM officers o JOIN organisations g ON g.id = o.body_id LEFT JOIN officer_training t ON t.officer_id = o.id AND t.year = \(literal: year)
        LEFT JOIN (SELECT officer_id, SUM(hours) AS hours FROM officer_course_hours WHERE year = \(literal: year) GROUP BY officer_id) c ON c.officer_id = o.id
        """
    }

    public static func officer(_ id: UUID, year: Int = 2000, on db: any Database) async throws -> OfficerRow? {
        try await (db as! any SQLDatabase).raw("\(select(year: year)) WHERE o.id = \(bind: id)").first(
            decoding: OfficerRow.self, with: decoder)
    }

    /// Officers of the given bodies (nil = all), optionally matching a search, ordered by body and name.
    public static func list(
        bodies: Set<UUID>?, query: String? = nil, year: Int, limit: Int = 100_000, on db: any Database
    ) async throws -> [OfficerRow] {
        let sql = db as! any SQLDatabase
        var s = select(year: year)
        var clauses: [SQLQueryString] = []
        if let q = query?.trimmed, !q.isEmpty {
            if let refs = try await SearchIndex.search("officer", q, limit: 5000, on: sql) {
                if refs.isEmpty { return [] }
                clauses.append(
                    "o.id IN \(SQLGroupExpression(refs.compactMap(UUID.init(uuidString:)).map { SQLBind($0) }))")
            } else {
                let like = "%\(q.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: ""))%"
                clauses.append(
                    "(o.name LIKE \(bind: like) OR o.certificate_number LIKE \(bind: like) OR g.name LIKE \(bind: like))"
                )
            }
        }
        if let bodies {
            if bodies.isEmpty { return [] }
            clauses.append("o.body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))")
        }
        if !clauses.isEmpty { s = s + " WHERE " + clauses.joined(separator: " AND ") }
        s = s + " ORDER BY g.name, o.name LIMIT \(literal: limit)"
        return try await sql.raw(s).all(decoding: OfficerRow.self, with: decoder)
    }

    public static func count(on db: any Database) async throws -> Int {
        try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM officers").first()!.decode(
            column: "n", as: Int.self)
    }
}

extension Array where Element == SQLQueryString {
    func joined(separator: String) -> SQLQueryString {
        var out: SQLQueryString = ""
        for (i, e) in enumerated() { if i > 0 { out = out + "\(unsafeRaw: separator)" }; out = out + e }
        return out
    }
}

extension Officers {
    /// Inserts officers the caller has already checked (the demo loader), with one record entry for the batch.
    public static func insertChecked(
        _ rows: [(UUID, OfficerInput)], training: [(UUID, Int, Double)], search: [(ref: String, text: String)],
        in tx: WriteTransaction
    ) async throws {
        for (_, i) in rows { if let p = i.problem() { throw p } }
        try await insert(rows, in: tx)
        try await setTrainingMany(training, in: tx)
        try await SearchIndex.putMany("officer", search, on: tx.sql)
        struct Entry: Encodable { let id: UUID; let officer: OfficerInput }
        try tx.record(
            "officer_import", rows.first?.0.uuidString ?? "", "import",
            rows.map { Entry(id: $0.0, officer: $0.1.recordForm) })
    }
}
