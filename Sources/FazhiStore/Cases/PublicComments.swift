import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// The comments of a case's public consultation (`PublicConsultation`): added from the portal while the case is open for
/// comment, hidden with a reason, answered by group — each change on the record.
public enum PublicComments {
    /// Adds a comment while the case is in its consultation state (and before its period ends).
    public static func add(
        caseID: UUID, article: Int?, text: String, commenter: String, today: CivilDate, catalog: ProcedureCatalog,
        in tx: WriteTransaction
    ) async throws -> PublicComment {
        guard let stored = try await CaseStore.load(caseID, on: tx.db),
            let rule = catalog.definition(stored.file.procedure, version: stored.file.definitionVersion)?.consultation,
            stored.file.state == rule.state
        else { throw DomainError.notFound("该草案不在公开征求意见期间") }
        if let until = stored.file.deadline("consultation")?.deadline.due, today > until {
            throw DomainError.conflict(field: nil, message: "征求意见期限已届满")
        }
        let t = text.trimmed
        guard !t.isEmpty, t.count <= PublicConsultation.maxCommentLength else {
            throw DomainError.invalid(field: "text", message: "意见不能为空且不超过\(PublicConsultation.maxCommentLength)字")
        }
        guard commenter.count <= 50 else { throw DomainError.invalid(field: "commenter", message: "姓名或者名称不超过50字") }
        let articles = PublicConsultation.articles(stored.file.facts.text(rule.textFact) ?? "")
        if let a = article, a < 1 {
            throw DomainError.invalid(field: "article", message: "请从列表中选择草案的条款，或者选择全文")
        }
        if let a = article, !articles.contains(where: { $0.number == a }) {
            throw DomainError.invalid(field: "article", message: "草案没有\(PublicConsultation.articleName(a))")
        }
        let receipt =
            "YJ\(today.year)" + String((0..<8).map { _ in Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ").randomElement()! })
        let c = PublicComment(
            caseID: caseID, article: article, text: t, commenter: commenter.trimmed, receipt: receipt,
            submittedOn: today)
        try await tx.sql.insert(into: "public_comments").columns("id", "case_id", "receipt", "submitted_on", "content")
            .values(
                SQLBind(c.id), SQLBind(caseID), SQLBind(receipt), SQLBind(today.description),
                SQLBind(try StoreJSON.encode(c))
            ).run()
        try tx.record("public_comment", c.id.uuidString, "submit", c)
        return c
    }

    public static func list(caseID: UUID, on db: any Database) async throws -> [PublicComment] {
        try await (db as! any SQLDatabase).raw(
            "SELECT content FROM public_comments WHERE case_id = \(bind: caseID) ORDER BY submitted_on, receipt"
        ).all().map { try StoreJSON.decode(PublicComment.self, try $0.decode(column: "content", as: String.self)) }
    }

    static func save(_ c: PublicComment, action: String, in tx: WriteTransaction) async throws {
        try await tx.sql.update("public_comments").set("content", to: SQLBind(try StoreJSON.encode(c)))
            .where("id", .equal, SQLBind(c.id)).run()
        try tx.record("public_comment", c.id.uuidString, action, c)
    }

    /// Hides a comment from the public list with a reason that is itself published (it is never deleted).
    public static func hide(_ id: UUID, caseID: UUID, reason: String, in tx: WriteTransaction) async throws {
        let r = reason.trimmed
        guard !r.isEmpty, r.count <= 200 else {
            throw DomainError.invalid(field: "reason", message: "请写明隐藏的理由（不超过200字，将一并公开）")
        }
        guard var c = try await list(caseID: caseID, on: tx.db).first(where: { $0.id == id }) else {
            throw DomainError.notFound("没有该意见")
        }
        c.hiddenReason = r
        try await save(c, action: "hide", in: tx)
    }

    /// Answers every comment of a group (`PublicConsultation.groupKey`).
    public static func answer(
        caseID: UUID, group: String, response: String, reason: String, in tx: WriteTransaction
    ) async throws -> Int {
        guard PublicConsultation.responses.contains(where: { $0.value == response }) else {
            throw DomainError.invalid(field: "response", message: "请选择采纳、部分采纳或者不采纳")
        }
        let r = reason.trimmed
        guard response == "adopted" || !r.isEmpty, r.count <= 1_000 else {
            throw DomainError.invalid(field: "reason", message: "部分采纳或者不采纳的，应当说明理由（不超过1000字）")
        }
        let members = try await list(caseID: caseID, on: tx.db).filter {
            $0.hiddenReason == nil && PublicConsultation.groupKey($0) == group
        }
        guard !members.isEmpty else { throw DomainError.notFound("没有该组意见") }
        for var c in members {
            c.response = response; c.responseReason = r
            try await save(c, action: "answer", in: tx)
        }
        return members.count
    }
}
