import FazhiCore
import Foundation

extension StudyPage {
    /// The 学法 list and its entry form, from the model alone.
    struct View {
        struct Model {
            let year: Int
            let today: CivilDate
            let sessions: [(StudySession, String)]
            let units: [(id: UUID, name: String)]
            let own: UUID
            let csrf: String
            let error: String?
        }
        let model: Model

        func render() -> HTML {
            let m = model
            let table = DataTable(
                id: "study-list",
                columns: [
                    .init("日期"), .init("单位"), .init("形式"), .init("主题"), .init("所学法律法规"), .init("主讲人"),
                    .init("参加人数", numeric: true),
                ],
                rows: m.sessions.map { s, unit in
                    [
                        .text(s.heldOn.description), .text(unit), .text(s.kind.chineseName), .text(s.topic),
                        .text(s.laws.joined(separator: "、")), .text(s.presenter), .number(s.attendance),
                    ]
                }, empty: "\(m.year)年尚无学法记录。"
            ).render()
            let kinds = StudySession.Kind.allCases.map { InputField.Choice($0.rawValue, $0.chineseName) }
            let units = m.units.map { InputField.Choice($0.id.uuidString, $0.name) }
            let form: HTML =
                m.units.isEmpty
                ? ""
                : """
                <h2>登记学法</h2>\(PostForm(
                    action: SitePath.study(year: nil).path, id: "study-form", csrf: m.csrf,
                    content: """
                        \(FormField(id: "unit", name: "unit", label: "单位", kind: .choice(units), value: m.units.contains { $0.id == m.own } ? m.own.uuidString : nil, required: true).render())
                        \(FormField(id: "kind", name: "kind", label: "学法形式", kind: .choice(kinds), required: true).render())
                        \(FormField(id: "heldOn", name: "heldOn", label: "日期", kind: .date, value: m.today.description, required: true, latest: m.today.description).render())
                        \(FormField(id: "topic", name: "topic", label: "主题", kind: .text, required: true).render())
                        \(FormField(id: "laws", name: "laws", label: "所学法律法规", kind: .list, hint: "每行一部").render())
                        \(FormField(id: "presenter", name: "presenter", label: "主讲人", kind: .text).render())
                        \(FormField(id: "attendees", name: "attendees", label: "参加人员", kind: .list, hint: "每行一人，或写“县政府领导班子成员”").render())
                        \(FormField(id: "attendance", name: "attendance", label: "参加人数", kind: .number, required: true).render())
                        """,
                    submit: "登记"
                ).render())
                """
            return """
                \(m.error.map { Views.flash($0, error: true) } ?? "")
                <form method="get" class="search"><label for="year">年度</label><input id="year" name="year" type="number" value="\(m.year)" min="2000" max="2100"><button type="submit">查看</button></form>
                <p class="muted">学法记录是年度法治政府建设情况报告“法治保障”一节和第一责任人履职情况的依据；政府常务会议学法每年不少于规定次数（本地设置）。</p>
                \(table)
                \(form)
                """
        }
    }
}
