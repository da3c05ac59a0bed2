import Foundation

extension Normative {
    /// One version of a document's text (文本版本): each draft (起草稿、修改稿) and each issued text (印发文本, and the text
    /// as amended by each 修改决定), numbered in order, read from the steps that recorded them — nothing is overwritten.
    public struct TextVersion: Sendable, Encodable, Equatable {
        public let number: Int
        public let issued: Bool
        public let label: String
        /// The day the step recorded it (for an issued text: the signing day).
        public let on: CivilDate
        /// The 文号 that issued it (the document's own, then each 修改决定's).
        public let documentNumber: String?
        public let effectiveOn: CivilDate?
        public let publishedOn: CivilDate?
        public let text: String
    }

    static let draftSteps: Set<String> = [
        NormativeProcedure.Step.register, NormativeProcedure.Step.revise, NormativeProcedure.Step.startAmendment,
    ]
    static let issuingSteps: Set<String> = [NormativeProcedure.Step.issue, NormativeProcedure.Step.registerExisting]

    /// Every version of the text, in the order recorded.
    public static func versions(_ file: CaseFile) -> [TextVersion] {
        var out: [TextVersion] = []
        var drafts = 0, issued = 0
        let numbers = file.facts.list(NormativeFact.issueNumbers)
        for (i, step) in file.steps.enumerated() {
            if draftSteps.contains(step.action), let text = step.inputs[NormativeFact.draftText] {
                drafts += 1
                out.append(
                    TextVersion(
                        number: out.count + 1, issued: false, label: "草案第\(drafts)稿", on: step.on,
                        documentNumber: nil, effectiveOn: nil, publishedOn: nil, text: text))
            } else if issuingSteps.contains(step.action),
                let text = step.inputs[NormativeFact.finalText] ?? lastDraft(before: i, in: file)
            {
                issued += 1
                let published =
                    step.inputs[NormativeFact.publishedOn]
                    ?? file.steps[(i + 1)...].first { $0.action == NormativeProcedure.Step.publish }?.on
                let number =
                    step.inputs[NormativeFact.documentNumber]
                    ?? (issued <= numbers.count ? numbers[issued - 1] : nil)
                out.append(
                    TextVersion(
                        number: out.count + 1, issued: true,
                        label: issued == 1 ? "印发文本" : "第\(issued - 1)次修改后的文本",
                        on: step.inputs[NormativeFact.signedOn] ?? step.on,
                        documentNumber: number,
                        effectiveOn: file.steps[(i + 1)...].first { $0.action == NormativeProcedure.Step.publish }?
                            .inputs[
                                NormativeFact.effectiveOn] ?? step.inputs[NormativeFact.effectiveOn],
                        publishedOn: published, text: text))
            }
        }
        return out
    }

    /// The draft text last recorded before step `i` (the text an 签发 without its own text issues).
    static func lastDraft(before i: Int, in file: CaseFile) -> String? {
        file.steps[..<i].last { draftSteps.contains($0.action) && $0.inputs[NormativeFact.draftText] != nil }?
            .inputs[NormativeFact.draftText]
    }

    /// The text that applied on a day: of the issued texts published by then, the last one in effect by then (nil
    /// before the first is in effect, when none was published by then, and once the document has ended).
    public static func textInForce(_ file: CaseFile, on day: CivilDate) -> TextVersion? {
        guard standing(file.facts, on: day) == "现行有效" else { return nil }
        return lastText(file, on: day)
    }

    /// The last text in effect by the day, whether or not the document still is (what applied before it ended).
    public static func lastText(_ file: CaseFile, on day: CivilDate) -> TextVersion? {
        versions(file).last { v in
            v.issued && (v.publishedOn.map { $0 <= day } ?? false) && (v.effectiveOn.map { $0 <= day } ?? false)
        }
    }

    /// The changes from one version to another (numbers as in `versions`).
    public static func changes(_ file: CaseFile, from: Int, to: Int) -> [TextDiff.Line]? {
        let all = versions(file)
        guard let a = all.first(where: { $0.number == from }), let b = all.first(where: { $0.number == to }) else {
            return nil
        }
        return TextDiff.compare(a.text, b.text)
    }
}
