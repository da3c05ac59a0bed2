import FazhiStore
import Vapor

/// `/healthz` and `/metrics`.
struct Operations {
    static func register(_ app: any RoutesBuilder) {
        // What the load balancer checks: whether this node reaches the primary, answered within two seconds (a
        // primary gone silent must not hold the check). Not "degraded" on a streaming replica: in a failover the
        // replicas are cut off too (and get no reads), and a node that alone lost the primary should leave the pool
        // while the others write.
        app.get("healthz") { req async throws -> Response in
            let db = req.db
            let kind = req.fazhi.store.target.isSQLite ? "sqlite" : "postgres"
            let r: Response
            if let size = try? await Store.answer(within: .seconds(2), { try await RecordLog.size(on: db) }) {
                r = Response(
                    status: .ok,
                    body: .init(string: "{\"status\":\"ok\",\"database\":\"\(kind)\",\"recordSize\":\(size)}"))
            } else {
                r = Response(
                    status: .serviceUnavailable,
                    body: .init(string: "{\"status\":\"unavailable\",\"database\":\"\(kind)\"}"))
            }
            r.headers.replaceOrAdd(name: .contentType, value: "application/json")
            return r
        }
        app.get("metrics") { req async throws -> Response in
            let text = req.fazhi.metrics.render(gauges: await ClusterGauges.read(req))
            let r = Response(status: .ok, body: .init(string: text))
            r.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
            return r
        }
        // A trivial route: the baseline for `fazhi bench http`.
        app.get("ping") { _ in "pong" }
    }
}
