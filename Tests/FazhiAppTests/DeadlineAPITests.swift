import FazhiCore
import Foundation
import Testing
import VaporTesting

@Suite("Deadline API and operations endpoints")
struct DeadlineAPITests {
    @Test func issueExample() async throws {
        try await withTestApp(.sqlite, demo: false) { t in
            let r = try await t.send(.GET, "/api/v1/deadline?from=2025-09-30&days=5&unit=workday")
            #expect(r.status == .ok)
            let j = try r.json()
            #expect(j["due"] as? String == "2025-10-14")
            #expect(j["unit"] as? String == "workday")
            let d = try await t.send(.GET, "/api/v1/deadline?from=2025-09-30&days=5&unit=day")
            #expect(try d.json()["due"] as? String == "2025-10-09")
        }
    }

    @Test func badInputNamesTheField() async throws {
        try await withTestApp(.sqlite, demo: false) { t in
            for (query, field) in [
                ("from=2025-13-01&days=5", "from"), ("days=5", "from"), ("from=2025-09-30", "days"),
                ("from=2025-09-30&days=0", "days"), ("from=2025-09-30&days=abc", "days"),
                ("from=2025-09-30&days=5&unit=week", "unit"),
            ] {
                let r = try await t.send(.GET, "/api/v1/deadline?\(query)")
                #expect(r.status == .unprocessableEntity, "\(query)")
                #expect(r.errorField == field, "\(query)")
            }
        }
    }

    @Test("A year without holiday data is refused with the reason (fail closed)")
    func yearWithoutData() async throws {
        try await withTestApp(.sqlite, demo: false) { t in
            let r = try await t.send(.GET, "/api/v1/deadline?from=2026-12-28&days=10&unit=workday")
            #expect(r.status == .unprocessableEntity)
            #expect(r.errorMessage?.contains("2027年") == true)
        }
    }

    @Test func healthMetricsOpenAPI() async throws {
        try await withTestApp(.sqlite) { t in
            let h = try await t.send(.GET, "/healthz")
            #expect(h.status == .ok)
            #expect(try h.json()["status"] as? String == "ok")
            _ = try await t.send(.GET, "/api/v1/deadline?from=2025-09-30&days=5&unit=workday")
            let m = try await t.send(.GET, "/metrics")
            #expect(
                m.text.contains("fazhi_http_requests_total{method=\"GET\",route=\"/api/v1/deadline\",status=\"200\"} 1")
            )
            #expect(m.text.contains("fazhi_record_entries "))
            #expect(m.text.contains("# TYPE fazhi_writes_running gauge\nfazhi_writes_running "))
            #expect(m.text.contains("# TYPE fazhi_writes_waiting gauge\nfazhi_writes_waiting "))
            #expect(m.text.contains("fazhi_http_request_duration_seconds_bucket"))
            let o = try await t.send(.GET, "/openapi.json")
            #expect(o.status == .ok)
            #expect(try o.json()["openapi"] as? String == "3.1.0")
        }
    }

    @Test("The OpenAPI document lists exactly the registered API routes")
    func openAPIMatchesRoutes() async throws {
        try await withTestApp(.sqlite, demo: false) { t in
            let registered = Set(
                t.app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { c -> String in
                            let d = c.description
                            return d.hasPrefix(":") ? "{\(d.dropFirst())}" : d
                        }.joined(separator: "/")
                    guard path.hasPrefix("/api/v1/") else { return nil }
                    return route.method.rawValue.lowercased() + " " + path
                })
            let doc = try await t.send(.GET, "/openapi.json").json()
            let paths = doc["paths"] as! [String: [String: Any]]
            let documented = Set(paths.flatMap { p, ops in ops.keys.map { "\($0) \(p)" } })
            #expect(
                registered == documented,
                "undocumented: \(registered.subtracting(documented)); stale: \(documented.subtracting(registered))")
        }
    }

    /// The home leads with what citizens come for, each module's services and latest publications; the record's
    /// checkpoint, hashes and key are on 技术说明, explained in plain words.
    @Test func portalHomeLeadsWithServicesAndTechnicalShowsCheckpoint() async throws {
        try await withTestApp(.sqlite, now: CaseAPITests.now) { t in
            let r = try await t.send(.GET, "/")
            #expect(r.status == .ok && r.text.contains("width=device-width"))
            for words in ["我要办理", "申请行政复议", "查询进度", "/complaints/status", "查阅公开信息", "行政处罚公示", "最新公开"] {
                #expect(r.text.contains(words), "\(words)")
            }
            #expect(!r.text.contains("根哈希") && !r.text.contains("openapi.json"), "no technical detail on the home")
            #expect(r.text.contains("处罚公示</span>"), "the latest publications of the demo")
            let technical = try await t.send(.GET, "/technical")
            #expect(technical.text.contains("最新签名检查点") && technical.text.contains("为什么改不了"))
            let cp = try await t.send(.GET, "/api/v1/record/checkpoint").json()
            #expect(technical.text.contains(cp["rootHash"] as! String))
        }
    }
}
