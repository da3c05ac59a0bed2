import Foundation

/// 行政区划: an administrative division, identified by its 6-digit code (GB/T 2260), e.g. `330110`.
public struct Region: Sendable, Hashable, Codable {
    public let code: String
    public let name: String
    /// The containing division's code; nil for the top of this deployment.
    public let parentCode: String?

    public init(code: String, name: String, parentCode: String?) {
        self.code = code; self.name = name; self.parentCode = parentCode
    }

    /// Six ASCII digits, not all zero.
    public static func isValidCode(_ code: String) -> Bool {
        code.utf8.count == 6 && code.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } && code != "000000"
    }
}

/// 机关/部门: an organisation (a government, a department, a sub-unit), within a region.
public struct OrganisationNode: Sendable, Hashable {
    public let id: UUID
    public let regionCode: String
    public let parentID: UUID?

    public init(id: UUID, regionCode: String, parentID: UUID?) {
        self.id = id; self.regionCode = regionCode; self.parentID = parentID
    }
}

/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last a check character.
public enum UnifiedSocialCreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public static func checkCharacter(forFirst17 s: String) -> Character? {
        let chars = Array(s)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * weights[i]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    /// Nil when valid; otherwise the reason in Chinese.
    public static func problem(_ code: String) -> String? {
        let chars = Array(code)
        guard chars.count == 18 else { return "统一社会信用代码应为18位" }
        guard chars.allSatisfy({ alphabet.contains($0) }) else { return "统一社会信用代码含有不允许的字符（I、O、Z、S、V 不使用，字母须大写）" }
        guard checkCharacter(forFirst17: String(chars[0..<17])) == chars[17] else { return "统一社会信用代码校验位不正确" }
        return nil
    }

    /// Completes 17 characters with the right check character (used for demo data).
    public static func complete(_ first17: String) -> String? {
        checkCharacter(forFirst17: first17).map { first17 + String($0) }
    }
}

/// The organisation and region trees of a deployment, for scope questions ("is B under A?").
public struct OrganisationTree: Sendable {
    private let nodes: [UUID: OrganisationNode]
    private let regionParents: [String: String]
    private let children: [UUID: [UUID]]

    public init(organisations: [OrganisationNode], regions: [Region]) {
        var n: [UUID: OrganisationNode] = [:]
        var ch: [UUID: [UUID]] = [:]
        for o in organisations {
            n[o.id] = o
            if let p = o.parentID { ch[p, default: []].append(o.id) }
        }
        var rp: [String: String] = [:]
        for r in regions { if let p = r.parentCode { rp[r.code] = p } }
        nodes = n; regionParents = rp; children = ch
    }

    public func node(_ id: UUID) -> OrganisationNode? { nodes[id] }

    public var allIDs: [UUID] { Array(nodes.keys) }

    /// The organisation and all organisations below it.
    public func subtree(of id: UUID) -> Set<UUID> {
        var out: Set<UUID> = [], stack = [id]
        while let x = stack.popLast() {
            guard nodes[x] != nil, out.insert(x).inserted else { continue }
            stack.append(contentsOf: children[x] ?? [])
        }
        return out
    }

    /// Whether `code` is `ancestor` or lies within it.
    public func region(_ code: String, isWithin ancestor: String) -> Bool {
        var c: String? = code
        var guardSteps = 0
        while let x = c, guardSteps < 64 {
            if x == ancestor { return true }
            c = regionParents[x]; guardSteps += 1
        }
        return false
    }

    /// Every organisation in the region of `id` or below it: a jurisdiction (辖区).
    public func jurisdiction(of id: UUID) -> Set<UUID> {
        guard let home = nodes[id] else { return [] }
        return Set(nodes.values.filter { region($0.regionCode, isWithin: home.regionCode) }.map(\.id))
    }
}
