import Foundation

/// The text of a 文书, in blocks a writer lays out (.docx): built only from the case's data, so the document is
/// what the record says happened.
public struct DocumentText: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case title(String), centered(String), heading(String), paragraph(String), field(String, String), table(
            [[String]]), signature([String]), seal(String)
    }
    public var kind: CaseDocumentKind
    public var blocks: [Block]
    /// A file name for downloads, e.g. 行政处罚决定书-清市监罚〔2026〕1号.
    public var fileName: String

    public init(kind: CaseDocumentKind, blocks: [Block], fileName: String) {
        self.kind = kind; self.blocks = blocks; self.fileName = fileName
    }
}

/// What a document needs besides the case: names the case file does not hold.
public struct DocumentContext: Sendable {
    public var bodyName: String
    public var caseNumber: String
    /// Where to apply for 复议 and where to sue (行政处罚法 第五十九条(五)); a county department's 复议 body is the
    /// county government (行政复议法 第二十四条).
    public var reconsiderationBody: String
    public var court: String
    /// The case's own organisation, when the document is issued in another's name (a 监督文书 is addressed to the body the
    /// case belongs to, issued in the government's).
    public var caseBodyName: String
    public init(
        bodyName: String, caseNumber: String, reconsiderationBody: String, court: String, caseBodyName: String? = nil
    ) {
        self.bodyName = bodyName; self.caseNumber = caseNumber; self.reconsiderationBody = reconsiderationBody;
        self.court = court; self.caseBodyName = caseBodyName ?? bodyName
    }

    /// The case body's id when its documents are issued in its own name (its seal may be looked up by id), else nil.
    public func sealBody(_ id: UUID) -> UUID? { caseBodyName == bodyName ? id : nil }
}

public enum CaseDocuments {
    /// A typed text used inside a sentence the document ends itself: its trailing full stop or semicolon removed.
    public static func clause(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = t.last, "。；;.，,".contains(last) { t.removeLast() }
        return t
    }

    /// The document a step produced: the case's facts with that step's own inputs laid over them, written by the module
    /// the case's procedure belongs to.
    public static func text(
        _ kind: CaseDocumentKind, file: CaseFile, step index: Int?, context c: DocumentContext
    ) -> DocumentText {
        let def =
            ProcedureCatalog.standard.definition(file.procedure, version: file.definitionVersion)
            ?? ProcedureCatalog.standard.current(file.procedure)
        let step =
            index.flatMap { file.steps.indices.contains($0) ? file.steps[$0] : nil }
            ?? file.steps.last { s in def?.action(s.action)?.documents.contains(kind) == true }
        var f = file.facts
        if let step { f.merge(step.inputs) }
        let input = DocumentInput(kind: kind, facts: f, file: file, step: step, context: c)
        var draft = DocumentDraft(title: kind.chineseName, number: c.caseNumber, blocks: [])
        if kind == .serviceReceipt {
            serviceReceipt(input, served: def?.presentation.servedDocument(f) ?? "", &draft)
        } else {
            ProcedureCatalog.module(of: file.procedure)?.render(input, &draft)
        }
        // The issuing organ's name above the document's own title, as an office prints it (清河县市场监督管理局 / 行政处罚决定书).
        let head: [DocumentText.Block] =
            c.bodyName.isEmpty ? [.title(draft.title)] : [.title(c.bodyName), .title(draft.title)]
        var b: [DocumentText.Block] = head + draft.blocks
        let n = head.count
        if b.count > n, case .centered = b[n], draft.number != c.caseNumber { b[n] = .centered(draft.number) }
        return DocumentText(kind: kind, blocks: b, fileName: "\(draft.title)-\(draft.number)")
    }

    /// 送达回证 (民事诉讼法 第八十七条, applied by 行政处罚法 第六十一条 and 行政复议法 第八十八条): what was served, on whom, how, when.
    static func serviceReceipt(_ input: DocumentInput, served: String, _ draft: inout DocumentDraft) {
        let f = input.facts, step = input.step
        let date = step?.on ?? input.file.steps.last?.on
        draft.blocks += [
            .centered(input.context.caseNumber),
            .table([
                ["送达文书", "文号", "受送达人", "送达方式", "送达日期"],
                [
                    served, f[ServiceFacts.decisionNumber] ?? "", f[ServiceFacts.recipient] ?? "",
                    choice(f[ServiceFacts.serviceMethod], services), date?.description ?? "",
                ],
            ]),
            .field("送达人", step?.actorName ?? ""), .field("受送达人签收", ""),
        ]
    }

    /// The issuing body's name and the date, then the seal.
    public static func signature(_ bodyName: String, _ date: CivilDate?) -> [DocumentText.Block] {
        [.signature([bodyName, date.map(chineseDate) ?? ""]), .seal("（印章）")]
    }

    public static func chineseDate(_ d: CivilDate) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

    public static func choice(_ v: String?, _ options: [(String, String)]) -> String {
        options.first { $0.0 == v }?.1 ?? (v ?? "")
    }
    static let services = [
        ("on_spot", "宣告后当场交付"), ("direct", "直接送达"), ("left", "留置送达"), ("post", "邮寄送达"), ("electronic", "电子送达"),
        ("announcement", "公告送达"),
    ]
}
