import FazhiCore
import FazhiStore
import Foundation

/// Demo 政府信息公开 requests at the county government and the 市场监管局 over the last months: most answered (given,
/// already public, partly withheld for a third party's trade secret, not held, not handled), one corrected first, one
/// extended, one whose applicant never corrected it, and two still within their 20 working days.
enum DemoDisclosure {
    typealias Step = (String, ProcedureActor, CivilDate, [String: FactValue])

    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let def = c.catalog.current(DisclosureProcedure.id) else { return }
        // The open requests' 20 working days (about 30 days) must fall in a year the calendar covers.
        let base = c.base(span: 35)
        func day(_ offset: Int) -> CivilDate { base.adding(days: offset) }
        let offices: [(String, String)] = [("清河县人民政府", "zf.gongkai"), ("清河县市场监督管理局", "scj.gongkai")]
        for (office, username) in offices {
            guard let body = c.orgs[office], let staff = c.actor(username) else { continue }
            let government = office == "清河县人民政府"
            for (i, r) in requests(government).enumerated() {
                // Answered requests spread over the months before; the open ones came in the last days.
                let received = r.steps.isEmpty ? day(-3 - i % 4) : day(-140 + i * 11 + (government ? 0 : 4))
                func register(_ kind: String, _ name: String, _ info: String) -> Step {
                    (
                        DisclosureProcedure.Step.register, staff, received,
                        [
                            "channel": .text(i % 3 == 0 ? "in_person" : (i % 3 == 1 ? "registered_post" : "fax")),
                            "applicantName": .text(name), "applicantKind": .text(kind),
                            "applicantIDNumber": .text(kind == "citizen" ? "11010519491231002X" : "91339901MA2B3C4D5E"),
                            "applicantPhone": .text("1385710\(String(format: "%04d", 1200 + i))"),
                            "applicantAddress": .text("清河县城关镇人民路\(10 + i)号"), "informationDescription": .text(info),
                            "requestedForm": .text(i % 2 == 0 ? "electronic" : "paper"),
                            "delivery": .text(i % 2 == 0 ? "email" : "post"), "receivedOn": .date(received),
                            "applicantEmail": .text("applicant\(i)@example.cn"),
                        ]
                    )
                }
                var steps = [register(r.kind, r.name, r.info)]
                for (action, offset, inputs) in r.steps {
                    let on = received.adding(days: offset)
                    var given = inputs
                    if given["correctionReceivedOn"] != nil { given["correctionReceivedOn"] = .date(on) }
                    steps.append((action, staff, on, given))
                }
                try await c.runner.run(def, body: body, steps, in: tx)
            }
            try await catalogue(body: body, government: government, day: day, today: c.today, in: tx)
        }
    }

    /// 政府信息公开目录 items: most published in time, one published late, one waiting within its 20 working days.
    static func catalogue(
        body: UUID, government: Bool, day: (Int) -> CivilDate, today: CivilDate, in tx: WriteTransaction
    ) async throws {
        let items: [(String, String, String, Int, Int?)] =
            government
            ? [
                ("1", "清河县人民政府关于印发优化营商环境若干措施的通知", "清政发〔2026〕8号", -120, -112),
                ("3", "清河县国民经济和社会发展第十五个五年规划纲要", "县人大审议通过", -150, -140),
                ("7", "清河县2026年财政预算", "县本级一般公共预算、政府性基金预算", -200, -190),
                ("12", "清河县防汛防台应急预案（2026年修订）", "应急响应分级和处置程序", -90, -50),
                ("11", "清河县2026年促进就业若干措施", "就业补贴标准和申领程序", -6, nil),
            ]
            : [
                ("2", "清河县市场监督管理局机构职能", "内设机构、办公地址、联系电话、负责人", -180, -178),
                ("13", "2026年第三季度食品安全监督抽检结果", "抽检批次、不合格产品及处置情况", -40, -30),
                ("5", "食品经营许可办理指南", "依据、条件、程序、时限", -100, -95),
            ]
        for (category, title, summary, formed, published) in items {
            try await ProactiveCatalogue.save(
                ProactiveItem(
                    bodyID: body, category: category, title: title, summary: summary, formedOn: day(formed),
                    publishedOn: published.map(day), link: ""), today: today, in: tx)
        }
    }

    struct Request {
        let kind: String, name: String, info: String
        let steps: [(String, Int, [String: FactValue])]
    }

    static func answer(
        _ type: String, _ ground: String, reason: String = "", provided: String = ""
    ) -> [String: FactValue] {
        var f: [String: FactValue] = ["answerType": .text(type), "answerGround": .text(ground)]
        if !reason.isEmpty { f["answerReason"] = .text(reason) }
        if !provided.isEmpty { f["informationProvided"] = .text(provided) }
        return f
    }

    static func requests(_ government: Bool) -> [Request] {
        typealias S = DisclosureProcedure.Step
        let subject = government ? "县政府" : "县市场监管局"
        return [
            Request(
                kind: "citizen", name: "张明华", info: "\(subject)2025年度部门决算公开表",
                steps: [
                    (
                        S.answer, 6,
                        answer("disclosed", "already_public", provided: "已在清河县人民政府门户网站“财政预决算”栏目公开，网址：/bodies")
                    )
                ]),
            Request(
                kind: "citizen", name: "李秀英", info: "城关镇人民路棚户区改造项目征收补偿方案及批复文件",
                steps: [
                    (
                        S.answer, 12,
                        answer("disclosed", "provided", provided: "《人民路棚户区改造项目房屋征收补偿方案》及批复文件电子版，已通过电子邮件发送")
                    )
                ]),
            Request(
                kind: "business", name: "清河县恒达建材有限公司", info: "2026年第三季度食品经营许可办理结果（涉及本公司的检查记录）",
                steps: [
                    (
                        S.consult, 3,
                        [
                            "consultee": .text("third_party"), "consulteeName": .text("清河县某某食品有限公司"),
                            "consultationMatter": .text("申请公开的检查记录含有贵公司的生产工艺和配方信息，请提出是否同意公开的意见。"),
                        ]
                    ),
                    (
                        S.recordOpinion, 10,
                        [
                            "opinion": .text("refuse"), "opinionReason": .text("检查记录中的配方和工艺参数属于本公司商业秘密"),
                            "refusalReasonable": .bool(true),
                        ]
                    ),
                    (
                        S.answer, 14,
                        answer(
                            "partial", "third_party", reason: "检查记录中的配方和工艺参数属于第三方商业秘密，第三方不同意公开且理由合理",
                            provided: "检查时间、检查人员、检查结论等内容"
                        )
                        .merging(["withheldParts": .text("配方和工艺参数（共3处）")]) { a, _ in a }
                    ),
                ]),
            Request(
                kind: "citizen", name: "王建军", info: "关于某小区规划调整的内部讨论记录和请示",
                steps: [
                    (S.answer, 9, answer("withheld", "process", reason: "所申请信息为行政机关在履行职责过程中形成的讨论记录、请示报告等过程性信息"))
                ]),
            Request(
                kind: "citizen", name: "赵丽", info: "相关政策文件",
                steps: [
                    (
                        S.requestCorrection, 2,
                        ["correctionItems": .list(["请写明所申请政策文件的名称、文号或者发布时间等特征性描述"]), "correctionWorkdays": .number(10)]
                    ),
                    (
                        S.receiveCorrection, 6,
                        // The step's own day (set when loading).
                        ["correctionReceivedOn": .bool(true), "correctionSummary": .text("补正为：2026年促进就业若干措施")]
                    ),
                    (S.answer, 14, answer("disclosed", "provided", provided: "《清河县2026年促进就业若干措施》全文，已邮寄")),
                ]),
            Request(
                kind: "legal_service", name: "浙江某某律师事务所", info: "某企业2019年以来的行政处罚案卷材料",
                steps: [
                    (
                        S.extend, 18,
                        [
                            "extensionWorkdays": .number(15), "extensionReason": .text("涉及档案数量较多，需调档检索"),
                            "extensionApprovedBy": .text("周明远"), "applicantNotified": .bool(true),
                        ]
                    ),
                    (S.answer, 30, answer("withheld", "case_file", reason: "所申请信息属于行政执法案卷信息")),
                ]),
            Request(
                kind: "citizen", name: "孙海波", info: "本人房屋所在地块的土地出让合同",
                steps: [
                    (
                        S.answer, 8,
                        answer("unavailable", "not_ours", reason: "土地出让合同由自然资源主管部门制作和保存").merging([
                            "otherBody": .text("清河县自然资源和规划局（联系电话：0571-8888xxxx）")
                        ]) { a, _ in a }
                    )
                ]),
            Request(
                kind: "citizen", name: "周某某", info: "要求对本人投诉的商户违法行为进行查处并答复",
                steps: [(S.answer, 5, answer("not_handled", "petition", reason: "该申请实为投诉举报，已告知通过12345热线等渠道提出"))]),
            Request(
                kind: "research", name: "临州大学法学院课题组", info: "近三年政府信息公开申请的办理情况",
                steps: [
                    (
                        S.requestCorrection, 1,
                        ["correctionItems": .list(["请明确所需信息的年度范围和具体项目"]), "correctionWorkdays": .number(5)]
                    ),
                    (S.deemAbandoned, 30, ["noGoodCause": .bool(true)]),
                ]),
            Request(kind: "citizen", name: "吴晓东", info: "\(subject)2026年重点工作任务分解表", steps: []),
            Request(kind: "public_interest", name: "清河县环保志愿者协会", info: "2026年重点排污单位名录", steps: []),
        ]
    }
}
