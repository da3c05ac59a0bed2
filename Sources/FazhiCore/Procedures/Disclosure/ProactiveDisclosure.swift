import Foundation

/// 主动公开 (政府信息公开条例 第三章): the categories of 第二十条 (and 第二十一条's local matters) a body's 政府信息公开目录 is
/// arranged by, and the duty of 第二十六条 — information in them is published within 20 working days of being made or
/// changed.
public enum ProactiveDisclosure {
    /// 第二十六条.
    public static let publicationWorkdays = 20

    /// 第二十条第一项至第十五项, then 第二十一条.
    public static let categories: [InputField.Choice] = [
        .init("1", "行政法规、规章和规范性文件（第二十条第一项）"),
        .init("2", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名（第二项）"),
        .init("3", "国民经济和社会发展规划、专项规划、区域规划及相关政策（第三项）"),
        .init("4", "国民经济和社会发展统计信息（第四项）"),
        .init("5", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果（第五项）"),
        .init("6", "实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定（第六项）"),
        .init("7", "财政预算、决算信息（第七项）"),
        .init("8", "行政事业性收费项目及其依据、标准（第八项）"),
        .init("9", "政府集中采购项目的目录、标准及实施情况（第九项）"),
        .init("10", "重大建设项目的批准和实施情况（第十项）"),
        .init("11", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况（第十一项）"),
        .init("12", "突发公共事件的应急预案、预警信息及应对情况（第十二项）"),
        .init("13", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况（第十三项）"),
        .init("14", "公务员招考的职位、名额、报考条件等事项以及录用结果（第十四项）"),
        .init("15", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息（第十五项）"),
        .init("21", "市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等（第二十一条）"),
    ]

    /// The category's short name (before its article).
    public static func shortName(_ category: String) -> String {
        let l = InputField.Choice.label(category, in: categories)
        return l.components(separatedBy: "（").first ?? l
    }
}

/// An item of a body's 政府信息公开目录 (第十二条第三款: 索引、名称、内容概述、生成日期), with the day it was published.
public struct ProactiveItem: Codable, Sendable, Equatable {
    public var id: UUID
    public var bodyID: UUID
    public var category: String
    public var title: String
    public var summary: String
    /// 生成日期: the day the information was made or changed (第二十六条 counts from it).
    public var formedOn: CivilDate
    /// nil until it is published.
    public var publishedOn: CivilDate?
    /// Where the full text is (a portal path or a web address).
    public var link: String

    public init(
        id: UUID = UUID(), bodyID: UUID, category: String, title: String, summary: String, formedOn: CivilDate,
        publishedOn: CivilDate?, link: String
    ) {
        self.id = id; self.bodyID = bodyID; self.category = category; self.title = title; self.summary = summary
        self.formedOn = formedOn; self.publishedOn = publishedOn; self.link = link
    }

    /// The first problem with the fields themselves, in Chinese with the field.
    public func problem(today: CivilDate) -> DomainError? {
        if !ProactiveDisclosure.categories.contains(where: { $0.value == category }) {
            return .invalid(field: "category", message: "请选择第二十条规定的公开类别")
        }
        if title.trimmed.isEmpty || title.count > 200 { return .invalid(field: "title", message: "名称不能为空且不超过200字") }
        if summary.count > 2000 { return .invalid(field: "summary", message: "内容概述不超过2000字") }
        if link.count > 500 || link.contains(where: { $0.isNewline || $0 == "\"" || $0 == "<" || $0 == " " }) {
            return .invalid(field: "link", message: "链接不超过500字，且不能含空格、换行、引号或尖括号")
        }
        if !link.isEmpty && !(link.hasPrefix("/") && !link.hasPrefix("//")) && !link.hasPrefix("https://")
            && !link.hasPrefix("http://")
        {
            return .invalid(field: "link", message: "链接应为本平台的路径（以“/”开头）或者 http(s):// 网址")
        }
        if formedOn > today { return .invalid(field: "formedOn", message: "生成日期不能晚于今天") }
        if formedOn < CivilDate(year: 2008, month: 5, day: 1)! {
            return .invalid(field: "formedOn", message: "生成日期不能早于2008年5月1日（政府信息公开条例施行之日）")
        }
        if let p = publishedOn {
            if p < formedOn { return .invalid(field: "publishedOn", message: "公开日期不能早于生成日期") }
            if p > today { return .invalid(field: "publishedOn", message: "公开日期不能晚于今天") }
        }
        return nil
    }

    /// 第二十六条: the last day it may be published.
    public func due(_ calendar: DeadlineCalculator) throws -> CivilDate {
        try calendar.due(from: formedOn, days: ProactiveDisclosure.publicationWorkdays, unit: .workday)
    }
    /// Published after its 20 working days, or not yet published when they have run out.
    public func isLate(_ calendar: DeadlineCalculator, today: CivilDate) -> Bool {
        guard let due = try? due(calendar) else { return false }
        return (publishedOn ?? today) > due
    }
}
