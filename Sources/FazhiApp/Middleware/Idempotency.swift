import FazhiStore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Keys being processed right now, so that a retry arriving before the first attempt finished is told to
/// wait (409) instead of running twice.
public final class IdempotencyInFlight: Sendable {
    private let keys = NIOLockedValueBox<Set<String>>([])
    public init() {}
    func begin(_ k: String) -> Bool { keys.withLockedValue { $0.insert(k).inserted } }
    func end(_ k: String) { keys.withLockedValue { _ = $0.remove(k) } }
}

/// `Idempotency-Key` on POST: the first answer a handler returns (a success; refusals are thrown, wrote
/// nothing, and may simply be retried) is kept for the user and key, and a retry with the same key gets it
/// again, marked `Idempotent-Replayed: true`, without doing the work twice. The key is stored just after the
/// change commits, in its own transaction: a crash in between lets one retry run again.
struct IdempotencyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, let key = request.headers.first(name: "Idempotency-Key") else {
            return try await next.respond(to: request)
        }
        guard (1...200).contains(key.count) else {
            throw APIError(
                .badRequest, code: "idempotency_key", field: "Idempotency-Key", message: "Idempotency-Key 长度应为1–200个字符")
        }
        let principal = request.auth.get(AuthUser.self)?.id.uuidString ?? "anonymous"
        if let stored = try await IdempotencyRecord.query(on: request.db).filter(\.$key == key).filter(
            \.$principal == principal
        ).first() {
            return try replay(stored, request)
        }
        let slot = principal + "\u{1}" + key
        guard request.fazhi.idempotency.begin(slot) else {
            throw APIError(.conflict, code: "idempotency_in_progress", message: "相同 Idempotency-Key 的请求正在处理中，请稍后重试")
        }
        defer { request.fazhi.idempotency.end(slot) }
        let response = try await next.respond(to: request)
        guard response.status.code < 500 else { return response }
        let row = IdempotencyRecord()
        row.key = key; row.principal = principal; row.method = request.method.rawValue; row.path = request.url.path
        row.status = Int(response.status.code)
        row.contentType = response.headers.contentType?.serialize() ?? "application/json"
        row.body = response.body.string ?? ""
        try await request.fazhi.store.write(on: request.db, .system, now: request.fazhi.now) { tx in
            try await row.create(on: tx.db)
        }
        return response
    }

    func replay(_ stored: IdempotencyRecord, _ request: Request) throws -> Response {
        guard stored.method == request.method.rawValue, stored.path == request.url.path else {
            throw APIError(
                .unprocessableEntity, code: "idempotency_key_reused", field: "Idempotency-Key",
                message: "该 Idempotency-Key 已用于另一个请求（\(stored.method) \(stored.path)）")
        }
        let r = Response(status: HTTPResponseStatus(statusCode: stored.status), body: .init(string: stored.body))
        r.headers.replaceOrAdd(name: .contentType, value: stored.contentType)
        r.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return r
    }
}
