import FazhiStore
import Vapor

/// `/healthz` and `/metrics`.
struct Operations {
    static func register(_ app: any RoutesBuilder) {
        app.get("healthz") { req async throws -> Response in
            let size = try await RecordLog.size(on: req.db)
            let r = Response(
                status: .ok,
                body: .init(
                    string:
                        "{\"status\":\"ok\",\"database\":\"\(req.fazhi.store.target.isSQLite ? "sqlite" : "postgres")\",\"recordSize\":\(size)}"
                ))
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
