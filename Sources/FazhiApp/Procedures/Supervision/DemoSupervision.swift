import FazhiCore
import FazhiStore
import Foundation

/// Demo 行政执法监督: the 市场监管局 has answered the alert on its shop inspected twice within a month, the 司法局's
/// 监督人员 林晓岚 (sfj.jiandu) has sent the 综合执法局 a 监督通知书 that was corrected and closed, and the 市场监管局 a 监督意见书
/// whose report is overdue; a complaint about the 市场监管局 answered and one just received by phone; the sweep then raises
/// every alert the demo's records show (期限逾期、零执法 …).
enum DemoSupervision {
    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        let base = c.base(span: 40)
        func day(_ offset: Int) -> CivilDate { base.adding(days: offset) }
        guard let scj = c.orgs["清河县市场监督管理局"], let zf = c.orgs["清河县综合行政执法局"],
            let supervisor = c.actor("sfj.jiandu")
        else { return }
        if let def = c.catalog.current(SupervisionNoticeProcedure.id), let zfStaff = c.actor("zf.fazhi") {
            _ = try await c.runner.run(
                def, body: zf,
                [
                    (
                        SupervisionNoticeProcedure.Step.issue, supervisor, day(-30),
                        issue(
                            "notice", "行政处罚决定未按期公示", problems: ["3件普通程序行政处罚决定作出后超过7个工作日才公示"],
                            basis: "《中华人民共和国行政处罚法》第四十八条；国办发〔2018〕118号", days: 10)
                    ),
                    (
                        SupervisionNoticeProcedure.Step.serve, supervisor, day(-29),
                        ["servedOn": .date(day(-29)), "receiver": .text("综合执法局法制科 王某")]
                    ),
                    (
                        SupervisionNoticeProcedure.Step.report, zfStaff, day(-20),
                        [
                            "corrections": .list(["3件决定已于收到通知书后2日内补充公示，并在公示栏说明逾期原因"]),
                            "measures": .text("明确法制科在决定作出之日起5个工作日内审核公示内容，并纳入月度考核"),
                        ]
                    ),
                    (
                        SupervisionNoticeProcedure.Step.accept, supervisor, day(-15),
                        ["verification": .text("经网站核查，3件决定均已公示，整改到位")]
                    ),
                ], in: tx)
        }
        if let def = c.catalog.current(SupervisionNoticeProcedure.id) {
            _ = try await c.runner.run(
                def, body: scj,
                [
                    (
                        SupervisionNoticeProcedure.Step.issue, supervisor, day(-24),
                        issue(
                            "opinion", "短期内对同一经营者重复检查", problems: ["同一月内两次检查清河县河东街道某某烧烤店，第二次检查未说明依据"],
                            basis: "国务院办公厅关于严格规范涉企行政检查的意见", days: 5)
                    ),
                    (
                        SupervisionNoticeProcedure.Step.serve, supervisor, day(-23),
                        ["servedOn": .date(day(-23)), "receiver": .text("市场监管局法规科 周某")]
                    ),
                ], in: tx)
        }
        if let def = c.catalog.current(EnforcementComplaintProcedure.id), let sfj = c.orgs["清河县司法局"] {
            let complaint: [String: FactValue] = [
                "channel": .text("letter"), "complainantName": .text("钱某"), "complainantContact": .text("13900000000"),
                "bodyComplained": .text("清河县市场监督管理局"),
                "complaintText": .text("同一个月内两次到店检查，检查内容相同，影响正常经营"),
            ]
            _ = try await c.runner.run(
                def, body: sfj,
                [
                    (EnforcementComplaintProcedure.Step.receive, supervisor, day(-35), complaint),
                    (EnforcementComplaintProcedure.Step.accept, supervisor, day(-33), [:]),
                    (
                        EnforcementComplaintProcedure.Step.refer, supervisor, day(-32),
                        ["referredTo": .text("清河县市场监督管理局"), "referralNote": .text("5个工作日内报告核查情况")]
                    ),
                    (
                        EnforcementComplaintProcedure.Step.answer, supervisor, day(-22),
                        [
                            "complaintConclusion": .text("substantiated"),
                            "answerText": .text("经核查，该局在一个月内对你店进行了两次内容相同的检查，已制发监督意见书责令其整改"),
                        ]
                    ),
                ], in: tx)
            _ = try await c.runner.run(
                def, body: sfj,
                [
                    (
                        EnforcementComplaintProcedure.Step.receive, supervisor, day(-1),
                        [
                            "channel": .text("phone"), "bodyComplained": .text("清河县综合行政执法局"),
                            "complaintText": .text("执法人员检查时未出示执法证件"),
                        ]
                    )
                ], in: tx)
        }
        try await SupervisionAlerts.sweep(.init(today: c.today, catalog: c.catalog), on: tx.db)
        // The 市场监管局 has explained its second inspection; the 司法局 has yet to check the answer.
        let alerts = try await SupervisionAlerts.list(
            bodies: [scj], state: .open, rule: AlertRule.repeatInspection.id, on: tx.db)
        for a in alerts {
            _ = try await SupervisionAlerts.answer(
                a.id, .explained, text: "第二次检查为县食安办部署的烧烤季专项检查，已与日常检查合并为一次，今后同类检查合并进行",
                by: "周某", today: c.today, bodies: [scj], in: tx)
        }
    }

    static func issue(
        _ kind: String, _ subject: String, problems: [String], basis: String, days: Int
    ) -> [String: FactValue] {
        [
            "documentKind": .text(kind), "subject": .text(subject), "problems": .list(problems),
            "legalBasis": .text(basis), "requirements": .text("逐项整改，建立长效机制，并书面报送整改情况"),
            "reportWorkdays": .number(Double(days)), "issuedBy": .text("清河县司法局"),
        ]
    }
}
