import FazhiCore
import FazhiStore
import Fluent
import Vapor

struct RegionDTO: Content { let code: String; let name: String; let parentCode: String? }
struct OrganisationDTO: Content {
    let id: UUID; let name: String; let uscc: String?; let regionCode: String; let parentId: UUID?
    init(_ o: OrganisationRecord) {
        id = o.id!; name = o.name; uscc = o.uscc; regionCode = o.regionCode; parentId = o.parentID
    }
    init(_ o: OrganisationSummary) {
        id = o.id; name = o.name; uscc = o.uscc; regionCode = o.regionCode; parentId = o.parentID
    }
}

/// 行政区划 and 机关/部门.
struct DirectoryAPI {
    struct NewRegionInput: StrictInput {
        static let fields: Set<String> = ["code", "name", "parentCode"]
        let code: String; let name: String; let parentCode: String?
    }
    struct NewOrganisationInput: StrictInput {
        static let fields: Set<String> = ["name", "uscc", "regionCode", "parentId"]
        let name: String; let uscc: String?; let regionCode: String; let parentId: UUID
    }

    static func register(_ api: any RoutesBuilder) {
        api.get("regions") { req async throws -> [RegionDTO] in
            _ = try req.requireUser()
            return try await Directory.regions(on: req.db).map {
                RegionDTO(code: $0.id!, name: $0.name, parentCode: $0.parentCode)
            }
        }
        api.post("regions") { req async throws -> Response in
            let user = try req.requireUser()
            let input = try StrictJSON.decode(NewRegionInput.self, from: req)
            guard user.isAdmin else { throw APIError.forbidden("只有系统管理员可以维护行政区划") }
            let r = try await req.write(as: user) { tx in
                try await Directory.createRegion(
                    .init(code: input.code, name: input.name, parentCode: input.parentCode), in: tx)
            }
            return try created(RegionDTO(code: r.id!, name: r.name, parentCode: r.parentCode))
        }
        api.get("organisations") { req async throws -> [OrganisationDTO] in
            let user = try req.requireUser()
            let readable = user.readable
            return try await Directory.organisations(on: req.db).filter { readable.contains($0.id!) }.map(
                OrganisationDTO.init)
        }
        api.get("organisations", ":id") { req async throws -> OrganisationDTO in
            let user = try req.requireUser()
            guard let id = req.parameters.get("id", as: UUID.self), user.readable.contains(id),
                let o = try await Directory.organisation(id, on: req.db)
            else { throw APIError.notFound() }
            return OrganisationDTO(o)
        }
        api.post("organisations") { req async throws -> Response in
            let user = try req.requireUser()
            let input = try StrictJSON.decode(NewOrganisationInput.self, from: req)
            guard user.administered.contains(input.parentId) else {
                throw APIError.forbidden("您不是上级机关的系统管理员，不能在其下设立机关")
            }
            let o = try await req.write(as: user) { tx in
                try await Directory.createOrganisation(
                    .init(name: input.name, uscc: input.uscc, regionCode: input.regionCode, parentID: input.parentId),
                    in: tx)
            }
            return try created(OrganisationDTO(o))
        }
    }
}

func created<T: Content>(_ value: T) throws -> Response {
    let r = Response(status: .created)
    try r.content.encode(value)
    return r
}
