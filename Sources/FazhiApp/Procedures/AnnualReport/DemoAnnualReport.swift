import FazhiCore
import FazhiStore
import Foundation

/// The county's report for the demo year with the narrative a 司法局 drafter would have written so far: the opening,
/// the first-responsibility part and next year's plan (the figures are the demo's own, live).
enum DemoAnnualReport {
    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let county = c.orgs["清河县人民政府"],
            let def = c.catalog.current(AnnualReportProcedure.id)
        else { return }
        // The courses started (the county's and two departments'): the 3月1日 and 4月1日 periods run.
        for unit in [county, c.orgs["清河县市场监督管理局"], c.orgs["清河县综合行政执法局"]].compactMap({ $0 }) {
            let opened = try await CaseStore.open(def, bodyID: unit, today: c.today, in: tx)
            _ = try await CaseStore.take(
                StepRequest(
                    caseID: opened.id, action: AnnualReportProcedure.Step.start, expectedVersion: 0,
                    inputs: Facts(["reportYear": .number(Double(c.today.year))]), officerIDs: [],
                    actor: ProcedureActor(id: UUID(), name: "司法局 法治督察科", roles: [.supervisor]), date: c.today),
                catalog: c.catalog, calendar: c.calendar, today: c.today, in: tx)
        }
        let texts: [(String, String)] = [
            (
                ReportPart.measures.rawValue,
                "\(c.today.year)年，在县委的坚强领导下，县政府深入学习贯彻习近平法治思想，对照《法治政府建设实施纲要（2021—2025年）》，统筹推进法治政府建设各项工作。现将有关情况报告如下。"
            ),
            (
                ReportPart.firstResponsibility.rawValue,
                "县政府主要负责人认真履行推进法治建设第一责任人职责，主持召开县政府常务会议专题研究法治政府建设工作，带头学法述法。\n县政府领导班子成员按照分工抓好分管领域法治建设，做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调。"
            ),
            (
                ReportPart.nextYear.rawValue,
                "一是深化行政执法规范化建设，推动执法监督预警问题整改清零。\n二是提升行政复议、行政应诉工作质量，提高行政机关负责人出庭应诉率。\n三是加强规范性文件备案审查和重大行政决策全过程管理。"
            ),
        ]
        // 学法: three 常务会议学法 so far (one short of the default four), a 中心组 session, the 市场监管局's training.
        let year = c.today.year
        func day(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day) ?? c.today }
        var sessions: [StudySession] = [
            StudySession(
                unitID: county, heldOn: day(3, 12), kind: .executive,
                topic: "学习新修订的《中华人民共和国行政复议法》", laws: ["《中华人民共和国行政复议法》"], presenter: "县司法局局长",
                attendees: ["县政府领导班子成员", "各部门主要负责人"], attendance: 32),
            StudySession(
                unitID: county, heldOn: day(6, 18), kind: .executive,
                topic: "学习《优化营商环境条例》", laws: ["《优化营商环境条例》"], presenter: "县发改局局长", attendees: ["县政府领导班子成员"],
                attendance: 15),
            StudySession(
                unitID: county, heldOn: day(9, 9), kind: .executive,
                topic: "学习《重大行政决策程序暂行条例》", laws: ["《重大行政决策程序暂行条例》"], presenter: "县政府法律顾问",
                attendees: ["县政府领导班子成员"], attendance: 14),
            StudySession(
                unitID: county, heldOn: day(5, 20), kind: .group,
                topic: "习近平法治思想专题学习", laws: [], presenter: "县委党校教授", attendees: ["县政府党组成员"], attendance: 11),
        ]
        if let market = c.orgs["清河县市场监督管理局"] {
            sessions.append(
                StudySession(
                    unitID: market, heldOn: day(4, 16), kind: .training,
                    topic: "行政处罚裁量基准适用培训", laws: ["《中华人民共和国行政处罚法》"], presenter: "局法制科科长",
                    attendees: ["全体执法人员"], attendance: 48))
        }
        for s in sessions where s.heldOn <= c.today { try await StudySessions.add(s, today: c.today, in: tx) }
        for (part, text) in texts {
            _ = try await AnnualReportTexts.save(
                unit: county, year: c.today.year, part: part, text: text, basedOn: 0, by: "司法局 法治督察科",
                on: c.today, in: tx)
        }
        if let market = c.orgs["清河县市场监督管理局"] {
            _ = try await AnnualReportTexts.save(
                unit: market, year: c.today.year, part: ReportPart.measures.rawValue,
                text: "\(c.today.year)年，县市场监督管理局在县委、县政府的领导下，围绕优化营商环境，全面推进严格规范公正文明执法。现将有关情况报告如下。",
                basedOn: 0, by: "市场监管局 法制科", on: c.today, in: tx)
        }
        try await DemoLedgers.load(c, in: tx)
    }
}
