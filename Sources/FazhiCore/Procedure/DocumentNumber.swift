import Foundation

/// 文书编号 such as 清市监罚〔2026〕12号: an agency prefix, the document's character (立/罚/移…), the year in
/// 六角括号, and a number that runs per body, year and kind.
public enum DocumentNumber {
    /// Common agency names and the short forms used in document numbers.
    static let shortForms: [(String, String)] = [
        ("市场监督管理局", "市监"), ("综合行政执法局", "综执"), ("应急管理局", "应急"), ("生态环境", "环"), ("交通运输局", "交"),
        ("自然资源", "自然资源"), ("卫生健康", "卫健"), ("农业农村局", "农"), ("住房和城乡建设局", "住建"), ("文化", "文"),
        ("公安局", "公"), ("税务局", "税"), ("水利局", "水"), ("人力资源和社会保障局", "人社"), ("教育", "教"), ("人民政府", "政"),
    ]

    /// The prefix for a body's documents: the first character of its county or district, then the agency's short form
    /// (清河县市场监督管理局 → 清市监). A body can use any prefix; this is the default when none is set.
    public static func prefix(organisationName name: String) -> String {
        var rest = Substring(name), place = ""
        if let cut = name.firstIndex(where: { "县区市旗".contains($0) }), name.distance(from: name.startIndex, to: cut) >= 1
        {
            place = String(name[name.startIndex])
            rest = name[name.index(after: cut)...]
        }
        if let short = shortForms.first(where: { rest.contains($0.0) })?.1 { return place + short }
        return place + String(rest.prefix(2))
    }

    public static func format(prefix: String, kind: String, year: Int, number: Int) -> String {
        "\(prefix)\(kind)〔\(year)〕\(number)号"
    }
}
