import Foundation

/// The 重大行政决策合法性审查意见书 (第二十七条、第二十八条): authority, procedure and content, with the legal advisers' opinions.
enum MajorDecisionDocuments {
    static func blocks(
        _ kind: CaseDocumentKind, facts f: Facts, file: CaseFile, step: CaseStep?, context c: DocumentContext
    ) -> [DocumentText.Block] {
        guard kind == .decisionReviewOpinion else { return [] }
        typealias F = MajorDecisionFact
        let passed = step?.action == MajorDecisionProcedure.Step.passReview
        let problems = f.list(F.reviewProblems.id)
        let advisers = f.list(F.adviserOpinions.id).map { line -> String in
            let p = MajorDecision.parts(line)
            return p.count >= 2 ? "\(p[0])：\(p.dropFirst().joined(separator: "；"))" : line
        }
        let date = step?.on ?? file.steps.last?.on
        let opening: [DocumentText.Block] = [
            .centered(c.caseNumber),
            .field("决策事项", f[F.title.id]?.description ?? ""),
            .field("决策承办单位", f[F.undertaker.id]?.description ?? ""),
            .field("审查人", f[F.reviewer.id]?.description ?? ""),
            .field("审查结论", passed ? MajorDecision.label(f[F.reviewOpinion], in: MajorDecision.reviewOpinions) : "不合法"),
            .heading("审查内容"),
            .paragraph("对决策事项是否符合法定权限、决策草案的形成是否履行相关法定程序、决策草案内容是否符合有关法律、法规、规章和国家政策的规定进行了审查（重大行政决策程序暂行条例 第二十七条）。"),
            .paragraph(f[F.reviewText.id]?.description ?? ""),
            .heading(passed ? "须调整或者补充的问题" : "不合法的问题"),
        ]
        // One paragraph a line, each indented as the others.
        let problemBlocks: [DocumentText.Block] =
            problems.isEmpty
            ? [.paragraph("无。")] : problems.enumerated().map { .paragraph("\($0.offset + 1). \($0.element)") }
        let adviserBlocks: [DocumentText.Block] =
            [.heading("法律顾问、公职律师的法律意见")] + (advisers.isEmpty ? ["无。"] : advisers).map { .paragraph($0) }
        let closing: [DocumentText.Block] = [

            .paragraph(
                passed
                    ? "决策承办单位应当根据审查意见进行必要的调整或者补充（第二十八条）。"
                    : "经审查不合法的决策草案，不得提交决策机关讨论（第二十五条第二款）；请修改后重新送审。"),
            .signature([c.bodyName, date.map(CaseDocuments.chineseDate) ?? ""]), .seal("（印章）"),
        ]
        return opening + problemBlocks + adviserBlocks + closing
    }
}
