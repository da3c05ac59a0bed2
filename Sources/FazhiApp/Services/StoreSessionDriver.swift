import FazhiStore
import Fluent
import Foundation
import Vapor

/// Keeps sessions in the database through the store's serialised writes, so logins never collide with
/// other writers on SQLite. Sessions expire after 12 hours of inactivity.
struct StoreSessionDriver: AsyncSessionDriver {
    static let lifetime: TimeInterval = 12 * 3600

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        var rng = SystemRandomNumberGenerator()
        let id = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
        let row = SessionRow(
            id: id, data: try Self.encode(data), expiresAt: request.fazhi.now.addingTimeInterval(Self.lifetime))
        try await request.fazhi.store.write(on: request.db, .system, now: request.fazhi.now) { tx in
            try await row.create(on: tx.db)
        }
        return SessionID(string: id)
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let row = try await SessionRow.find(sessionID.string, on: request.db), row.expiresAt > request.fazhi.now
        else { return nil }
        return try JSONDecoder().decode(SessionData.self, from: Data(row.data.utf8))
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        let encoded = try Self.encode(data)
        let expires = request.fazhi.now.addingTimeInterval(Self.lifetime)
        let id = sessionID.string
        // Most requests change nothing: skip the write unless the data changed or an hour of the sliding
        // expiry has been used up.
        if let row = try await SessionRow.find(id, on: request.db), row.data == encoded,
            row.expiresAt.timeIntervalSince(request.fazhi.now) > Self.lifetime - 3600
        {
            return sessionID
        }
        try await request.fazhi.store.write(on: request.db, .system, now: request.fazhi.now) { tx in
            if let row = try await SessionRow.find(id, on: tx.db) {
                row.data = encoded; row.expiresAt = expires
                try await row.save(on: tx.db)
            } else {
                try await SessionRow(id: id, data: encoded, expiresAt: expires).create(on: tx.db)
            }
        }
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        let id = sessionID.string
        try await request.fazhi.store.write(on: request.db, .system, now: request.fazhi.now) { tx in
            try await SessionRow.query(on: tx.db).filter(\.$id == id).delete()
        }
    }

    static func encode(_ data: SessionData) throws -> String {
        let e = JSONEncoder(); e.outputFormatting = .sortedKeys
        return String(decoding: try e.encode(data), as: UTF8.self)
    }
}
