import FazhiCore
import FazhiStore
import Foundation

/// The 行政复议委员会 registry page (第五十二条): the members by kind with their terms, and the form to add one.
enum CommitteePage {
    struct Model {
        let members: [CommitteeMember]
        let today: CivilDate
        let canManage: Bool
        let csrf: String
        let error: String?
        let values: [String: String]

        var serving: [CommitteeMember] { members.filter { $0.serves(on: today) } }
    }

    struct View {
        let model: Model

        func render() -> HTML {
            let m = model, kinds = Reconsideration.committeeMemberKinds
            let table = DataTable(
                id: "members", columns: ["姓名", "类别", "所在单位", "聘任日期", "任期届满", "状态", ""].map { .init($0) },
                rows: m.members.map { c in
                    let serving = c.serves(on: m.today)
                    let end: HTML =
                        m.canManage && serving
                        ? PostForm(
                            action: "\(SitePath.committee.path)/\(c.id.uuidString)/end", cssClass: "inline",
                            csrf: m.csrf, content: "", submit: "结束任期", buttonClass: "secondary"
                        ).render() : ""
                    return [
                        .text(c.name), .text(InputField.Choice.label(c.kind, in: kinds)), .text(c.affiliation),
                        .text(c.appointedOn), .text(c.termEndsOn),
                        DataTable.Cell(serving ? "在任" : "<span class=\"muted\">已离任</span>"), DataTable.Cell(end),
                    ]
                }, empty: "尚未登记委员。"
            ).render()
            let fields: [FormField] = [
                FormField(
                    id: "name", name: "name", label: "姓名", kind: .text, value: m.values["name"], required: true,
                    enforced: true),
                FormField(
                    id: "kind", name: "kind", label: "类别", kind: .choice(kinds),
                    value: m.values["kind"] ?? kinds.first?.value, placeholder: nil),
                FormField(
                    id: "affiliation", name: "affiliation", label: "所在单位", kind: .text, value: m.values["affiliation"],
                    required: true, enforced: true),
                FormField(
                    id: "appointedOn", name: "appointedOn", label: "聘任日期", kind: .date,
                    value: m.values["appointedOn"] ?? m.today.description, required: true, enforced: true),
                FormField(
                    id: "termEndsOn", name: "termEndsOn", label: "任期届满", kind: .date, value: m.values["termEndsOn"]),
            ]
            let form: HTML =
                m.canManage
                ? PostForm(
                    action: SitePath.committee.path, id: "add-member", cssClass: "card search", csrf: m.csrf,
                    content:
                        "\(m.error.map { HTML("<p class=\"error\">\($0)</p>") } ?? "")\(HTML.join(fields.map { $0.render() }))",
                    submit: "登记委员"
                ).render()
                : ""
            let counts = kinds.map { k in "\(k.label) \(m.serving.filter { $0.kind == k.value }.count)" }.joined(
                separator: "，")
            return """
                <p>依据《中华人民共和国行政复议法》第五十二条，行政复议委员会由相关政府部门、专家、学者等参与组成；重大、疑难、复杂或者专业性、技术性较强的案件应当提请委员会提出咨询意见。
                在任委员 <b id="serving">\(m.serving.count)</b> 人：\(counts)。咨询时只能选择在任委员。</p>
                \(form)
                \(table)
                """
        }
    }
}
