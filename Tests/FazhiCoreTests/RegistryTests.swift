import Foundation
import Testing

@testable import FazhiCore

private func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

@Suite struct OfficerTests {
    let cert = EnforcementCertificate(
        number: "ZJ33990120001", category: "市场监管", region: "清河县", issuedOn: d("2024-03-01"), expiresOn: d("2026-12-10"),
        status: .active)

    @Test func eligibleOnlyWithValidActiveUnexpiredCertificate() {
        var o = OfficerProfile(name: "孙立峰", certificate: cert, hasLegalQualification: false, trainingHours: [:])
        #expect(o.eligibility(on: d("2026-12-10")).isEligible)  // the expiry day itself is still valid
        #expect(!o.eligibility(on: d("2026-12-11")).isEligible)  // expired
        #expect(!o.eligibility(on: d("2024-02-29")).isEligible)  // not yet issued
        o.certificate.status = .suspended
        guard case .notEligible(let reason, let article) = o.eligibility(on: d("2026-01-01")) else {
            Issue.record(); return
        }
        #expect(reason.contains("暂扣") && article.contains("第四十二条"))
        o.certificate.status = .revoked
        #expect(!o.eligibility(on: d("2026-01-01")).isEligible)
    }

    @Test func certificateExpiredOnIssueIsRefused() {
        var c = cert; c.expiresOn = c.issuedOn
        #expect(
            c.problem()
                == .invalid(field: "certificateExpiresOn", message: "有效期至（2024-03-01）应晚于发证日期（2024-03-01）：证件不能发证即过期"))
        #expect(cert.problem() == nil)
    }

    @Test func alertsForExpiryAndTraining() {
        let s = RegistrySettings(trainingHoursTarget: 60, expiryWarningDays: 30)
        let o = OfficerProfile(name: "孙立峰", certificate: cert, hasLegalQualification: false, trainingHours: [2026: 64])
        #expect(OfficerAlert.alerts(for: o, today: d("2026-11-09"), settings: s) == [])
        #expect(OfficerAlert.alerts(for: o, today: d("2026-11-10"), settings: s) == [.expiresSoon(daysLeft: 30)])
        #expect(OfficerAlert.alerts(for: o, today: d("2026-12-11"), settings: s) == [.expired(since: d("2026-12-10"))])
        var low = o; low.trainingHours = [2026: 12]
        #expect(
            OfficerAlert.alerts(for: low, today: d("2026-06-01"), settings: s) == [
                .trainingBelowTarget(year: 2026, hours: 12, target: 60)
            ])
        #expect(
            OfficerAlert.alerts(for: low, today: d("2026-06-01"), settings: RegistrySettings(trainingHoursTarget: 10))
                == [])
    }

    @Test func idNumbersAndMasking() {
        #expect(PersonalData.maskNames("张 三丰与李四、张三丰", ["张三丰", "李四"]) == "张某某与李某、张某某")
        #expect(PersonalData.maskNames("张三丰", ["张三", "张三丰"]) == "张某某", "longest name first")
        #expect(PersonalData.idNumberProblem("11010519491231002X") == nil)
        #expect(PersonalData.idNumberProblem("110105194912310021") == "身份证号校验码不正确")
        #expect(PersonalData.idNumberProblem("110105194913310021") != nil)
        #expect(PersonalData.maskName("张三") == "张某")
        #expect(PersonalData.maskName("欧阳明月") == "欧某某某")
        #expect(PersonalData.maskIDNumber("11010519491231002X") == "1101**********002X")
    }

    @Test func entrustedBodyNeedsEntrustingBody() {
        let org = UUID()
        var b = EnforcementBody(
            organisationID: org, kind: .entrusted, entrustingOrganisationID: nil, legalBasis: "《行政处罚法》第二十条",
            scope: "市场监管", confirmedOn: d("2026-01-05"), announcementDocument: "清政告〔2026〕1号")
        #expect(b.problem()?.description.contains("委托机关") == true)
        b.entrustingOrganisationID = UUID()
        #expect(b.problem() == nil)
        #expect(b.isConfirmed(on: d("2026-01-05")) && !b.isConfirmed(on: d("2026-01-04")))
        b.announcementDocument = ""
        #expect(b.problem() != nil)
    }
}

@Suite struct PowerListTests {
    let org = UUID(), org2 = UUID()
    func content(
        _ code: String = "339901-CF-00012", name: String = "对生产经营不符合食品安全标准的食品的行政处罚", org: UUID? = nil
    ) -> PowerItemContent {
        PowerItemContent(
            code: code, name: name, type: .penalty, subItems: [],
            basis: [LegalBasis(law: "食品安全法", article: "第一百二十四条", text: "")],
            organisationID: org ?? self.org, responsibilities: "立案、调查、决定", process: "", accountability: "",
            supervision: "12345")
    }
    func adj(_ kind: AdjustmentKind, _ date: String, _ c: PowerItemContent? = nil, seq: Int = 0) -> PowerAdjustment {
        PowerAdjustment(
            kind: kind, effectiveOn: d(date), sequence: seq, reason: "动态调整", approvalDocument: "清政办发〔2026〕3号",
            approver: "县政府", content: c ?? content())
    }

    @Test func codeFormat() {
        #expect(PowerCode.problem("339901-CF-00012", type: .penalty) == nil)
        #expect(PowerCode.problem("339901-CF-00012-001", type: .penalty) == nil)
        #expect(PowerCode.problem("339901-XK-00012", type: .penalty)?.contains("行政许可") == true)
        #expect(PowerCode.problem("33990-CF-00012", type: .penalty) != nil)
        #expect(PowerCode.problem("339901CF00012", type: .penalty) != nil)
    }

    /// The byte check an import runs first accepts only codes the character-by-character check accepts, and every one
    /// of them: near-misses built from full-width digits, combining marks, other letters and other lengths.
    @Test func theFastCodeCheckAgreesWithTheExplainedOne() {
        let areas = ["339901", "33990", "3399011", "３３９９０１", "33990a", "3399\u{0301}01", "", "339901\r\n"]
        let letters = ["CF", "XK", "cf", "C", "CFX", "ＣＦ", "C\u{0301}F", ""]
        let numbers = ["00012", "0001", "000123", "0001２", "00012\u{0301}", "+0012"]
        let subs: [String?] = [nil, "001", "01", "0001", "", "0０1"]
        var checked = 0
        for a in areas {
            for l in letters {
                for n in numbers {
                    for sub in subs {
                        let code = [a, l, n] + (sub.map { [$0] } ?? [])
                        for type in [PowerType.penalty, .licensing] {
                            let joined = code.joined(separator: "-")
                            #expect(
                                PowerCode.isWellFormed(joined, letters: type.codeLetters)
                                    == (PowerCode.explained(joined, type: type) == nil), "\(joined)")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked == 4_608)
        #expect(PowerCode.isWellFormed("339901-CF-00012-001", letters: "CF"))
        #expect(!PowerCode.isWellFormed("339901-CF-00012--001", letters: "CF"))
        // The Kelvin sign is canonically the letter K: the character-by-character check passes it, the code is refused.
        #expect(PowerCode.explained("339901-X\u{212A}-00012", type: .licensing) == nil)
        #expect(PowerCode.problem("339901-X\u{212A}-00012", type: .licensing) == PowerCode.format(.licensing))
    }

    @Test func adjustmentsInOrder() {
        let add = adj(.add, "2024-01-01")
        #expect(PowerListHistory.check(add, against: []) == nil)
        #expect(PowerListHistory.check(adj(.amend, "2024-01-01"), against: [])?.description.contains("首次调整") == true)
        // Dated before the item exists: refused.
        #expect(
            PowerListHistory.check(adj(.amend, "2023-12-31"), against: [add])?.description.contains("早于该事项列入清单") == true
        )
        #expect(PowerListHistory.check(adj(.amend, "2024-06-01"), against: [add]) == nil)
        #expect(
            PowerListHistory.check(adj(.add, "2024-06-01"), against: [add])
                == .conflict(field: "code", message: "事项编码 339901-CF-00012 已在清单中，不能重复新增"))
        let cancel = adj(.cancel, "2025-01-01")
        #expect(
            PowerListHistory.check(adj(.amend, "2025-02-01"), against: [add, cancel])?.description.contains(
                "已于 2025-01-01 取消") == true)
        #expect(PowerListHistory.check(adj(.takeOver, "2025-02-01"), against: [add, cancel]) == nil)
        var bad = adj(.amend, "2024-06-01"); bad.approvalDocument = ""
        #expect(PowerListHistory.check(bad, against: [add]) == .invalid(field: "approvalDocument", message: "请填写批准文号"))
    }

    @Test func listAsOfDateAndDiff() {
        let a = content("339901-CF-00012"), b = content("339901-CF-00013", name: "对未按规定公示的处罚")
        var a2 = a; a2.organisationID = org2
        let history: [String: [PowerAdjustment]] = [
            a.code: [
                adj(.add, "2024-01-01", a), adj(.delegateDown, "2025-03-01", a2), adj(.suspend, "2026-01-01", a2),
            ],
            b.code: [adj(.add, "2024-06-01", b), adj(.cancel, "2025-06-01", b)],
        ]
        #expect(PowerListHistory.list(history, on: d("2023-12-31")).isEmpty)
        let l1 = PowerListHistory.list(history, on: d("2024-06-01"))
        #expect(Set(l1.keys) == [a.code, b.code])
        let l2 = PowerListHistory.list(history, on: d("2025-06-01"))
        #expect(Set(l2.keys) == [a.code])
        #expect(l2[a.code]?.content.organisationID == org2)
        #expect(PowerListHistory.list(history, on: d("2026-01-01"))[a.code]?.status == .suspended)
        let diff = PowerListHistory.diff(from: l1, to: l2)
        #expect(diff.added.isEmpty)
        #expect(diff.removed.map(\.content.code) == [b.code])
        #expect(diff.changed.map(\.fields) == [["实施主体"]])
        let diff2 = PowerListHistory.diff(from: l2, to: PowerListHistory.list(history, on: d("2026-02-01")))
        #expect(diff2.changed.first?.fields.first?.contains("实施中→暂停") == true)
        #expect(PowerListHistory.diff(from: l2, to: l2).isEmpty)
    }
}

@Suite struct DiscretionTests {
    static let bench = DiscretionBenchmark(
        code: "SJ-SP-001", powerItemCode: "339901-CF-00012", violation: "生产经营不符合食品安全标准的食品",
        violatedArticle: "《食品安全法》第三十四条", penaltyArticle: "《食品安全法》第一百二十四条", measure: "货值金额", measureUnit: "元",
        firstViolationExempt: true,
        tiers: [
            DiscretionTier(kind: .noPenalty, circumstances: "初次违法且危害后果轻微并及时改正", range: PenaltyRange(fineBasis: .none)),
            DiscretionTier(
                kind: .mitigated, circumstances: "有第三十二条情形且货值金额较小",
                range: PenaltyRange(fineBasis: .fixed, minimum: 20000, maximum: 50000)),
            DiscretionTier(
                kind: .lighter, circumstances: "货值金额不足一万元", measureFrom: 0, measureTo: 10000,
                range: PenaltyRange(fineBasis: .fixed, minimum: 50000, maximum: 80000, otherPenalties: ["没收违法所得"])),
            DiscretionTier(
                kind: .ordinary, circumstances: "货值金额一万元以上不足五万元", measureFrom: 10000, measureTo: 50000,
                range: PenaltyRange(fineBasis: .goodsValue, minimum: 10, maximum: 15)),
            DiscretionTier(
                kind: .heavier, circumstances: "货值金额五万元以上", measureFrom: 50000,
                range: PenaltyRange(fineBasis: .goodsValue, minimum: 15, maximum: 20, otherPenalties: ["吊销许可证"])),
        ])
    let b = DiscretionTests.bench

    @Test func validBenchmark() { #expect(b.problem() == nil) }

    @Test func overlapsGapsAndOrderAreRefused() {
        var gap = b; gap.tiers[3].measureFrom = 12000
        #expect(gap.problem()?.description.contains("空档") == true)
        var overlap = b; overlap.tiers[3].measureFrom = 8000
        #expect(overlap.problem()?.description.contains("重叠") == true)
        var open = b; open.tiers[4].measureTo = 90000
        #expect(open.problem()?.description.contains("最后一档不设上限") == true)
        var order = b; order.tiers.swapAt(2, 3)
        #expect(order.problem()?.description.contains("排列") == true)
        var range = b; range.tiers[2].range.minimum = 90000
        #expect(range.problem()?.description.contains("下限") == true)
        var noMeasure = b; noMeasure.measure = nil
        #expect(noMeasure.problem()?.description.contains("裁量因素") == true)
    }

    @Test func eachGradedTierByMeasure() throws {
        let lighter = try DiscretionCalculator.compute(b, facts: CaseFacts(measureValue: 9999.99))
        #expect(lighter.tier == .lighter && lighter.fineMinimumYuan == 50000 && lighter.fineMaximumYuan == 80000)
        let ordinary = try DiscretionCalculator.compute(b, facts: CaseFacts(measureValue: 10000, goodsValue: 10000))
        #expect(ordinary.tier == .ordinary && ordinary.fineMinimumYuan == 100000 && ordinary.fineMaximumYuan == 150000)
        let heavier = try DiscretionCalculator.compute(b, facts: CaseFacts(measureValue: 60000, goodsValue: 60000))
        #expect(
            heavier.tier == .heavier && heavier.fineMaximumYuan == 1_200_000
                && heavier.range?.otherPenalties == ["吊销许可证"])
        #expect(heavier.articles.starts(with: ["《食品安全法》第三十四条", "《食品安全法》第一百二十四条"]))
        #expect(throws: DomainError.invalid(field: "measureValue", message: "本基准按“货值金额”分档，请提供货值金额（元）")) {
            try DiscretionCalculator.compute(b, facts: CaseFacts())
        }
        // goods value missing
        #expect(throws: DomainError.self) { try DiscretionCalculator.compute(b, facts: CaseFacts(measureValue: 20000)) }
    }

    @Test func article30Minors() throws {
        let under14 = try DiscretionCalculator.compute(
            b, facts: CaseFacts(ageAtViolation: 13, measureValue: 60000, goodsValue: 60000))
        #expect(under14.tier == .noPenalty && under14.mandatory && under14.articles.last == "行政处罚法 第三十条")
        let age16 = try DiscretionCalculator.compute(
            b, facts: CaseFacts(ageAtViolation: 16, measureValue: 60000, goodsValue: 60000))
        #expect(
            age16.tier == .lighter && age16.permittedTiers == [.mitigated, .lighter]
                && age16.articles.contains("行政处罚法 第三十条"))
        let adult = try DiscretionCalculator.compute(
            b, facts: CaseFacts(ageAtViolation: 18, measureValue: 60000, goodsValue: 60000))
        #expect(adult.tier == .heavier && !adult.articles.contains("行政处罚法 第三十条"))
    }

    @Test func article32MustBeLighter() throws {
        let o = try DiscretionCalculator.compute(b, facts: CaseFacts(measureValue: 20000, mitigating: [.confessed]))
        #expect(o.tier == .lighter && o.mandatory && o.articles.contains("行政处罚法 第三十二条"))
        // Already in the lighter bracket: stays there, and 减轻 is also permitted.
        let l = try DiscretionCalculator.compute(b, facts: CaseFacts(measureValue: 100, mitigating: [.reducedHarm]))
        #expect(l.tier == .lighter && l.permittedTiers == [.mitigated, .lighter])
        var noLighter = b; noLighter.tiers.removeAll { $0.kind == .lighter || $0.kind == .mitigated }
        noLighter.tiers[1].measureFrom = 0
        #expect(throws: DomainError.self) {
            try DiscretionCalculator.compute(
                noLighter, facts: CaseFacts(measureValue: 100, goodsValue: 100, mitigating: [.coerced]))
        }
    }

    @Test func article33NoPenalty() throws {
        let minor = try DiscretionCalculator.compute(
            b, facts: CaseFacts(measureValue: 60000, minorCorrectedNoHarm: true))
        #expect(minor.tier == .noPenalty && minor.mandatory && minor.articles.last == "行政处罚法 第三十三条第一款")
        let first = try DiscretionCalculator.compute(
            b, facts: CaseFacts(measureValue: 100, firstViolationMinorHarmCorrected: true))
        #expect(first.tier == .noPenalty && !first.mandatory && first.permittedTiers.contains(.lighter))
        var notListed = b; notListed.firstViolationExempt = false
        let refused = try DiscretionCalculator.compute(
            notListed, facts: CaseFacts(measureValue: 100, firstViolationMinorHarmCorrected: true))
        #expect(refused.tier == .lighter && refused.reasons.contains("本违法行为未列入包容免罚清单，首违不罚不适用"))
        let fault = try DiscretionCalculator.compute(b, facts: CaseFacts(measureValue: 100, noSubjectiveFault: true))
        #expect(fault.tier == .noPenalty && fault.articles.last == "行政处罚法 第三十三条第二款")
    }

    @Test func article49Heavier() throws {
        let e = try DiscretionCalculator.compute(
            b, facts: CaseFacts(measureValue: 100, goodsValue: 100, emergencyBreach: true))
        #expect(e.tier == .heavier && e.articles.contains("行政处罚法 第四十九条") && e.fineMinimumYuan == 1500)
        let none = try DiscretionCalculator.compute(b, facts: CaseFacts(measureValue: 100))
        #expect(none.tier == .lighter)
        // A mandatory lighter tier is not displaced by 第四十九条.
        let both = try DiscretionCalculator.compute(
            b, facts: CaseFacts(measureValue: 100, mitigating: [.meritorious], emergencyBreach: true))
        #expect(both.tier == .lighter && both.articles.contains("行政处罚法 第四十九条"))
    }
}

@Suite struct SearchAndImportTests {
    @Test func bigramsFindTwoCharacterWords() {
        #expect(CJKTokenizer.indexTokens("食品安全 339901-CF-00012") == ["食品", "品安", "安全", "339901", "cf", "00012"])
        #expect(CJKTokenizer.queryTokens("安全") == ["安全"])
        #expect(CJKTokenizer.queryTokens("食") == nil)
        #expect(CJKTokenizer.indexTokens("孙立峰").contains("孙立"))
        // Word characters are ASCII letters and digits, told by value as the Unicode properties told them.
        for v in UInt32(0)...0x24F {
            guard let s = Unicode.Scalar(v) else { continue }
            let byProperties = s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))
            #expect(CJKTokenizer.isASCIIWordCharacter(s) == byProperties, "U+\(String(v, radix: 16))")
        }
        #expect(CJKTokenizer.indexTokens("Ａ座 é_x-9") == ["座", "x", "9"])
    }

    @Test func officerRowsReportEveryProblem() {
        let t = RegistryTemplates.officers
        var rows = [t.headers, t.exampleRow]
        var bad = t.exampleRow
        bad[2] = "339901199003071237"  // wrong check digit
        bad[5] = "ZJ33990120001"  // duplicate certificate number
        bad[9] = "2024-03-01"  // expires on issue
        rows.append(bad)
        let (valid, problems) = RegistryTemplates.officerRows(rows)
        #expect(valid.count == 1)
        #expect(problems.map(\.column).sorted() == ["执法证号", "有效期至", "身份证号"].sorted())
        #expect(problems.allSatisfy { $0.row == 3 })
        // A control character in a cell (a CSV can carry a NUL) is refused with its column, not stored cut short.
        var hidden = t.exampleRow
        hidden[0] = "张\u{0}三"; hidden[4] = "执法\u{202E}队员"; hidden[2] = "11010519491231002X"; hidden[5] = "ZJ33990120009"
        let withHidden = RegistryTemplates.officerRows([t.headers, hidden, t.exampleRow])
        #expect(withHidden.valid.count == 1)
        #expect(withHidden.problems.map(\.column).sorted() == ["姓名", "岗位"])
        #expect(withHidden.problems.allSatisfy { $0.row == 2 && $0.message.contains("控制字符") })
        #expect(!TextChecks.hasControlCharacters("张三 执法\t队员“—”…") && TextChecks.hasControlCharacters("a\u{7F}"))
        let noHeader = RegistryTemplates.officerRows([["姓名"], ["张三"]])
        #expect(noHeader.problems.first?.row == 1 && noHeader.valid.isEmpty)
    }

    /// "-0" hours or score is 0: PostgreSQL keeps no negative zero, and the record must say what is stored.
    @Test func negativeZeroIsReadAsZero() throws {
        let t = RegistryTemplates.officers
        var row = t.exampleRow
        row[try #require(t.headers.firstIndex(of: "培训学时"))] = "-0"
        row[try #require(t.headers.firstIndex(of: "考试成绩"))] = "-0.0"
        let officer = try #require(RegistryTemplates.officerRows([t.headers, row]).valid.first?.1)
        #expect(officer.trainingHours == 0 && officer.trainingHours?.sign == .plus)
        #expect(officer.examScore == 0 && officer.examScore?.sign == .plus)
    }

    @Test func datesInSpreadsheetForms() {
        #expect(TabularValues.date("2026/3/1") == d("2026-03-01"))
        #expect(TabularValues.date("2026年3月1日") == d("2026-03-01"))
        #expect(TabularValues.date("46082") == d("2026-03-01"))
        #expect(TabularValues.date("明天") == nil)
    }

    @Test func benchmarkRowsGroupIntoTiers() {
        let t = RegistryTemplates.benchmarks
        func row(_ kind: String, _ from: String, _ to: String, _ basis: String, _ lo: String, _ hi: String) -> [String]
        {
            var r = t.exampleRow; r[8] = kind; r[9] = from; r[10] = to; r[12] = basis; r[13] = lo; r[14] = hi; return r
        }
        let ok = RegistryTemplates.benchmarkRows([
            t.headers, row("从轻", "0", "10000", "固定金额", "50000", "80000"), row("一般", "10000", "", "货值金额倍数", "10", "20"),
        ])
        #expect(ok.problems == [] && ok.valid.first?.benchmark.tiers.count == 2)
        let gap = RegistryTemplates.benchmarkRows([
            t.headers, row("从轻", "0", "10000", "固定金额", "50000", "80000"), row("一般", "20000", "", "货值金额倍数", "10", "20"),
        ])
        #expect(gap.valid.isEmpty && gap.problems.first?.message.contains("空档") == true && gap.problems.first?.row == 3)
    }
}
