import Foundation
import Vapor

/// A JSON body with the same key twice in one object is refused (422, naming the key): decoders keep the last one
/// silently, so `{"fineAmount": 100, "fineAmount": 1e9}` would let a reviewer see one value and the server act on
/// another.
struct DuplicateJSONKeysMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.headers.contentType == .json, let body = request.body.data,
            let key = DuplicateJSONKeys.first(in: body.readableBytesView)
        {
            throw APIError(.unprocessableEntity, code: "invalid", field: key, message: "请求中的字段“\(key)”重复出现")
        }
        return try await next.respond(to: request)
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
