import Foundation

/// 学法: a session where leaders or staff study law — the records behind the report's 法治保障 section and part 三
/// (党政主要负责人履行推进法治建设第一责任人职责). The yearly target of 政府常务会议学法 is a local setting
/// (`FAZHI_STUDY_EXECUTIVE_TARGET`, 4 **[U]**: the example; no article in the statutes file fixes it).
public struct StudySession: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// 政府常务会议学法 (a government's executive meeting studies law before its agenda).
        case executive
        /// 党委（党组）理论学习中心组学法.
        case group
        /// 法治专题讲座.
        case lecture
        /// 法治培训 (staff training).
        case training

        public var chineseName: String {
            switch self {
            case .executive: "政府常务会议学法"
            case .group: "理论学习中心组学法"
            case .lecture: "法治专题讲座"
            case .training: "法治培训"
            }
        }
    }

    public var id: UUID
    public var unitID: UUID
    public var heldOn: CivilDate
    public var kind: Kind
    public var topic: String
    /// The laws studied, one a line (《中华人民共和国行政复议法》).
    public var laws: [String]
    public var presenter: String
    /// Those who attended, by name (or a unit's 全体班子成员), one a line.
    public var attendees: [String]
    /// How many attended (the names may be a summary).
    public var attendance: Int

    public init(
        id: UUID = UUID(), unitID: UUID, heldOn: CivilDate, kind: Kind, topic: String, laws: [String],
        presenter: String, attendees: [String], attendance: Int
    ) {
        self.id = id; self.unitID = unitID; self.heldOn = heldOn; self.kind = kind; self.topic = topic
        self.laws = laws; self.presenter = presenter; self.attendees = attendees; self.attendance = attendance
    }

    /// Refuses what a session record may not hold, naming the field in Chinese.
    public func check(today: CivilDate) throws {
        guard heldOn <= today, heldOn.year >= 2000 else {
            throw DomainError.invalid(field: "heldOn", message: "学法日期应在2000年至今天之间")
        }
        let topic = self.topic.trimmingCharacters(in: .whitespaces)
        guard !topic.isEmpty, topic.count <= 200 else {
            throw DomainError.invalid(field: "topic", message: "请填写学法主题（200字以内）")
        }
        guard presenter.count <= 100 else { throw DomainError.invalid(field: "presenter", message: "主讲人不超过100字") }
        guard laws.count <= 50, laws.allSatisfy({ $0.count <= 200 }) else {
            throw DomainError.invalid(field: "laws", message: "所学法律法规不超过50项，每项200字以内")
        }
        guard attendees.count <= 500, attendees.allSatisfy({ $0.count <= 100 }) else {
            throw DomainError.invalid(field: "attendees", message: "参加人员不超过500项，每项100字以内")
        }
        guard (1...100_000).contains(attendance) else {
            throw DomainError.invalid(field: "attendance", message: "参加人数应为1至100000之间的整数")
        }
        try TextChecks.checkPrintable(topic, field: "topic", label: "学法主题")
        try TextChecks.checkPrintable(presenter, field: "presenter", label: "主讲人")
        for l in laws { try TextChecks.checkPrintable(l, field: "laws", label: "所学法律法规") }
        for a in attendees { try TextChecks.checkPrintable(a, field: "attendees", label: "参加人员") }
    }
}
