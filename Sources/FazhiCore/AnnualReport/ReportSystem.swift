/// The systems of 法治政府建设实施纲要（2021—2025年） the first part of the 年度法治政府建设情况报告 follows, section by
/// section, as the counties' own reports do — in the 纲要's order (its 突发事件 and 科技保障 chapters have no figures
/// Fazhi keeps; staff write them in the narrative).
public enum ReportSystem: String, CaseIterable, Sendable, Codable {
    /// 政府职能: 权责清单, 执法主体.
    case functions
    /// 依法行政制度: 规范性文件.
    case rules
    /// 行政决策: 重大行政决策, 法律顾问.
    case decisions
    /// 行政执法: 主体、人员、三项制度、裁量、双随机、案卷评查、两法衔接.
    case enforcement
    /// 矛盾纠纷: 复议、调解.
    case disputes
    /// 制约监督: 执法监督、应诉、政务公开.
    case oversight
    /// 法治保障: 学法、培训、第一责任人.
    case safeguards

    /// The section's heading, in the 纲要's words.
    public var heading: String {
        switch self {
        case .functions: "健全政府机构职能体系，推动更好发挥政府作用"
        case .rules: "健全依法行政制度体系，加快推进政府治理规范化程序化法治化"
        case .decisions: "健全行政决策制度体系，不断提升行政决策公信力和执行力"
        case .enforcement: "健全行政执法工作体系，全面推进严格规范公正文明执法"
        case .disputes: "健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义"
        case .oversight: "健全行政权力制约和监督体系，促进行政权力规范透明运行"
        case .safeguards: "加强党的领导，完善法治政府建设推进机制"
        }
    }
}

/// The five parts of the report, as 法治政府建设与责任落实督察工作规定（厅字〔2019〕28号） sets its content (the
/// article number is unverified; the content is confirmed by two local sources).
public enum ReportPart: String, CaseIterable, Sendable, Codable {
    case measures, shortcomings, firstResponsibility, nextYear, other

    public var heading: String {
        switch self {
        case .measures: "主要举措和成效"
        case .shortcomings: "存在的不足和原因"
        case .firstResponsibility: "党政主要负责人履行推进法治建设第一责任人职责情况"
        case .nextYear: "下一年度推进法治政府建设的主要安排"
        case .other: "其他需要报告的情况"
        }
    }
}
