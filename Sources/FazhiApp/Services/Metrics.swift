import Foundation
import NIOConcurrencyHelpers

/// Request counters and latency histograms, exposed in the Prometheus text format at `/metrics`.
public final class Metrics: Sendable {
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Series { var count = 0; var sum = 0.0; var bucketCounts = [Int](repeating: 0, count: Metrics.buckets.count) }

    private let requests = NIOLockedValueBox<[String: Int]>([:])
    private let latency = NIOLockedValueBox<[String: Series]>([:])

    public init() {}

    public func observe(method: String, route: String, status: Int, seconds: Double) {
        let labels = "method=\"\(method)\",route=\"\(Self.escape(route))\""
        requests.withLockedValue { $0["\(labels),status=\"\(status)\"", default: 0] += 1 }
        latency.withLockedValue { map in
            var s = map[labels] ?? Series()
            s.count += 1; s.sum += seconds
            for (i, b) in Self.buckets.enumerated() where seconds <= b { s.bucketCounts[i] += 1 }
            map[labels] = s
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// The exposition text; `gauges` are added as-is (e.g. the record's size, read at scrape time).
    public func render(gauges: [(name: String, help: String, value: Double)]) -> String {
        var out =
            "# HELP fazhi_http_requests_total HTTP requests by route and status.\n# TYPE fazhi_http_requests_total counter\n"
        for (labels, n) in requests.withLockedValue({ $0 }).sorted(by: { $0.key < $1.key }) {
            out += "fazhi_http_requests_total{\(labels)} \(n)\n"
        }
        out +=
            "# HELP fazhi_http_request_duration_seconds HTTP request latency.\n# TYPE fazhi_http_request_duration_seconds histogram\n"
        for (labels, s) in latency.withLockedValue({ $0 }).sorted(by: { $0.key < $1.key }) {
            for (i, b) in Self.buckets.enumerated() {
                out += "fazhi_http_request_duration_seconds_bucket{\(labels),le=\"\(b)\"} \(s.bucketCounts[i])\n"
            }
            out += "fazhi_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(s.count)\n"
            out += "fazhi_http_request_duration_seconds_sum{\(labels)} \(s.sum)\n"
            out += "fazhi_http_request_duration_seconds_count{\(labels)} \(s.count)\n"
        }
        // A gauge named with labels (`name{replica="read0"}`) shares its HELP and TYPE lines with the others of its name.
        var described = Set<Substring>()
        for g in gauges {
            let base = g.name.prefix { $0 != "{" }
            if described.insert(base).inserted { out += "# HELP \(base) \(g.help)\n# TYPE \(base) gauge\n" }
            out += "\(g.name) \(g.value)\n"
        }
        return out
    }
}
