import Foundation
import Testing

@testable import FazhiCore

@Suite("Organisations and access")
struct OrganisationTests {
    @Test func socialCreditCode() {
        let code = UnifiedSocialCreditCode.complete("11330110002500000")!
        #expect(UnifiedSocialCreditCode.problem(code) == nil)
        var wrong = Array(code); wrong[17] = wrong[17] == "0" ? "1" : "0"
        #expect(UnifiedSocialCreditCode.problem(String(wrong)) == "统一社会信用代码校验位不正确")
        #expect(UnifiedSocialCreditCode.problem("123") == "统一社会信用代码应为18位")
        #expect(UnifiedSocialCreditCode.problem("11330110002500000I") != nil)
        // A published code: 国家市场监督管理总局 11100000MB0143028P? not relied upon; structure is enough here.
    }

    @Test func regionCodes() {
        #expect(Region.isValidCode("330110"))
        #expect(!Region.isValidCode("33011"))
        #expect(!Region.isValidCode("33011a"))
        #expect(!Region.isValidCode("000000"))
    }

    @Test func scopes() {
        let city = UUID(), county = UUID(), bureau = UUID(), subBureau = UUID(), justice = UUID(), otherCounty = UUID(),
            otherBureau = UUID()
        let tree = OrganisationTree(
            organisations: [
                .init(id: city, regionCode: "330100", parentID: nil),
                .init(id: county, regionCode: "330110", parentID: city),
                .init(id: bureau, regionCode: "330110", parentID: county),
                .init(id: subBureau, regionCode: "330110", parentID: bureau),
                .init(id: justice, regionCode: "330110", parentID: county),
                .init(id: otherCounty, regionCode: "330111", parentID: city),
                .init(id: otherBureau, regionCode: "330111", parentID: otherCounty),
            ],
            regions: [
                .init(code: "330100", name: "市", parentCode: nil),
                .init(code: "330110", name: "县", parentCode: "330100"),
                .init(code: "330111", name: "区", parentCode: "330100"),
            ])
        let policy = AccessPolicy(tree: tree)
        let officer = [RoleGrant(role: .officer, organisationID: bureau)]
        #expect(policy.readableOrganisations(officer) == [bureau, subBureau])
        #expect(!policy.canRead(organisation: justice, grants: officer))
        #expect(policy.administeredOrganisations(officer).isEmpty)
        let supervisor = [RoleGrant(role: .supervisor, organisationID: justice)]
        #expect(policy.readableOrganisations(supervisor) == [county, bureau, subBureau, justice])
        #expect(!policy.canRead(organisation: otherBureau, grants: supervisor))
        let admin = [RoleGrant(role: .systemAdmin, organisationID: county)]
        #expect(policy.canAdminister(organisation: subBureau, grants: admin))
        #expect(!policy.canAdminister(organisation: otherCounty, grants: admin))
        #expect(policy.holds(.head, in: subBureau, grants: [RoleGrant(role: .head, organisationID: bureau)]))
        #expect(!policy.holds(.head, in: bureau, grants: [RoleGrant(role: .head, organisationID: subBureau)]))
    }
}
