import Foundation
import Vapor

/// HTML built by string interpolation in which every interpolated `String` is escaped and only `HTML`
/// values pass through as markup, so a forgotten escape cannot happen.
public struct HTML: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    public private(set) var raw: String

    public init(raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { raw = value }
    public init(stringInterpolation: Interpolation) { raw = stringInterpolation.out }

    public var description: String { raw }

    public struct Interpolation: StringInterpolationProtocol {
        var out = ""
        public init(literalCapacity: Int, interpolationCount: Int) { out.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { out += literal }
        public mutating func appendInterpolation(_ html: HTML) { out += html.raw }
        public mutating func appendInterpolation(_ html: [HTML]) { for h in html { out += h.raw } }
        public mutating func appendInterpolation(_ text: String) { out += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { out += HTML.escape(text ?? "") }
        public mutating func appendInterpolation(_ n: Int) { out += String(n) }
    }

    public static func escape(_ s: String) -> String {
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&#39;"
            default: r.unicodeScalars.append(c)
            }
        }
        return r
    }

    public static func join(_ parts: [HTML]) -> HTML { HTML(raw: parts.map(\.raw).joined()) }
    public static func join(_ parts: [HTML], separator: String) -> HTML {
        HTML(raw: parts.map(\.raw).joined(separator: separator))
    }

    public func response(status: HTTPResponseStatus = .ok) -> Response {
        let r = Response(status: status, body: .init(string: raw))
        r.headers.contentType = .html
        r.headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return r
    }
}
