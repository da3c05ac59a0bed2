import FazhiCore
import FazhiStore
import Foundation

/// The demo year's 台账: the county leaders' 第一责任人 records, the 市场监管局's course, the 司法局's qualification exam and
/// its reported figures, the county's 工作要点 for this year (one task overdue) and next.
enum DemoLedgers {
    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let county = c.orgs["清河县人民政府"], let justice = c.orgs["清河县司法局"],
            let market = c.orgs["清河县市场监督管理局"]
        else { return }
        let year = c.today.year
        func day(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day) ?? c.today }
        func add(_ kind: LedgerKind, _ unit: UUID, _ on: CivilDate, _ values: [String: String]) async throws {
            guard on <= c.today || kind.dateMayBeAhead else { return }
            _ = try await Ledgers.save(
                LedgerEntry(unitID: unit, kind: kind.id, on: on, values: values, by: "司法局 法治督察科"), kind: kind,
                today: c.today, in: tx)
        }
        let duty: [(CivilDate, LedgerKinds.DutyForm, String, String)] = [
            (day(1, 22), .lawReport, "向市委全面依法治市委员会述\(year - 1)年度履行推进法治建设第一责任人职责情况", "临州市委依法治市办〔\(year)〕1号"),
            (day(2, 27), .chaired, "县政府常务会议研究\(year)年法治政府建设工作", "县政府常务会议纪要〔\(year)〕3号"),
            (day(3, 6), .deployed, "审定\(year)年法治政府建设工作要点", "清政办发〔\(year)〕8号"),
            (day(4, 10), .heard, "听取县司法局关于行政复议体制改革工作的汇报", ""),
            (day(5, 8), .instruction, "对行政执法“三项制度”落实情况通报作出批示", "县政府办文〔\(year)〕56号"),
            (day(7, 1), .oath, "监誓县政府任命的国家工作人员宪法宣誓", "县政府办通知〔\(year)〕12号"),
            (day(9, 15), .heard, "听取重大行政决策合法性审查工作汇报", ""),
        ]
        for (on, form, subject, document) in duty {
            var values = [
                "leader": "王县长", "role": "government", "form": form.rawValue, "subject": subject, "document": document,
            ]
            if form == .lawReport {
                values["evaluation"] = "好"; values["lawYear"] = String(year - 1); values["venue"] = "市委全面依法治市委员会会议"
            }
            try await add(LedgerKinds.duty, county, on, values)
        }
        let officers = try await Officers.list(bodies: [market], year: year, on: tx.db)
        try await add(
            LedgerKinds.course, market, day(4, 16),
            [
                "title": "行政处罚裁量基准适用专题培训", "organiser": "清河县市场监督管理局", "hours": "16", "category": "legal",
                "attendees": officers.prefix(20).map(\.certificateNumber).joined(separator: "\n"),
            ])
        let names = ["周明", "吴倩", "郑浩", "王芳", "冯磊", "陈静", "褚涛", "卫东", "蒋丽", "沈杰", "韩梅", "杨帆", "朱琳", "秦川"]
        let scores = names.enumerated().map { i, n in "\(n) \(52 + (i * 37) % 46)" }
        try await add(
            LedgerKinds.exam, justice, day(6, 20),
            [
                "title": "\(year)年全省行政执法人员资格考试", "passMark": "60", "scores": scores.joined(separator: "\n"),
                "certificates": "10",
            ])
        // Two who passed now hold the 执法证 issued after the exam (the 名录 shows them; the rest are applied for).
        for (i, name) in ["吴倩", "郑浩"].enumerated() where day(7, 15) <= c.today {
            let n = 960 + i
            _ = try await Officers.create(
                OfficerInput(
                    name: name, gender: i == 0 ? "女" : "男",
                    idNumber: DemoRegistries.idNumber(n, birthYear: 1969, male: i == 1),
                    bodyID: market, post: "执法队员",
                    certificate: EnforcementCertificate(
                        number: String(format: "ZJ3399%07d", 3_000_000 + n), category: "市场监管", region: "清河县",
                        issuedOn: day(7, 15), expiresOn: CivilDate(year: year + 5, month: 7, day: 14) ?? c.today,
                        status: .active),
                    hasLegalQualification: false, legalCertificateNumber: "", examScore: i == 0 ? 89 : 80),
                trainingYear: year, trainingHours: 0, in: tx)
        }
        let reported: [(LedgerKinds.ReportedIndicator, Int, String)] = [
            (.legalEducation, 312, "县司法局普法与依法治理科"), (.legalAid, 186, "县法律援助中心案件管理系统"),
            (.notarization, 1240, "县公证处业务系统"), (.peopleMediation, 1124, "县人民调解信息系统"),
            (.legalConsultation, 5600, "县公共法律服务中心"),
        ]
        for (indicator, value, source) in reported {
            try await add(
                LedgerKinds.indicator, justice, day(11, 20),
                [
                    "indicator": indicator.rawValue, "value": String(value), "source": source,
                    "attachment": "\(year)年1—10月统计报表",
                ])
        }
        let plan: [(CivilDate, String, String, LedgerKinds.TaskProgress)] = [
            (day(6, 30), "修订完善县政府重大行政决策程序规定", "县司法局", .done),
            (day(9, 30), "全面推行行政执法“三项制度”，开展执法案卷评查", "县司法局", .done),
            (day(10, 31), "建成乡镇（街道）合法性审查工作机制并实现全覆盖", "县司法局", .ongoing),
            (day(12, 31), "行政机关负责人出庭应诉率保持100%", "县司法局", .ongoing),
            (CivilDate(year: year + 1, month: 6, day: 30) ?? c.today, "推进行政执法监督平台与执法办案系统数据贯通", "县司法局", .planned),
            (CivilDate(year: year + 1, month: 9, day: 30) ?? c.today, "开展规范性文件集中清理", "县政府办公室", .planned),
        ]
        for (due, task, owner, progress) in plan {
            try await add(
                LedgerKinds.workPlan, county, due, ["task": task, "owner": owner, "progress": progress.rawValue])
        }
    }
}
