import Foundation
import Vapor

/// What no request may carry, refused before any handler sees it:
/// - a NUL byte anywhere — in the path, the query, a form or a JSON body (PostgreSQL cannot store one, and no text the
///   law means contains one): 400/422 instead of a database error;
/// - the same key twice in one JSON object (422, naming the key): decoders keep the last one silently, so
///   `{"fineAmount": 100, "fineAmount": 1e9}` would let a reviewer see one value and the server act on another.
struct RequestShapeMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if RequestShape.hasNUL(url: request.url.string) {
            throw APIError(.badRequest, code: "invalid", message: "请求地址含有不可见的控制字符（NUL）")
        }
        if let body = request.body.data {
            let bytes = body.readableBytesView
            if RequestShape.hasNUL(body: bytes, contentType: request.headers.contentType) {
                let field = request.headers.contentType == .json ? RequestShape.nulField(json: Data(bytes)) : nil
                throw APIError(
                    .unprocessableEntity, code: "invalid", field: field,
                    message: "“\(field ?? "请求内容")”含有不可见的控制字符（NUL）")
            }
            if request.headers.contentType == .json, let key = DuplicateJSONKeys.first(in: bytes) {
                throw APIError(.unprocessableEntity, code: "invalid", field: key, message: "请求中的字段“\(key)”重复出现")
            }
        }
        return try await next.respond(to: request)
    }
}

enum RequestShape {
    /// `%00` (either case) or a raw NUL in the URL.
    static func hasNUL(url: String) -> Bool {
        url.utf8.contains(0) || url.range(of: "%00", options: .caseInsensitive) != nil
    }

    /// The key whose string value holds a NUL, searched through nested objects and arrays.
    static func nulField(json: Data) -> String? {
        func find(_ v: Any, key: String?) -> String? {
            if let s = v as? String { return s.unicodeScalars.contains { $0.value == 0 } ? key : nil }
            if let d = v as? [String: Any] {
                for (k, x) in d.sorted(by: { $0.key < $1.key }) { if let f = find(x, key: k) { return f } }
            }
            if let a = v as? [Any] { for x in a { if let f = find(x, key: key) { return f } } }
            return nil
        }
        return (try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])).flatMap {
            find($0, key: nil)
        }
    }

    /// A raw NUL, a form's `%00`, or a JSON `\u0000`.
    static func hasNUL<C: Collection<UInt8>>(body: C, contentType: HTTPMediaType?) -> Bool {
        // Only text bodies: an evidence file (an image, a video) is binary and may hold any byte.
        guard let type = contentType, [HTTPMediaType.json, .urlEncodedForm, .plainText].contains(type) else {
            return false
        }
        if body.contains(0) { return true }
        let text = String(decoding: body, as: UTF8.self)
        if contentType == .urlEncodedForm { return text.range(of: "%00", options: .caseInsensitive) != nil }
        if contentType == .json { return text.range(of: "\\u0000", options: .caseInsensitive) != nil }
        return false
    }
}

/// Finds the first key repeated within one JSON object, scanning the bytes once (strings and escapes skipped).
enum DuplicateJSONKeys {
    static func first<C: Collection<UInt8>>(in bytes: C) -> String? {
        let b = Array(bytes)
        var i = 0
        // One set of keys per open object; arrays push nil. `expectKey` is true right after `{` or `,` in an object.
        var stack: [Set<String>?] = []
        var expectKey = false
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "{"): stack.append([]); expectKey = true; i += 1
            case UInt8(ascii: "["): stack.append(nil); expectKey = false; i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }; expectKey = false; i += 1
            case UInt8(ascii: ","): expectKey = stack.last.map { $0 != nil } ?? false; i += 1
            case UInt8(ascii: "\""):
                var j = i + 1
                while j < b.count && b[j] != UInt8(ascii: "\"") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
                if expectKey, var keys = stack.last ?? nil {
                    let raw = Data(b[(i + 1)..<min(j, b.count)])
                    // Decode escapes (\u00e9 and \" name the same key as the plain form).
                    let key =
                        (try? JSONDecoder().decode(String.self, from: Data("\"".utf8) + raw + Data("\"".utf8)))
                        ?? String(decoding: raw, as: UTF8.self)
                    if !keys.insert(key).inserted { return key }
                    stack[stack.count - 1] = keys
                    expectKey = false
                }
                i = j + 1
            default: i += 1
            }
        }
        return nil
    }
}
