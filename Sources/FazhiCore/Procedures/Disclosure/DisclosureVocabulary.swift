import Foundation

/// Terms of 依申请公开 under the 《中华人民共和国政府信息公开条例》 (国务院令第711号, 2019-05-15 起施行). The answer types and
/// their grounds follow the 第三十六条 list and the national template of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号),
/// so each answer counts in exactly one row of the yearly report.
public enum Disclosure {
    public static let regulation = "政府信息公开条例"

    /// 第三十三条第一款: the answer period, and the most one extension may add (working days).
    public static let answerWorkdays = 20
    public static let maxExtensionWorkdays = 20
    /// 第三十条: a request that is unclear is sent back within 7 working days of receipt.
    public static let correctionNoticeWorkdays = 7
    /// 第三十二条 (third party), 第三十四条 (other bodies): 15 working days to give an opinion.
    public static let consultationWorkdays = 15

    /// 第二十九条、第三十一条: how the request came; the day received depends on it.
    public static let channels = [
        InputField.Choice("in_person", "当面提交（提交之日为收到之日）"),
        .init("registered_post", "邮寄（签收之日为收到之日）"),
        .init("ordinary_post", "平常信函（与申请人确认之日为收到之日）"),
        .init("online", "互联网（双方确认之日为收到之日）"),
        .init("fax", "传真（双方确认之日为收到之日）"),
        .init("oral", "口头提出、代为填写（第二十九条第一款）"),
    ]
    /// The yearly report's applicant columns: 自然人, and 法人或其他组织 by kind.
    public static let applicantKinds = [
        InputField.Choice("citizen", "自然人"), .init("business", "商业企业"), .init("research", "科研机构"),
        .init("public_interest", "社会公益组织"), .init("legal_service", "法律服务机构"), .init("other", "其他"),
    ]
    /// 第二十九条第二款第三项: the form asked for.
    public static let forms = [
        InputField.Choice("paper", "纸质"), .init("electronic", "电子文档"), .init("inspection", "查阅、抄录"),
    ]
    public static let deliveries = [
        InputField.Choice("post", "邮寄"), .init("email", "电子邮件"), .init("collect", "自行领取"), .init("on_spot", "当场提供"),
    ]

    /// 第三十六条: what the answer is (the yearly report's rows (一) to (六)).
    public static let answerTypes = [
        InputField.Choice("disclosed", "予以公开（含告知已主动公开信息的获取途径）"),
        .init("partial", "部分公开（区分处理，第三十七条）"),
        .init("withheld", "不予公开"),
        .init("unavailable", "无法提供"),
        .init("not_handled", "不予处理"),
        .init("other", "其他处理"),
    ]

    /// The grounds of each answer type, as the yearly report lists them, with the article each rests on.
    public static let grounds: [String: [InputField.Choice]] = [
        "disclosed": [
            .init("provided", "提供该政府信息（第三十六条第二项）"),
            .init("already_public", "已主动公开，告知获取方式和途径（第三十六条第一项）"),
        ],
        "partial": withheldGrounds,
        "withheld": withheldGrounds,
        "unavailable": [
            .init("not_exist", "经检索没有所申请公开的信息（第三十六条第四项）"),
            .init("not_ours", "不属于本机关负责公开（第三十六条第五项）"),
            .init("needs_making", "没有现成信息需要另行制作（第三十八条）"),
            .init("still_unclear", "补正后申请内容仍不明确（第三十条）"),
        ],
        "not_handled": [
            .init("petition", "信访举报投诉类申请（第三十九条第一款）"),
            .init("repeated", "重复申请（第三十六条第六项）"),
            .init("publication", "要求提供公开出版物（第三十九条第二款）"),
            .init("excessive", "无正当理由大量反复申请（第三十五条）"),
            .init("confirm", "要求行政机关确认或重新出具已获取信息"),
        ],
        "other": [
            .init("no_correction", "申请人无正当理由逾期不补正、行政机关不再处理其申请（第三十条）"),
            .init("fee_unpaid", "申请人逾期未按收费通知要求缴纳费用（第四十二条）"),
            .init("special_law", "依照有关法律、行政法规的规定办理（第三十六条第七项）"),
            .init("other", "其他"),
        ],
    ]

    /// 第十四条至第十六条: why information is not disclosed (the yearly report's eight 不予公开 rows).
    public static let withheldGrounds = [
        InputField.Choice("state_secret", "属于国家秘密（第十四条）"),
        .init("law_forbids", "其他法律行政法规禁止公开（第十四条）"),
        .init("security", "危及“三安全一稳定”（第十四条）"),
        .init("third_party", "保护第三方合法权益（第十五条）"),
        .init("internal", "属于三类内部事务信息（第十六条第一款）"),
        .init("process", "属于四类过程性信息（第十六条第二款）"),
        .init("case_file", "属于行政执法案卷（第十六条第二款）"),
        .init("inquiry", "属于行政查询事项"),
    ]

    /// Every ground of every answer type, for the yearly report's rows.
    public static var allGrounds: [(type: InputField.Choice, grounds: [InputField.Choice])] {
        answerTypes.map { ($0, grounds[$0.value] ?? []) }
    }
    /// Every ground once (a 不予公开 ground is also a 部分公开 one), for the answer form's choice.
    public static let groundChoices: [InputField.Choice] = {
        var seen = Set<String>()
        return answerTypes.flatMap { grounds[$0.value] ?? [] }.filter { seen.insert($0.value).inserted }
    }()

    /// The rows the national yearly-report template gives each answer type (国办公开办函〔2021〕30号): a row's label and the
    /// grounds it counts. 予以公开 and 部分公开 have none (部分公开 counts only as itself).
    public static let reportRows: [String: [(label: String, grounds: [String])]] = [
        "withheld": withheldGrounds.map { ($0.label.components(separatedBy: "（").first ?? $0.label, [$0.value]) },
        "unavailable": [
            ("本机关不掌握相关政府信息", ["not_exist", "not_ours"]), ("没有现成信息需要另行制作", ["needs_making"]),
            ("补正后申请内容仍不明确", ["still_unclear"]),
        ],
        "not_handled": [
            ("信访举报投诉类申请", ["petition"]), ("重复申请", ["repeated"]), ("要求提供公开出版物", ["publication"]),
            ("无正当理由大量反复申请", ["excessive"]), ("要求行政机关确认或重新出具已获取信息", ["confirm"]),
        ],
        "other": [
            ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ["no_correction"]),
            ("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ["fee_unpaid"]),
            ("其他", ["special_law", "other"]),
        ],
    ]

    /// What the answer letter says for each ground, in the words of the article it rests on: (sentence, article).
    public static let groundSentences: [String: (String, String)] = [
        "state_secret": ("该信息依法确定为国家秘密", "第十四条"),
        "law_forbids": ("该信息属于法律、行政法规禁止公开的政府信息", "第十四条"),
        "security": ("该信息公开后可能危及国家安全、公共安全、经济安全、社会稳定", "第十四条"),
        "third_party": ("该信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害", "第十五条"),
        "internal": ("该信息属于行政机关的人事管理、后勤管理、内部工作流程等内部事务信息", "第十六条第一款"),
        "process": ("该信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息", "第十六条第二款"),
        "case_file": ("该信息属于行政执法案卷信息", "第十六条第二款"),
        "inquiry": ("该申请属于行政查询事项，应当通过相应的查询渠道办理", ""),
        "not_exist": ("经检索，本机关没有所申请公开的信息，该政府信息不存在", "第三十六条第四项"),
        "not_ours": ("所申请公开的信息不属于本机关负责公开", "第三十六条第五项"),
        "needs_making": ("本机关没有现成的信息，提供需要对现有政府信息进行加工、分析", "第三十八条"),
        "still_unclear": ("经补正，申请内容仍不明确", "第三十条"),
        "petition": ("你（单位）以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理", "第三十九条第一款"),
        "repeated": ("本机关已就你（单位）提出的政府信息公开申请作出答复，你（单位）重复申请公开相同政府信息，本机关不予重复处理", "第三十六条第六项"),
        "publication": ("你（单位）申请的内容为政府公报、报刊、书籍等公开出版物", "第三十九条第二款"),
        "excessive": ("你（单位）申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为理由不合理，不予处理", "第三十五条"),
        "confirm": ("你（单位）要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请", "第三十六条"),
        "special_law": ("所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请依照有关法律、行政法规的规定办理", "第三十六条第七项"),
    ]

    /// A count of working days a step asks for: a whole number in the range.
    public static func wholeDays(_ v: Double?, in range: ClosedRange<Int>) -> Bool {
        guard let v, v == v.rounded(), v >= Double(range.lowerBound), v <= Double(range.upperBound) else {
            return false
        }
        return true
    }

    /// 第二十九条第二款: what a request must contain, checked whichever way it came (the portal, the API, the console).
    public static let applicationChecks: [Gate] = [
        Gate("政府信息公开条例 第二十九条第二款第一项", "申请人姓名或者名称不超过100字", field: "applicantName") { c in
            (c.inputs[DisclosureFact.applicantName] ?? "").count <= 100
        },
        Gate("政府信息公开条例 第二十九条第二款第一项", "联系电话应为5至20位数字（可含“-”“+”和空格）", field: "applicantPhone") { c in
            let p = c.inputs[DisclosureFact.applicantPhone] ?? ""
            let digits = p.filter { $0.isASCII && $0.isNumber }.count
            return (5...20).contains(digits) && p.count <= 30
                && p.allSatisfy { $0.isASCII && ($0.isNumber || "-+ ".contains($0)) }
        },
        Gate("政府信息公开条例 第二十九条第二款第一项", "身份证明号码应为4至30位字母或数字", field: "applicantIDNumber") { c in
            let n = c.inputs[DisclosureFact.applicantIDNumber] ?? ""
            return (4...30).contains(n.count) && n.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        },
        Gate("政府信息公开条例 第二十九条第二款第一项", "电子邮箱格式不正确", field: "applicantEmail") { c in
            guard let e = c.inputs[DisclosureFact.applicantEmail], !e.isEmpty else { return true }
            let parts = e.split(separator: "@", omittingEmptySubsequences: false)
            return e.count <= 100 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !e.contains(" ")
        },
        Gate("政府信息公开条例 第二十九条第二款第三项", "选择以电子邮件获取的，请填写电子邮箱", field: "applicantEmail") { c in
            c.inputs[DisclosureFact.delivery] != "email" || !(c.inputs[DisclosureFact.applicantEmail] ?? "").isEmpty
        },
        Gate("政府信息公开条例 第二十九条第二款第三项", "网上申请不能选择“当场提供”", field: "delivery") { c in
            !(c.inputs[DisclosureFact.channel] == "online" && c.inputs[DisclosureFact.delivery] == "on_spot")
        },
        Gate("政府信息公开条例 第二十九条第二款第二项", "申请公开的政府信息的描述不超过2000字", field: "informationDescription") { c in
            (c.inputs[DisclosureFact.informationDescription] ?? "").count <= 2000
        },
        Gate("政府信息公开条例 第二十九条第二款第一项", "通讯地址不超过200字", field: "applicantAddress") { c in
            (c.inputs[DisclosureFact.applicantAddress] ?? "").count <= 200
        },
    ]

    /// A third party's or another body's answer to a consultation (第三十二条、第三十四条).
    public static let opinions = [
        InputField.Choice("agree", "同意公开"), .init("refuse", "不同意公开"), .init("silent", "逾期未提出意见"),
    ]
    /// Whom the body consults.
    public static let consultees = [
        InputField.Choice("third_party", "第三方（第三十二条）"), .init("agency", "共同制作信息的其他行政机关（第三十四条）"),
    ]

    /// The rights notice every answer carries (第五十一条).
    public static func rightsNotice(reconsiderationBody: String, court: String) -> String {
        "申请人认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，"
            + "也可以自收到本告知书之日起六十日内向\(reconsiderationBody)申请行政复议，或者自收到本告知书之日起六个月内依法向\(court.isEmpty ? "人民法院" : court)提起行政诉讼"
            + "（《中华人民共和国政府信息公开条例》第五十一条，《中华人民共和国行政复议法》第二十条，《中华人民共和国行政诉讼法》第四十六条）。"
    }

    public static func label(_ v: String?, in choices: [InputField.Choice]) -> String {
        InputField.Choice.label(v, in: choices)
    }
}
