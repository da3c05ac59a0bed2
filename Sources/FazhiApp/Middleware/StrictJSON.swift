import Foundation
import Vapor

/// A JSON request body with a closed set of fields: an unknown field is an error (422), not silently dropped.
protocol StrictInput: Decodable, Sendable {
    static var fields: Set<String> { get }
}

enum StrictJSON {
    static func decode<T: StrictInput>(_ type: T.Type, from req: Request) throws -> T {
        guard let ct = req.headers.contentType, ct.type == "application", ct.subType == "json" else {
            throw APIError(.unsupportedMediaType, code: "content_type", message: "请以 application/json 提交请求体")
        }
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw APIError(.badRequest, code: "empty_body", message: "请求体为空")
        }
        let data = Data(buffer.readableBytesView)
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw APIError(.badRequest, code: "malformed_json", message: "请求体不是合法的 JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw APIError(.unprocessableEntity, code: "invalid", message: "请求体应为 JSON 对象")
        }
        if let unknown = dict.keys.sorted().first(where: { !T.fields.contains($0) }) {
            throw APIError(
                .unprocessableEntity, code: "unknown_field", field: unknown,
                message: "未知字段“\(unknown)”；允许的字段：\(T.fields.sorted().joined(separator: "、"))")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch let e as DecodingError {
            let d = describe(e)
            throw APIError(d.status, code: "invalid", field: d.field, message: d.message)
        }
    }

    static func describe(_ e: DecodingError) -> (status: HTTPResponseStatus, field: String?, message: String) {
        func path(_ p: [any CodingKey]) -> String? {
            p.isEmpty ? nil : p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case .keyNotFound(let k, let ctx):
            let f = path(ctx.codingPath + [k]) ?? k.stringValue
            return (.unprocessableEntity, f, "缺少必填字段“\(f)”")
        case .typeMismatch(let t, let ctx):
            return (
                .unprocessableEntity, path(ctx.codingPath), "字段“\(path(ctx.codingPath) ?? "")”类型错误，应为\(typeName(t))"
            )
        case .valueNotFound(let t, let ctx):
            return (
                .unprocessableEntity, path(ctx.codingPath), "字段“\(path(ctx.codingPath) ?? "")”不能为空，应为\(typeName(t))"
            )
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return (.badRequest, nil, "请求体不是合法的 JSON") }
            let f = path(ctx.codingPath)
            return (
                .unprocessableEntity, f,
                "字段“\(f ?? "")”的取值无效" + (ctx.debugDescription.contains("：") ? "：\(ctx.debugDescription)" : "")
            )
        @unknown default:
            return (.unprocessableEntity, nil, "请求内容无效")
        }
    }

    static func typeName(_ t: Any.Type) -> String {
        switch t {
        case is String.Type: return "字符串"
        case is Int.Type, is Int64.Type: return "整数"
        case is Double.Type: return "数字"
        case is Bool.Type: return "布尔值"
        default: return "正确类型"
        }
    }
}

/// Enum fields decode to a clear Chinese error listing the allowed values.
extension KeyedDecodingContainer {
    func decodeEnum<E: RawRepresentable & CaseIterable>(_ type: E.Type, forKey key: Key) throws -> E
    where E.RawValue == String {
        let raw = try decode(String.self, forKey: key)
        guard let v = E(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "：“\(raw)”不是允许的取值（\(E.allCases.map(\.rawValue).joined(separator: "、"))）")
        }
        return v
    }
}
