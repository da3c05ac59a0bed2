import FazhiStore
import Foundation
import SQLKit
import Vapor

/// What an operator watches on `/metrics` besides the requests: the record's growth and its signing (entries not yet
/// under a signed checkpoint), how long ago the expiry sweep last ran on any node, and — on PostgreSQL — the
/// standbys the primary streams to (synchronous or not, their replay lag) and the lag of each read replica this node
/// reads from.
enum ClusterGauges {
    typealias Gauge = (name: String, help: String, value: Double)

    /// Never fails: with the database away (a failover), `fazhi_database_up 0` and the request metrics still answer.
    static func read(_ req: Request) async -> [Gauge] {
        let up = "1 when the primary answers."
        let node = await writes(req) + replicas(req)
        do {
            return try await fromDatabase(req) + [("fazhi_database_up", up, 1)] + node
        } catch {
            return [("fazhi_database_up", up, 0)] + node
        }
    }

    /// This node's write queue (`Store.writeLoad`), answered even with the database away.
    static func writes(_ req: Request) async -> [Gauge] {
        let load = await req.fazhi.store.writeLoad()
        return [
            ("fazhi_writes_running", "Write transactions of this node holding a permit now.", Double(load.running)),
            ("fazhi_writes_waiting", "Write transactions of this node queued for a permit.", Double(load.waiting)),
        ]
    }

    static func replicas(_ req: Request) -> [Gauge] {
        zip(req.fazhi.replicas.ids, req.fazhi.replicas.current).map { id, state in
            (
                "fazhi_read_replica_lag_seconds{replica=\"\(id.string)\"}",
                "Seconds a read replica's replay is behind (-1: unreachable).", state.lagSeconds ?? -1
            )
        }
    }

    static func fromDatabase(_ req: Request) async throws -> [Gauge] {
        let size = try await RecordLog.size(on: req.db)
        let cp = try await RecordLog.latestCheckpoint(on: req.db)
        let sqlite = req.fazhi.store.target.isSQLite
        let now = Date()
        var gauges: [Gauge] = [
            ("fazhi_record_entries", "Entries in the record.", Double(size)),
            ("fazhi_record_checkpoint_size", "Tree size of the latest signed checkpoint.", Double(cp?.treeSize ?? 0)),
            (
                "fazhi_record_unsigned_entries", "Entries appended since the latest signed checkpoint.",
                Double(max(0, size - (cp?.treeSize ?? 0)))
            ),
        ]
        // Every job one node at a time runs; one that never finished anywhere counts from this node's start, so an
        // alert on the age fires for a job that never runs too. On PostgreSQL the age is the database's clock's.
        // Jobs switched off (an interval of 0) have no age.
        let options = req.fazhi.options
        let jobs =
            (options.checkpointInterval > 0 ? [PeriodicCheckpointer.jobName] : [])
            + (options.expiryStepsInterval > 0
                ? [ExpirySteps.jobName] + AppModules.all.flatMap(\.jobs).map(\.name) : [])
        for job in jobs {
            let noted =
                sqlite
                ? try await req.fazhi.jobs.lastRun(job, on: req.db).map { now.timeIntervalSince($0) }
                : try await NodeLeases.age(job, on: req.db)
            gauges.append(
                (
                    "fazhi_job_age_seconds{job=\"\(job)\"}", "Seconds since the job last finished on any node.",
                    noted ?? now.timeIntervalSince(req.fazhi.startedAt)
                ))
        }
        guard !sqlite else { return gauges }
        let standbys = try await (req.db as! any SQLDatabase).raw(
            """
            SELECT application_name AS name, sync_state AS sync,
            COALESCE(EXTRACT(EPOCH FROM replay_lag), 0)::float8 AS lag FROM pg_stat_replication
            """
        ).all()
        var synchronous = 0, hidden = false
        for row in standbys {
            // Without pg_monitor a role sees the standbys but not their details (deploy/README.md grants it).
            let name = try row.decode(column: "name", as: String?.self) ?? "?"
            let state = try row.decode(column: "sync", as: String?.self)
            hidden = hidden || state == nil
            let sync = state ?? ""
            if sync == "sync" || sync == "quorum" { synchronous += 1 }
            gauges.append(
                (
                    "fazhi_pg_standby_replay_lag_seconds{standby=\"\(Metrics.escape(name))\",sync_state=\"\(sync)\"}",
                    "Replay lag of each standby the primary streams to.",
                    try row.decode(column: "lag", as: Double.self)
                ))
        }
        gauges.append(("fazhi_pg_standbys", "Standbys streaming from the primary.", Double(standbys.count)))
        // Without pg_monitor the standbys' states read as NULL: say "unknown" (-1), not a false 0.
        gauges.append(
            (
                "fazhi_pg_synchronous_standbys",
                "Standbys a commit waits for (0: an acknowledged write can be lost; -1: not visible without pg_monitor).",
                hidden ? -1 : Double(synchronous)
            ))
        return gauges
    }
}
