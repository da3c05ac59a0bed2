import FazhiCore
import Foundation
import Vapor

/// The OpenAPI 3.1 document of the JSON API, at `/openapi.json`. Every route under `/api/v1` must appear
/// here and nothing else may: `OpenAPITests` compares it with the registered routes.
enum OpenAPIDocument {
    struct Operation: @unchecked Sendable {
        let method: String, path: String, summary: String, auth: Bool
        var query: [(String, String, Bool)] = []  // name, description, required
        var body: [String: Any]? = nil
        var status: Int = 200
    }

    static func obj(_ props: [String: String], required: [String]) -> [String: Any] {
        [
            "type": "object", "additionalProperties": false, "required": required,
            "properties": Dictionary(
                uniqueKeysWithValues: props.map { key, t -> (String, [String: Any]) in
                    var schema = property(t)
                    // A required text may not be empty: the server refuses "" with the field named.
                    if required.contains(key), schema["type"] as? String == "string", schema["format"] == nil {
                        schema["minLength"] = 1
                    }
                    return (key, schema)
                }),
        ]
    }

    static func property(_ t: String) -> [String: Any] {
        switch t {
        case "uuid": return ["type": "string", "format": "uuid"]
        case "bool": return ["type": "boolean"]
        case "int": return ["type": "integer"]
        case "object": return ["type": "object"]
        case "uuids": return ["type": "array", "items": ["type": "string", "format": "uuid"]]
        case "role":
            return [
                "type": "string",
                "enum": [
                    "system_admin", "supervisor", "head", "legal_reviewer", "officer", "reconsideration_staff",
                ],
            ]
        case "roles":
            return [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "role": ["type": "string"], "organisationId": ["type": "string", "format": "uuid"],
                    ],
                ],
            ]
        default: return ["type": "string"]
        }
    }

    static let operations: [Operation] = [
        Operation(
            method: "get", path: "/api/v1/deadline", summary: "计算法定期限（公开）", auth: false,
            query: [
                ("from", "起算日 YYYY-MM-DD（不计入）", true), ("days", "期间天数 1–3660", true),
                ("unit", "workday（工作日）、day（日）或 month（月）", false),
            ]),
        Operation(method: "get", path: "/api/v1/record/checkpoint", summary: "最新签名检查点与公钥（公开）", auth: false),
        Operation(
            method: "get", path: "/api/v1/record/proof", summary: "记录的包含证明（公开）", auth: false,
            query: [("entry", "记录序号（从1起）", true), ("size", "树规模，缺省为最新检查点", false)]),
        Operation(
            method: "get", path: "/api/v1/record/consistency", summary: "两个树规模之间的一致性证明（公开）", auth: false,
            query: [("from", "较早的树规模", true), ("to", "较晚的树规模", true)]),
        Operation(
            method: "post", path: "/api/v1/record/checkpoint", summary: "立即签署检查点（系统管理员、监督人员）", auth: true, status: 201),
        Operation(method: "get", path: "/api/v1/me", summary: "当前用户", auth: true),
        Operation(method: "get", path: "/api/v1/regions", summary: "行政区划列表", auth: true),
        Operation(
            method: "post", path: "/api/v1/regions", summary: "新增行政区划（系统管理员）", auth: true,
            body: obj(["code": "string", "name": "string", "parentCode": "string"], required: ["code", "name"]),
            status: 201),
        Operation(method: "get", path: "/api/v1/organisations", summary: "可见的机关/部门", auth: true),
        Operation(
            method: "post", path: "/api/v1/organisations", summary: "新设机关/部门（上级机关的系统管理员）", auth: true,
            body: obj(
                ["name": "string", "uscc": "string", "regionCode": "string", "parentId": "uuid"],
                required: ["name", "regionCode", "parentId"]), status: 201),
        Operation(method: "get", path: "/api/v1/organisations/{id}", summary: "机关/部门详情", auth: true),
        Operation(method: "get", path: "/api/v1/users", summary: "可见的用户", auth: true),
        Operation(
            method: "post", path: "/api/v1/users", summary: "新建用户（系统管理员）", auth: true,
            body: obj(
                [
                    "username": "string", "displayName": "string", "password": "string", "organisationId": "uuid",
                    "roles": "roles",
                ], required: ["username", "displayName", "password", "organisationId"]), status: 201),
        Operation(method: "get", path: "/api/v1/users/{id}", summary: "用户详情", auth: true),
        Operation(
            method: "post", path: "/api/v1/users/{id}/grants", summary: "授予角色（为自己授予的，成为待另一名系统管理员批准的申请，返回202）",
            auth: true,
            body: obj(["role": "role", "organisationId": "uuid"], required: ["role", "organisationId"]), status: 201),
        Operation(method: "get", path: "/api/v1/grant-requests", summary: "待批准的角色申请（系统管理员）", auth: true),
        Operation(
            method: "post", path: "/api/v1/grant-requests/{id}/approve", summary: "批准角色申请（须为另一名系统管理员）", auth: true,
            status: 201),
        Operation(
            method: "post", path: "/api/v1/grant-requests/{id}/reject", summary: "驳回角色申请", auth: true, status: 204),
        Operation(
            method: "delete", path: "/api/v1/users/{id}/grants/{grant}", summary: "撤销角色", auth: true, status: 204),
        Operation(
            method: "post", path: "/api/v1/users/{id}/password", summary: "重设密码（系统管理员）", auth: true,
            body: obj(["password": "string"], required: ["password"]), status: 204),
        Operation(
            method: "post", path: "/api/v1/users/{id}/active", summary: "启用或停用账号（系统管理员）", auth: true,
            body: obj(["active": "bool"], required: ["active"])),
        Operation(method: "get", path: "/api/v1/tokens", summary: "我的 API 令牌", auth: true),
        Operation(
            method: "post", path: "/api/v1/tokens", summary: "创建 API 令牌（明文只返回一次）", auth: true,
            body: obj(["name": "string"], required: ["name"]), status: 201),
        Operation(method: "delete", path: "/api/v1/tokens/{id}", summary: "吊销 API 令牌", auth: true, status: 204),
        Operation(method: "get", path: "/api/v1/procedures", summary: "程序定义（步骤、办理角色、必填项、关卡及法条）", auth: true),
        Operation(method: "get", path: "/api/v1/statistics", summary: "统计项目集（各程序的年度统计、行政执法统计、执法人员培训）", auth: true),
        Operation(
            method: "get", path: "/api/v1/statistics/{set}", summary: "一个统计项目集的年度数据：每项的数值、名称、统计口径及所统计案件的链接", auth: true,
            query: [("year", "年度（默认今年）", false), ("body", "单位编号（默认可见的全部单位）", false)]),
        Operation(
            method: "get", path: "/api/v1/statistics/{set}/figures/{figure}", summary: "一个统计项所统计的案件", auth: true,
            query: [("year", "年度", false), ("body", "单位编号", false), ("limit", "最多条数（1–5000，默认500）", false)]),
        Operation(
            method: "get", path: "/api/v1/cases", summary: "可见的案件", auth: true,
            query: [
                ("procedure", ProcedureCatalog.standard.currentDefinitions.map(\.id).joined(separator: " / "), false),
                ("state", "案件阶段", false),
                ("body", "单位编号", false), ("month", "登记月份 YYYY-MM 或年度 YYYY", false), ("outcome", "处理结果", false),
                ("item", "权责清单事项编码", false),
            ]),
        Operation(
            method: "post", path: "/api/v1/cases", summary: "登记案件（执法人员、机关负责人）", auth: true,
            body: obj(["procedure": "string", "bodyId": "uuid"], required: ["procedure"]), status: 201),
        Operation(
            method: "get", path: "/api/v1/reconsideration/committee-members", summary: "本机关行政复议委员会委员（第五十二条）", auth: true
        ),
        Operation(
            method: "post", path: "/api/v1/reconsideration/committee-members",
            summary:
                "登记复议委员会委员：name、kind（department/expert/scholar/other）、affiliation、appointedOn、termEndsOn（复议工作人员、负责人）",
            auth: true),
        Operation(method: "get", path: "/api/v1/cases/deadlines", summary: "进行中的办案期限（待办）", auth: true),
        Operation(method: "get", path: "/api/v1/cases/{id}", summary: "案件详情：时间线、期限、当前可办步骤", auth: true),
        Operation(
            method: "get", path: "/api/v1/cases/{id}/documents/{kind}", summary: "下载案件文书（.docx），如 penalty_decision",
            auth: true,
            query: [("step", "生成该文书的步骤序号（从0起），缺省为最近一次", false)]),
        Operation(
            method: "get", path: "/api/v1/cases/{id}/archive", summary: "导出案卷（.zip）：全部文书、证据清单及哈希、全过程记录及其包含证明",
            auth: true),
        Operation(method: "get", path: "/api/v1/cases/{id}/evidence", summary: "案件的证据文件（SHA-256、类型、大小）", auth: true),
        Operation(
            method: "post", path: "/api/v1/cases/{id}/evidence",
            summary: "上传证据文件：请求体即文件内容，文件名放在 X-File-Name（百分号编码）；按内容识别类型，超限 413，类型不符 422", auth: true,
            query: [("name", "文件名（可代替 X-File-Name）", false)], status: 201),
        Operation(method: "get", path: "/api/v1/cases/{id}/evidence/{sha}", summary: "下载证据文件", auth: true),
        Operation(
            method: "post", path: "/api/v1/cases/{id}/steps", summary: "办理一个步骤（版本不符 409；违反程序 409/422 并注明法条）",
            auth: true,
            body: obj(
                ["action": "string", "version": "int", "date": "string", "inputs": "object", "officers": "uuids"],
                required: ["action", "version"])),
    ]

    static func document() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        let errorRef: [String: Any] = [
            "description": "错误（中文说明，含出错字段；被拒绝的步骤注明依据条款）",
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
        ]
        for op in operations {
            var o: [String: Any] = [
                "summary": op.summary, "operationId": op.method + op.path.replacingOccurrences(of: "/", with: "_"),
            ]
            var params: [[String: Any]] = op.query.map { q -> [String: Any] in
                // A required query value may not be empty (the server refuses it with the field named).
                let schema: [String: Any] = q.2 ? ["type": "string", "minLength": 1] : ["type": "string"]
                return ["name": q.0, "in": "query", "required": q.2, "description": q.1, "schema": schema]
            }
            for part in op.path.split(separator: "/") where part.hasPrefix("{") {
                let name = String(part.dropFirst().dropLast())
                params.append([
                    "name": name, "in": "path", "required": true,
                    "schema": ["id", "grant"].contains(name)
                        ? ["type": "string", "format": "uuid"] : ["type": "string"],
                ])
            }
            if !params.isEmpty { o["parameters"] = params }
            if let body = op.body {
                o["requestBody"] = ["required": true, "content": ["application/json": ["schema": body]]]
                o["parameters"] =
                    (o["parameters"] as? [[String: Any]] ?? []) + [
                        [
                            "name": "Idempotency-Key", "in": "header", "required": false, "schema": ["type": "string"],
                            "description": "重试同一请求时返回首次结果",
                        ]
                    ]
            }
            if op.auth { o["security"] = [["bearer": [String]()]] }
            var responses: [String: Any] = ["\(op.status)": ["description": "成功"], "400": errorRef, "422": errorRef]
            if op.auth { responses["401"] = errorRef; responses["403"] = errorRef; responses["404"] = errorRef }
            o["responses"] = responses
            paths[op.path, default: [:]][op.method] = o
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Fazhi 法治政府建设一体化平台 API", "version": "1.0.0",
                "description": "错误一律返回 {\"error\":{\"status\",\"code\",\"field\",\"message\",\"article\"}}。",
            ],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "description": "在控制台“API 令牌”页创建"]],
                "schemas": [
                    "Error": [
                        "type": "object",
                        "properties": [
                            "error": [
                                "type": "object",
                                "properties": [
                                    "status": ["type": "integer"], "code": ["type": "string"],
                                    "field": ["type": ["string", "null"]],
                                    "message": ["type": "string"], "article": ["type": ["string", "null"]],
                                ],
                            ]
                        ],
                    ]
                ],
            ],
        ]
    }

    static func register(_ app: any RoutesBuilder) {
        let data = try! JSONSerialization.data(
            withJSONObject: document(), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        app.get("openapi.json") { _ -> Response in
            let r = Response(status: .ok, body: .init(data: data))
            r.headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
            return r
        }
    }
}
