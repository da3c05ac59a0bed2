import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// A member of a 行政复议委员会 (行政复议法 第五十二条).
public struct CommitteeMember: Codable, Sendable, Equatable {
    public var id: UUID
    public var officeId: UUID
    public var name: String
    /// department (相关政府部门), expert (专家), scholar (学者), other.
    public var kind: String
    /// The department, firm or university the member comes from.
    public var affiliation: String
    public var appointedOn: String
    public var termEndsOn: String?

    public func serves(on day: CivilDate) -> Bool {
        appointedOn <= day.description && (termEndsOn.map { day.description <= $0 } ?? true)
    }
}

/// The 复议委员会 registry: members added and their terms ended through the record; a consultation's members are
/// checked against those serving on its day.
public enum CommitteeMembers {
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    public struct Input: Codable, Sendable {
        public var name: String
        public var kind: String
        public var affiliation: String
        public var appointedOn: String
        public var termEndsOn: String?
        public init(name: String, kind: String, affiliation: String, appointedOn: String, termEndsOn: String?) {
            self.name = name; self.kind = kind; self.affiliation = affiliation; self.appointedOn = appointedOn;
            self.termEndsOn = termEndsOn
        }
    }

    public static func add(_ i: Input, office: UUID, in tx: WriteTransaction) async throws -> CommitteeMember {
        let name = i.name.trimmed, affiliation = i.affiliation.trimmed
        guard !name.isEmpty, name.count <= 40 else {
            throw DomainError.invalid(field: "name", message: "请填写委员姓名（不超过40字）")
        }
        guard Reconsideration.committeeMemberKinds.contains(where: { $0.value == i.kind }) else {
            throw DomainError.invalid(
                field: "kind",
                message: "委员类别应为：" + Reconsideration.committeeMemberKinds.map(\.label).joined(separator: "、"))
        }
        guard !affiliation.isEmpty else { throw DomainError.invalid(field: "affiliation", message: "请填写所在单位") }
        guard let from = CivilDate(iso: i.appointedOn.trimmed) else {
            throw DomainError.invalid(field: "appointedOn", message: "聘任日期格式应为 YYYY-MM-DD")
        }
        var until: CivilDate?
        if let t = i.termEndsOn?.trimmed, !t.isEmpty {
            guard let d = CivilDate(iso: t), d >= from else {
                throw DomainError.invalid(field: "termEndsOn", message: "任期届满日期应为不早于聘任日期的 YYYY-MM-DD")
            }
            until = d
        }
        if try await list(office: office, on: tx.db).contains(where: { $0.name == name && $0.termEndsOn == nil }) {
            throw DomainError.conflict(field: "name", message: "\(name)已是本委员会的在任委员")
        }
        let m = CommitteeMember(
            id: UUID(), officeId: office, name: name, kind: i.kind, affiliation: affiliation,
            appointedOn: from.description, termEndsOn: until?.description)
        try await tx.sql.insert(into: "committee_members").columns(
            "id", "office_id", "name", "kind", "affiliation", "appointed_on", "term_ends_on"
        )
        .values(
            SQLBind(m.id), SQLBind(office), SQLBind(m.name), SQLBind(m.kind), SQLBind(m.affiliation),
            SQLBind(m.appointedOn), SQLBind(m.termEndsOn)
        ).run()
        try tx.record(
            "committee_member", m.id.uuidString, "add",
            [
                "office": office.uuidString, "name": m.name, "kind": m.kind, "affiliation": m.affiliation,
                "appointedOn": m.appointedOn, "termEndsOn": m.termEndsOn ?? "",
            ])
        return m
    }

    /// Ends a member's term from the day (解聘、辞任): the last day served is the day before (or the appointment day).
    public static func end(_ id: UUID, office: UUID, on day: CivilDate, in tx: WriteTransaction) async throws {
        guard let m = try await list(office: office, on: tx.db).first(where: { $0.id == id }) else {
            throw DomainError.notFound("该委员不存在")
        }
        guard m.serves(on: day) else { throw DomainError.conflict(field: nil, message: "\(m.name)现不在任") }
        let last = max(m.appointedOn, day.adding(days: -1).description)
        try await tx.sql.update("committee_members").set("term_ends_on", to: SQLBind(last)).where(
            "id", .equal, SQLBind(id)
        ).run()
        try tx.record("committee_member", id.uuidString, "end", ["office": office.uuidString, "termEndsOn": last])
    }

    public static func list(office: UUID, on db: any Database) async throws -> [CommitteeMember] {
        try await (db as! any SQLDatabase).raw(
            "SELECT * FROM committee_members WHERE office_id = \(bind: office) ORDER BY kind, appointed_on, name"
        )
        .all(decoding: CommitteeMember.self, with: decoder)
    }

    /// The names of the members serving on the day.
    public static func serving(office: UUID, on day: CivilDate, db: any Database) async throws -> [String] {
        try await list(office: office, on: db).filter { $0.serves(on: day) }.map(\.name)
    }
}
