import FazhiCore
import FazhiStore
import Foundation

/// Pieces the registry pages share: the choice lists of power types and bodies, type counts, a benchmark's tiers.
enum RegistryViews {
    static func typeOptions(_ selected: PowerType?) -> HTML {
        HTML.join(
            [HTML(raw: "<option value=\"\">全部类型</option>")]
                + PowerType.allCases.map { t in
                    "<option value=\"\(t.rawValue)\"\(HTML(raw: selected == t ? " selected" : ""))>\(t.chineseName)</option>"
                })
    }

    static func bodyOptions(_ bodies: [EnforcementBodyRow], selected: UUID?, allLabel: String? = "全部执法主体") -> HTML {
        HTML.join(
            (allLabel.map { [HTML("<option value=\"\">\($0)</option>")] } ?? [])
                + bodies.map { b in
                    "<option value=\"\(b.organisationId.uuidString)\"\(HTML(raw: selected == b.organisationId ? " selected" : ""))>\(b.organisationName)</option>"
                })
    }

    static func typeCounts(_ counts: [PowerType: Int], link: (PowerType) -> String) -> HTML {
        let total = counts.values.reduce(0, +)
        let maxCount = max(1, counts.values.max() ?? 1)
        let bars = PowerType.allCases.filter { counts[$0] != nil }.map { t -> HTML in
            let n = counts[t]!
            return
                "<div class=\"bar-row\"><a href=\"\(link(t))\">\(t.chineseName)</a><progress class=\"bar\" max=\"\(maxCount)\" value=\"\(n)\">\(n)</progress><b>\(n)</b></div>"
        }
        return
            "<div class=\"card counts\"><p>共 <b>\(total)</b> 项：\(PowerType.allCases.compactMap { t in counts[t].map { "\(t.chineseName)\($0)" } }.joined(separator: "、"))</p>\(bars)</div>"
    }

    static func tiersTable(_ b: DiscretionBenchmark) -> HTML {
        let rows = b.tiers.map { t -> HTML in
            let bracket: String = {
                guard t.kind.isGraded, let from = t.measureFrom else { return "—" }
                return t.measureTo.map {
                    "\(Yuan.number(from)) ≤ \(b.measure ?? "") < \(Yuan.number($0))\(b.measureUnit ?? "")"
                } ?? "\(b.measure ?? "") ≥ \(Yuan.number(from))\(b.measureUnit ?? "")"
            }()
            return
                "<tr><td>\(t.kind.chineseName)</td><td>\(t.circumstances)</td><td>\(bracket)</td><td>\(t.range.text)</td></tr>"
        }
        return
            "<div class=\"table-wrap\"><table class=\"data\"><thead><tr><th>档次</th><th>适用情形</th><th>裁量因素区间</th><th>处罚幅度</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }
}
