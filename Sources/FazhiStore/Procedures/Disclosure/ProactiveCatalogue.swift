import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// The 政府信息公开目录 items staff enter (`ProactiveItem`): saved and published on the record, listed by body.
public enum ProactiveCatalogue {
    /// Adds an item, or replaces it (the same id) — to record its publication day, or a change.
    public static func save(_ item: ProactiveItem, today: CivilDate, in tx: WriteTransaction) async throws {
        if let p = item.problem(today: today) { throw p }
        guard try await Directory.organisation(item.bodyID, on: tx.db) != nil else {
            throw DomainError.invalid(field: "body", message: "单位不存在")
        }
        let sql = tx.sql
        let existing = try await sql.raw("SELECT body_id FROM proactive_items WHERE id = \(bind: item.id)").first()
        if let existing, try existing.decode(column: "body_id", as: UUID.self) != item.bodyID {
            throw DomainError.conflict(field: "body", message: "不能把其他单位的目录项改到本单位")
        }
        let content = try StoreJSON.encode(item)
        if existing == nil {
            try await sql.insert(into: "proactive_items").columns(
                "id", "body_id", "category", "title", "summary", "formed_on", "published_on", "link", "content"
            ).values(
                SQLBind(item.id), SQLBind(item.bodyID), SQLBind(item.category), SQLBind(item.title.trimmed),
                SQLBind(item.summary.trimmed), SQLBind(item.formedOn.description),
                SQLBind(item.publishedOn?.description),
                SQLBind(item.link.trimmed), SQLBind(content)
            ).run()
        } else {
            try await sql.update("proactive_items").set("category", to: SQLBind(item.category))
                .set("title", to: SQLBind(item.title.trimmed)).set("summary", to: SQLBind(item.summary.trimmed))
                .set("formed_on", to: SQLBind(item.formedOn.description))
                .set("published_on", to: SQLBind(item.publishedOn?.description)).set(
                    "link", to: SQLBind(item.link.trimmed)
                )
                .set("content", to: SQLBind(content)).where("id", .equal, SQLBind(item.id)).run()
        }
        try tx.record("proactive_item", item.id.uuidString, existing == nil ? "add" : "update", item)
        tx.seal(.proactiveItems, [item.id])
    }

    /// The items of these bodies, newest made first; `publishedOnly` for the portal.
    public static func list(
        bodies: Set<UUID>, publishedOnly: Bool, limit: Int = 2_000, on db: any Database
    ) async throws -> [ProactiveItem] {
        guard !bodies.isEmpty else { return [] }
        let published: SQLQueryString = publishedOnly ? " AND published_on IS NOT NULL" : ""
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT content FROM proactive_items WHERE body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))\(published)
            ORDER BY formed_on DESC, title LIMIT \(literal: limit)
            """
        ).all().map { try StoreJSON.decode(ProactiveItem.self, try $0.decode(column: "content", as: String.self)) }
    }

    public static func item(_ id: UUID, on db: any Database) async throws -> ProactiveItem? {
        try await (db as! any SQLDatabase).raw("SELECT content FROM proactive_items WHERE id = \(bind: id)").first().map
        {
            try StoreJSON.decode(ProactiveItem.self, try $0.decode(column: "content", as: String.self))
        }
    }
}
