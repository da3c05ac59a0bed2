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
            let size = try await RecordLog.size(on: req.db)
            let cp = try await RecordLog.latestCheckpoint(on: req.db)
            let text = req.fazhi.metrics.render(gauges: [
                ("fazhi_record_entries", "Entries in the record.", Double(size)),
                (
                    "fazhi_record_checkpoint_size", "Tree size of the latest signed checkpoint.",
                    Double(cp?.treeSize ?? 0)
                ),
            ])
            let r = Response(status: .ok, body: .init(string: text))
            r.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
            return r
        }
        // A trivial route: the baseline for `fazhi bench http`.
        app.get("ping") { _ in "pong" }
    }
}
