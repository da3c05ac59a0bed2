import Vapor

/// One-shot messages carried across a redirect in the session.
enum Flash {
    static func set(_ req: Request, ok: String? = nil, error: String? = nil) {
        if let ok { req.session.data["flash_ok"] = ok }
        if let error { req.session.data["flash_error"] = error }
    }

    static func take(_ req: Request) -> HTML {
        let ok = req.session.data["flash_ok"], err = req.session.data["flash_error"]
        if ok != nil { req.session.data["flash_ok"] = nil }
        if err != nil { req.session.data["flash_error"] = nil }
        return HTML.join([Views.flash(ok), Views.flash(err, error: true)])
    }

    /// A user-facing message for an error raised by a form action.
    static func message(for error: any Error, request: Request) -> String {
        let c = FazhiErrorMiddleware.classify(error, request: request)
        if c.status.code >= 500 {
            request.logger.error("form action failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        var m = c.field.map { "\(Labels.field($0))：\(c.message)" } ?? c.message
        if let a = c.article { m += "（依据：\(a)）" }
        return m
    }
}

/// Chinese labels for field names in messages.
enum Labels {
    static func field(_ f: String) -> String {
        switch f {
        case "username": return "用户名"
        case "displayName": return "姓名"
        case "password": return "密码"
        case "organisationId": return "单位"
        case "role": return "角色"
        case "name": return "名称"
        case "uscc": return "统一社会信用代码"
        case "regionCode": return "行政区划"
        case "parentId": return "上级机关"
        case "code": return "区划代码"
        default: return f
        }
    }
}
