import Foundation

extension NormativeProcedure {
    /// 修改: a document in force is amended by the procedure that made it (国办发〔2018〕37号: 起草、征求意见、合法性审核、
    /// 集体审议、统一编号印发、公布、备案) — the new draft goes round the same gates while the text in force stays in force;
    /// the 修改决定 gets its own number at 签发, and the amended text applies from its own 施行日期.
    static func amendmentStep(_ s: ProcedureSettings) -> ActionDefinition {
        ActionDefinition(
            Step.startAmendment, "启动修改（按制定程序办理）", from: [State.published.id, State.filed.id], to: State.drafting.id,
            by: staff, basis: "国办发〔2018〕37号"
        )
        .asks(
            .init("amendmentReason", "修改理由（评估、清理或者上位法变化等）"),
            .init("draftSummary", "修改说明"),
            .init("draftText", "修改后的全文（每条一行，以“第…条”开头）")
        )
        .gate("系统限制", "草案文本不超过50000字", field: "draftText") { c in
            (c.inputs[NormativeFact.draftText] ?? "").count <= 50_000
        }
        .gate("国办发〔2018〕37号", "文件已不在有效期内，不能修改") { c in !overdue(c, "validity") }
        .gate("国办发〔2018〕37号", "草案文本应当按条书写：每条一行，以“第…条”开头", field: "draftText") { c in
            inArticles(c.inputs[NormativeFact.draftText])
        }
        .then(
            // Amending is how a 责令改正 is answered: its deadline is met once the amendment starts.
            .stopDeadline("correction"),
            .compute(writes: NormativeFact.draftVersion, NormativeFact.amending) { c in
                Facts([
                    NormativeFact.draftVersion ~ ((c.file.facts[NormativeFact.draftVersion] ?? 1) + 1),
                    NormativeFact.amending ~ true,
                ])
            })
    }
}
