import FazhiStore
import Fluent
import Foundation
import Vapor

/// `Idempotency-Key` on POST: the first answer a handler returns (a success; refusals are thrown, wrote
/// nothing, and may simply be retried) is kept for the user and key, and a retry with the same key gets it
/// again, marked `Idempotent-Replayed: true`, without doing the work twice. The key is claimed in the database before
/// the work starts (a row with no answer yet), so a retry arriving at any app node while the first attempt runs is
/// told to wait (409); the answer is stored just after the change commits, in its own transaction: a crash in between
/// leaves a claim that lapses after `abandonedAfter`, and one retry then runs again.
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
        if let stored = try await Self.stored(key, principal, on: request.db) {
            if stored.status == Self.committed { throw Self.doneAnswerLost }
            guard stored.status == Self.inProgress else { return try replay(stored, request) }
            guard Date().timeIntervalSince(stored.createdAt ?? .distantPast) > Self.abandonedAfter else {
                throw Self.stillRunning
            }
            try await forget(stored, request)
        }
        let claim = IdempotencyRecord()
        claim.key = key; claim.principal = principal; claim.method = request.method.rawValue
        claim.path = request.url.path; claim.status = Self.inProgress; claim.contentType = ""; claim.body = ""
        do {
            try await request.fazhi.store.write(on: request.db, .system, now: request.fazhi.now) { tx in
                try await claim.create(on: tx.db)
            }
        } catch {
            // Claimed a moment ago by the same request on another node (the key and principal are unique).
            if let stored = try await Self.stored(key, principal, on: request.db), stored.status >= 100 {
                return try replay(stored, request)
            }
            throw Self.stillRunning
        }
        // The handler's write marks the claim `committed` in its own transaction (`IdempotencyClaim`): if its answer is
        // then lost, a retry is told the work was done instead of doing it again.
        let response: Response
        do {
            response = try await IdempotencyClaim.$current.withValue(.init(key: key, principal: principal)) {
                try await next.respond(to: request)
            }
        } catch {
            // With the database away the outcome is unknown: the claim stays until it lapses, so nothing runs twice. A
            // transaction the server rolled back for meeting another one is known undone: the key is free to retry.
            if !DatabaseUnavailable.matches(error) || DatabaseUnavailable.conflicted(error) {
                try? await forget(claim, request)
            }
            throw error
        }
        guard response.status.code < 500 else {
            try? await forget(claim, request)
            return response
        }
        claim.status = Int(response.status.code)
        claim.contentType = response.headers.contentType?.serialize() ?? "application/json"
        claim.body = response.body.string ?? ""
        try await request.fazhi.store.write(on: request.db, .system, now: request.fazhi.now) { tx in
            try await claim.update(on: tx.db)
        }
        return response
    }

    /// The status of a claimed key whose request has not answered yet, and of one whose work has committed but whose
    /// answer is not stored yet (`IdempotencyClaim`); an answer's status is its HTTP status.
    static let inProgress = IdempotencyClaim.inProgress
    static let committed = IdempotencyClaim.committed
    /// A claim still running after this long (seconds) was left by a node that died mid-request, and is taken over:
    /// no request runs longer behind the balancer (deploy/haproxy: `timeout server 300s`).
    static let abandonedAfter: TimeInterval = 300
    static let stillRunning = APIError(
        .conflict, code: "idempotency_in_progress", message: "相同 Idempotency-Key 的请求正在处理中，请稍后重试")
    static let doneAnswerLost = APIError(
        .conflict, code: "idempotency_done",
        message: "相同 Idempotency-Key 的请求已办理完成，但其结果未能保存：请勿重复提交，请查询办理结果")

    static func stored(_ key: String, _ principal: String, on db: any Database) async throws -> IdempotencyRecord? {
        try await IdempotencyRecord.query(on: db).filter(\.$key == key).filter(\.$principal == principal).first()
    }

    /// Drops a claim whose work did not commit (one whose work did stays, so the work is never done twice).
    func forget(_ row: IdempotencyRecord, _ request: Request) async throws {
        guard let id = row.id else { return }
        try await request.fazhi.store.write(on: request.db, .system, now: request.fazhi.now) { tx in
            try await tx.sql.raw(
                "DELETE FROM idempotency_keys WHERE id = \(bind: id) AND status = \(bind: Self.inProgress)"
            ).run()
        }
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
