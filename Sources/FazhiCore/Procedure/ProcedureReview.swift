import Foundation

/// A procedure definition written out in Chinese for a lawyer's review (程序审查稿): states, steps, who takes them, what
/// they ask for, each gate with its article, the deadlines they start and stop, the documents they produce. Generated
/// from the definition and committed as `docs/procedures/<id>.md`, so a change of a rule is reviewed as a diff of
/// Chinese text; a test fails when a committed document no longer matches its definition.
public enum ProcedureReview {
    /// The folder the review documents are committed in, relative to the repository.
    public static let folder = "docs/procedures"

    public static func fileName(_ def: ProcedureDefinition) -> String { "\(def.id).md" }

    /// The review document of every current definition (default settings: the local settings are listed as such).
    public static func documents(_ catalog: ProcedureCatalog = ProcedureCatalog()) -> [(file: String, text: String)] {
        catalog.currentDefinitions.map { (fileName($0), markdown($0)) }
    }

    /// The ids of the documents that differ from what the definitions generate now (missing ones included).
    public static func stale(committed: [String: String], generated: [(file: String, text: String)]) -> [String] {
        generated.filter { committed[$0.file] != $0.text }.map(\.file)
    }

    public static func markdown(_ def: ProcedureDefinition) -> String {
        var out: [String] = []
        let deadlineNames = Dictionary(
            def.actions.flatMap(\.effects).compactMap { e -> (String, String)? in
                switch e {
                case .startDeadline(let r, _): (r.key, r.name)
                case .startDeadlineUntil(let key, let name, _, _, _): (key, name)
                case .extendDeadline(let key, let name, _, _): (key, name)
                default: nil
                }
            }, uniquingKeysWith: { a, _ in a })
        func deadline(_ key: String) -> String { deadlineNames[key].map { "“\($0)”" } ?? "“\(key)”" }
        func roles(_ r: Set<Role>) -> String { r.map(\.chineseName).sorted().joined(separator: "、") }
        func states(_ s: Set<String>) -> String {
            def.states.filter { s.contains($0.id) }.map(\.name).joined(separator: "、")
        }
        let inputLabels = Dictionary(
            def.actions.flatMap(\.inputs).map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        let declared = Dictionary(
            (ProcedureCatalog.module(of: def.id)?.facts ?? []).map { ($0.id, $0.label) },
            uniquingKeysWith: { a, _ in a })
        func fact(_ key: String) -> String { inputLabels[key] ?? def.presentation.labels[key] ?? declared[key] ?? key }

        out.append("# \(def.name)（\(def.id)，第\(def.version)版）")
        out.append("")
        out.append("> 本文件由程序定义自动生成（`fazhi procedures review`），供法律审查；请勿手工修改。")
        out.append("")
        out.append("- 依据：\(def.instrument)")
        out.append("- 登记：\(roles(def.opening.roles))（\(def.opening.article)）；否则：“\(def.opening.refusal)”")
        let issuer: String =
            switch def.numbering.issuer {
            case .enforcementBody: "以已确认公告的执法主体名义"
            case .governmentAbove: "以其所属人民政府（复议机关）名义"
            case .organisation: "以本单位名义"
            }
        out.append("- 编号：“\(def.numbering.kind)”字号，\(issuer)，按单位、年度顺序编号（如 某〔2026〕1号）")
        if let registered = def.numbering.registeredAs, let step = def.numbering.numberedAt.flatMap(def.action) {
            out.append("- 登记时编“\(registered)”字号；“\(step.name)”时取得“\(def.numbering.kind)”字号（未立案的线索不占立案号）")
        }
        out.append("- 当事人：\(def.presentation.party.map(fact).joined(separator: "、"))")
        out.append("")
        out.append("## 阶段")
        out.append("")
        out.append("| 编号 | 阶段 | 终结 |")
        out.append("|---|---|---|")
        for s in def.states {
            out.append("| \(s.id) | \(s.name)\(s.id == def.initial ? "（初始）" : "") | \(s.terminal ? "是" : "") |")
        }
        out.append("")
        out.append("## 步骤")
        for a in def.actions {
            out.append("")
            out.append("### \(a.name)（\(a.id)）")
            out.append("")
            out.append("- 依据：\(a.basis)")
            out.append("- 可在：\(states(a.from))")
            out.append("- 办理后：\(a.to.map(def.stateName) ?? "阶段不变（可重复办理）")")
            out.append("- 办理人：\(roles(a.roles))")
            if let o = a.officers { out.append("- 执法人员：至少\(o.minimum)名，持有效执法证（\(o.article)）") }
            if !a.inputs.isEmpty {
                out.append("- 填写：")
                for f in a.inputs {
                    let kind: String =
                        switch f.kind {
                        case .text: "文字"
                        case .number: "数字"
                        case .amount: "金额（元，至分）"
                        case .date: "日期"
                        case .bool: "是/否"
                        case .list: "多项"
                        case .choice(let c): "选择：" + c.map(\.label).joined(separator: "、")
                        }
                    out.append(
                        "  - \(f.label)（\(f.key)；\(kind)；\(f.required ? "必填" : "选填")\(f.personal ? "；个人信息，记录中只存摘要" : "")\(f.systemOnly ? "；由系统填写" : "")）"
                    )
                }
            }
            if !a.gates.isEmpty {
                out.append("- 关卡（不满足即拒绝办理）：")
                for (i, g) in a.gates.enumerated() {
                    out.append("  \(i + 1). 【\(g.article)】\(g.message)\(g.field.map { "（填写项：\($0)）" } ?? "")")
                }
            }
            var effects: [String] = []
            for e in a.effects {
                switch e {
                case .startDeadline(let r, let onlyIf):
                    let unit = r.unit == .workday ? "个工作日" : r.unit.chineseName
                    let from = r.fromFact.map { "自“\(fact($0))”之日起" } ?? "自办理之日起"
                    let days = r.daysFact.map { "\(r.days)\(unit)（或按“\(fact($0))”）" } ?? "\(r.days)\(unit)"
                    effects.append("开始期限“\(r.name)”：\(from)\(days)（\(r.article)）\(onlyIf == nil ? "" : "，有条件")")
                case .startDeadlineUntil(_, let name, let dateFact, let article, _):
                    effects.append("开始期限“\(name)”：至“\(fact(dateFact))”所填日期（\(article)）")
                case .stopDeadline(let key): effects.append("停止期限\(deadline(key))")
                case .pauseDeadline(let key): effects.append("暂停期限\(deadline(key))（剩余天数保留）")
                case .resumeDeadline(let key, let fromFact):
                    effects.append(
                        "恢复期限\(deadline(key))（按剩余期间：工作日期限按工作日，其余按日，"
                            + (fromFact.map { "自“\(fact($0))”起算）" } ?? "自本步骤之日起算）"))
                case .extendDeadline(_, let name, let byFact, let article):
                    effects.append("延长期限“\(name)”：在原名义届满日上加“\(fact(byFact))”，届满日遇休息日顺延一次（\(article)）")
                case .set(let key, let value): effects.append("记载“\(fact(key))”为“\(value)”")
                case .computed(let writes, _):
                    effects.append("计算并记载：\(writes.map { fact($0.id) }.joined(separator: "、"))")
                }
            }
            if !effects.isEmpty {
                out.append("- 办理的效果：")
                for e in effects { out.append("  - \(e)") }
            }
            if !a.documents.isEmpty { out.append("- 文书：\(a.documents.map(\.chineseName).joined(separator: "、"))") }
            if let p = a.publication { out.append("- 公示：\(p == .publish ? "在门户公开决定" : "撤回已公开的决定并公开理由")") }
            if a.linkedSteps != nil { out.append("- 关联：可在相关案件中一并办理步骤") }
        }
        if !def.onExpiry.isEmpty {
            out.append("")
            out.append("## 期限届满时依法自动办理")
            out.append("")
            for (key, action) in def.onExpiry.sorted(by: { $0.key < $1.key }) {
                out.append("- 期限\(deadline(key))届满次日：\(def.action(action)?.name ?? action)")
            }
        }
        if let stats = def.statistics {
            out.append("")
            out.append("## 统计（\(stats.title)）")
            out.append("")
            for f in stats.figures { out.append("- \(f.label)（\(f.id)）：\(f.definition)") }
            for r in stats.rates { out.append("- \(r.label)（\(r.id)）= \(r.formula)") }
        }
        let problems = def.problems()
        if !problems.isEmpty {
            out.append("")
            out.append("## 定义问题")
            out.append("")
            for p in problems { out.append("- \(p)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
