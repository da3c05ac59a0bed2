import FazhiCore
import FazhiStore
import Vapor

/// What a citizen comes to the portal for (门户首页): each module says what one may do there — apply, follow an
/// application, read what is published — and what it published last; the record's technical detail is on 技术说明.
struct PortalService: Sendable {
    enum Kind: Int, Sendable, CaseIterable {
        case apply, track, read
        var title: String {
            switch self {
            case .apply: "我要办理"
            case .track: "查询进度"
            case .read: "查阅公开信息"
            }
        }
    }
    let kind: Kind
    let title: String
    let detail: String
    let path: String
}

/// One item a module published lately (a 处罚决定 公示, a 复议决定, a 规范性文件).
struct PortalNews: Sendable {
    let date: String
    let kind: String
    let title: String
    let path: String
}

/// `GET /` and `GET /technical`. Query → Model → View.
enum PortalHome {
    /// The platform's own services besides the modules'.
    static let platform: [PortalService] = [
        .init(kind: .read, title: "法定期限计算", detail: "按节假日和调休安排计算工作日、自然日期限", path: "/deadline"),
        .init(kind: .read, title: "记录核验", detail: "核验某一条办理记录未被改动", path: "/record"),
    ]

    struct Query {
        let services: [PortalService]
        let news: [PortalNews]

        static func fetch(_ req: Request) async throws -> Query {
            var news: [PortalNews] = []
            for latest in AppModules.all.compactMap(\.latest) { news += try await latest(req) }
            return Query(
                services: AppModules.all.flatMap(\.portalServices) + platform,
                news: Array(news.sorted { $0.date > $1.date }.prefix(10)))
        }
    }

    static func register(_ app: any RoutesBuilder) {
        app.get { req async throws -> Response in
            let q = try await Query.fetch(req)
            return Views.portal("法治政府信息公开", request: req, PortalHomeView.home(q))
        }
        app.get("technical") { req async throws -> Response in
            let latest = try await RecordLog.latestCheckpoint(on: req.db)
            let size = try await RecordLog.size(on: req.db)
            return Views.portal(
                "技术说明", request: req,
                PortalHomeView.technical(latest: latest, size: size, publicKey: req.fazhi.recordKey.publicKey.base64))
        }
    }
}
