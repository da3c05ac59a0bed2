import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// An error as the API reports it: status, a stable code, the field at fault, a Chinese message, and for a
/// refused step the article that refuses it.
public struct APIError: AbortError, Sendable {
    public let status: HTTPResponseStatus
    public let code: String
    public let field: String?
    public let message: String
    public let article: String?

    public init(
        _ status: HTTPResponseStatus, code: String, field: String? = nil, message: String, article: String? = nil
    ) {
        self.status = status; self.code = code; self.field = field; self.message = message; self.article = article
    }

    public var reason: String { message }

    public init(_ e: DomainError) {
        switch e {
        case .invalid(let f, let m): self.init(.unprocessableEntity, code: "invalid", field: f, message: m)
        case .notFound(let m): self.init(.notFound, code: "not_found", message: m)
        case .forbidden(let m, let a): self.init(.forbidden, code: "forbidden", message: m, article: a)
        case .conflict(let f, let m): self.init(.conflict, code: "conflict", field: f, message: m)
        case .refused(let f, let m, let a):
            self.init(f == nil ? .conflict : .unprocessableEntity, code: "refused", field: f, message: m, article: a)
        }
    }

    static func notFound(_ what: String = "未找到该资源，或您无权查看") -> APIError {
        APIError(.notFound, code: "not_found", message: what)
    }
    static func forbidden(_ message: String = "您的角色或所在单位无权进行此操作") -> APIError {
        APIError(.forbidden, code: "forbidden", message: message)
    }
}

struct ErrorBody: Content {
    struct Detail: Content {
        let status: Int; let code: String; let field: String?; let message: String; let article: String?
    }
    let error: Detail
}

/// Turns every error into a clear answer: JSON for the API, a page for the console and portal. Never
/// exposes internals; an unexpected error is logged with the request id and answered 500 in Chinese.
struct FazhiErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let e = Self.classify(error, request: request)
            if e.status.code >= 500 {
                request.logger.error(
                    "unhandled error",
                    metadata: ["error": "\(String(reflecting: error))", "path": "\(request.url.path)"])
            }
            // Vapor's media-type `==` treats `*/*` as a match, so compare the parts: a browser's Accept carries
            // `*/*` and must still get a page.
            let accepts = request.headers.accept.map { ($0.mediaType.type, $0.mediaType.subType) }
            let wantsJSON =
                request.url.path.hasPrefix("/api/")
                || (accepts.contains { $0 == ("application", "json") } && !accepts.contains { $0 == ("text", "html") })
            let response: Response
            if wantsJSON {
                response = Response(status: e.status)
                try response.content.encode(
                    ErrorBody(
                        error: .init(
                            status: Int(e.status.code), code: e.code, field: e.field, message: e.message,
                            article: e.article)))
            } else {
                response = Views.errorPage(e, request: request)
            }
            if e.status == .tooManyRequests || e.status == .serviceUnavailable, let retry = e.retryAfter {
                response.headers.replaceOrAdd(name: "Retry-After", value: "\(retry)")
            }
            return response
        }
    }

    struct Classified {
        let status: HTTPResponseStatus; let code: String; let field: String?; let message: String; let article: String?;
        var retryAfter: Int? = nil
    }

    static func classify(_ error: any Error, request: Request) -> Classified {
        switch error {
        case let e as APIError:
            return Classified(
                status: e.status, code: e.code, field: e.field, message: e.message, article: e.article,
                retryAfter: e.status == .tooManyRequests ? Int(e.code.split(separator: ":").last ?? "") : nil)
        case let e as DomainError:
            let a = APIError(e);
            return Classified(status: a.status, code: a.code, field: a.field, message: a.message, article: a.article)
        case let e as CalendarError:
            return Classified(
                status: .unprocessableEntity, code: "calendar", field: nil, message: e.description,
                article: "《全国年节及纪念日放假办法》及国务院办公厅年度放假通知")
        case let e as DecodingError:
            let d = StrictJSON.describe(e)
            return Classified(status: d.status, code: "invalid", field: d.field, message: d.message, article: nil)
        case let e as any AbortError:
            let message: String
            switch e.status {
            case .notFound: message = "页面或资源不存在"
            case .payloadTooLarge: message = "请求体过大（上限 1MB）"
            case .unsupportedMediaType: message = "不支持的内容类型，请使用 application/json"
            case .methodNotAllowed: message = "不支持该请求方法"
            case .badRequest: message = "请求格式错误：\(e.reason)"
            case .unauthorized: message = "请先登录"
            case .forbidden: message = "无权进行此操作"
            default: message = e.reason
            }
            return Classified(
                status: e.status, code: "http_\(e.status.code)", field: nil, message: message, article: nil)
        case let e where DatabaseUnavailable.matches(e):
            return Classified(
                status: .serviceUnavailable, code: "database_unavailable", field: nil,
                message: "数据库暂时无法访问（可能正在主备切换），本次操作未完成，请稍后重试。", article: nil, retryAfter: 5)
        default:
            return Classified(
                status: .internalServerError, code: "internal", field: nil,
                message: "服务器内部错误，已记录。请稍后重试；如持续出现，请联系系统管理员。", article: nil)
        }
    }
}
