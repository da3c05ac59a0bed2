import Foundation

/// The three import templates (执法人员、权责清单、裁量基准) and how their rows become domain values.
/// Names of bodies are resolved to organisations by the store (it knows them); everything else is checked here.
public enum RegistryTemplates {
    static func col(_ h: String, _ required: Bool, _ example: String, _ note: String = "") -> ImportTemplate.Column {
        .init(header: h, required: required, example: example, note: note)
    }

    public static let officers = ImportTemplate(
        kind: "officers", title: "执法人员",
        columns: [
            col("姓名", true, "孙立峰"), col("性别", true, "男", "男/女"),
            col("身份证号", true, "339901199003071236", "18位，只在内部保存，不公开"),
            col("执法主体", true, "清河县市场监督管理局", "须为已登记的执法主体名称"), col("岗位", false, "执法一科科员"),
            col("执法证号", true, "ZJ33990120001", "全市唯一"), col("执法类别", true, "市场监管"), col("执法区域", true, "清河县"),
            col("发证日期", true, "2024-03-01"), col("有效期至", true, "2029-02-28"),
            col("证件状态", false, "在岗", "在岗/暂扣/注销，缺省为在岗"), col("法律职业资格", false, "否", "是/否"),
            col("法律职业资格证书编号", false, ""), col("考试成绩", false, "86", "执法资格考试成绩"),
            col("培训年度", false, "2026"), col("培训学时", false, "64"),
        ])

    public static let powerList = ImportTemplate(
        kind: "power-list", title: "权责清单",
        columns: [
            col("事项编码", true, "339901-CF-00012", "6位区划-类型字母-5位序号[-3位子项号]"), col("事项名称", true, "对生产经营不符合食品安全标准的食品的行政处罚"),
            col("事项类型", true, "行政处罚", PowerType.allCases.map(\.chineseName).joined(separator: "/")),
            col("子项", false, "", "多个子项用、分隔"),
            col("依据法律", true, "《中华人民共和国食品安全法》"), col("依据条款", true, "第一百二十四条"), col("依据原文", false, "违反本法规定，有下列情形之一……"),
            col("实施主体", true, "清河县市场监督管理局"), col("职责事项", true, "1.立案责任……2.调查责任……"),
            col("办理流程", false, "立案—调查—审核—告知—决定—送达—执行"),
            col("追责情形", false, "因不履行或不正确履行行政职责，有下列情形的……"), col("监督方式", false, "12345政务服务热线；县司法局行政执法监督电话"),
            col("调整类型", false, "新增", "新增/取消/下放/承接/调整/暂停，缺省为新增"), col("生效日期", true, "2026-01-01"),
            col("调整原因", true, "清单年度动态调整"), col("批准文号", true, "清政办发〔2026〕3号"), col("批准人", true, "清河县人民政府"),
        ])

    public static let benchmarks = ImportTemplate(
        kind: "benchmarks", title: "裁量基准",
        columns: [
            col("基准编号", true, "SJ-SP-001", "同一基准的各档次写在相邻行，编号相同"), col("事项编码", true, "339901-CF-00012"),
            col("违法行为", true, "生产经营不符合食品安全标准的食品"), col("违反条款", true, "《食品安全法》第三十四条"),
            col("处罚依据", true, "《食品安全法》第一百二十四条"),
            col("裁量因素", false, "货值金额"), col("计量单位", false, "元"), col("首违不罚", false, "否", "是/否：是否列入包容免罚清单"),
            col("档次", true, "一般", DiscretionTierKind.allCases.map(\.chineseName).joined(separator: "/")),
            col("因素下限", false, "10000", "本档适用的裁量因素下限（含）"), col("因素上限", false, "", "本档上限（不含），最后一档留空"),
            col("适用情形", true, "货值金额一万元以上不足五万元"),
            col("罚款方式", false, "货值金额倍数", FineBasis.allCases.map(\.chineseName).joined(separator: "/")),
            col("罚款下限", false, "10"), col("罚款上限", false, "15"), col("其他处罚", false, "没收违法所得、没收违法生产经营的食品", "用、分隔"),
            col("生效日期", true, "2026-01-01"),
        ])

    public static func template(kind: String) -> ImportTemplate? {
        [officers, powerList, benchmarks].first { $0.kind == kind }
    }

    // MARK: rows

    /// An officer as read from a row; `bodyName` is resolved by the store.
    public struct OfficerRow: Sendable, Codable, Equatable {
        public var name: String, gender: String, idNumber: String, bodyName: String, post: String
        public var certificate: EnforcementCertificate
        public var hasLegalQualification: Bool, legalCertificateNumber: String
        public var examScore: Double?
        public var trainingYear: Int?, trainingHours: Double?
    }

    public static func officerRows(_ rows: [[String]]) -> (valid: [(Int, OfficerRow)], problems: [ImportProblem]) {
        guard let header = rows.first else { return ([], [ImportProblem(row: 1, column: "", message: "文件为空")]) }
        let reader = RowReader(template: officers, header: header)
        if !reader.headerProblems.isEmpty { return ([], reader.headerProblems) }
        var valid: [(Int, OfficerRow)] = []
        var problems: [ImportProblem] = []
        var seen = OfficerNumbersSeen(capacity: rows.count)
        for var r in eachRow(rows, { officerRow($0, $1, reader) }) {
            seen.compare(&r)
            r.add(to: &valid, &problems)
        }
        return (valid, problems)
    }

    /// The 执法证号 and 身份证号 of the rows before: a later row with either is refused (one file, one officer each).
    public struct OfficerNumbersSeen: Sendable {
        var certificates: [String: Int] = [:], idNumbers: [String: Int] = [:]

        public init(capacity: Int) {
            certificates.reserveCapacity(capacity); idNumbers.reserveCapacity(capacity)
        }

        /// Notes the row's numbers, or fails it if an earlier row had one of them.
        public mutating func compare(_ r: inout CheckedRow<OfficerRow>) {
            r.unique(r.keys[0], in: &certificates, "执法证号") { "与第\($0)行的执法证号重复" }
            r.unique(r.keys[1], in: &idNumbers, "身份证号") { "与第\($0)行的身份证号重复" }
        }
    }

    /// One officer row's own checks; the 执法证号 and 身份证号 are compared with the other rows' afterwards.
    public static func officerRow(_ rowNumber: Int, _ cells: [String], _ reader: RowReader) -> CheckedRow<OfficerRow> {
        var c = RowContext(rowNumber: rowNumber, cells: cells, reader: reader)
        let name = c.text("姓名", max: 30)
        let gender = c.text("性别", max: 2)
        if !gender.isEmpty && gender != "男" && gender != "女" { c.fail("性别", "应为“男”或“女”") }
        let id = c.text("身份证号").uppercased()
        if id.utf8.contains(UInt8(ascii: "E")) && (id.contains("E+") || id.contains("E17")) {
            // Excel and WPS turn an 18-digit number into 3.39901E+17 and drop the last digits for good.
            c.fail("身份证号", "身份证号被表格软件存成了数字（“\(id)”），末几位已丢失；请把该列设为“文本”格式后重新录入")
        } else if !id.isEmpty, let p = PersonalData.idNumberProblem(id) {
            c.fail("身份证号", p)
        }
        let body = c.text("执法主体", max: 100)
        let post = c.text("岗位", required: false, max: 60)
        let certNo = c.text("执法证号").uppercased()
        if !certNo.isEmpty, let p = EnforcementCertificate.numberProblem(certNo) { c.fail("执法证号", p) }
        let category = c.text("执法类别", max: 60)
        let region = c.text("执法区域", max: 60)
        let issued = c.date("发证日期"), expires = c.date("有效期至")
        let status = c.choice(
            "证件状态", CertificateStatus.init(chineseOrCode:), allowed: CertificateStatus.allCases.map(\.chineseName),
            default: .active)
        let legal = c.bool("法律职业资格")
        let legalNo = c.text("法律职业资格证书编号", required: false, max: 40)
        if legal && legalNo.isEmpty { c.fail("法律职业资格证书编号", "具有法律职业资格的，须填写证书编号") }
        let score = c.number("考试成绩")
        if let s = score, !(0...100).contains(s) { c.fail("考试成绩", "应在0至100之间") }
        let tyear = c.number("培训年度"), thours = c.number("培训学时")
        if let h = thours, h < 0 || h > 2000 { c.fail("培训学时", "应在0至2000之间") }
        if thours != nil && tyear == nil { c.fail("培训年度", "填写培训学时时须写明年度") }
        if let y = tyear, !(2000...2100).contains(y) || y != y.rounded() { c.fail("培训年度", "应为四位年份") }
        if let issued, let expires, expires <= issued {
            c.fail("有效期至", "有效期至（\(expires)）应晚于发证日期（\(issued)）：证件不能发证即过期")
        }
        guard c.problems.isEmpty, let issued, let expires, let status else {
            return CheckedRow(context: c, row: nil, keys: [certNo, id])
        }
        let row = OfficerRow(
            name: name, gender: gender, idNumber: id, bodyName: body, post: post,
            certificate: EnforcementCertificate(
                number: certNo, category: category, region: region, issuedOn: issued,
                expiresOn: expires, status: status),
            hasLegalQualification: legal, legalCertificateNumber: legalNo, examScore: score,
            trainingYear: tyear.map { Int($0) }, trainingHours: thours)
        return CheckedRow(context: c, row: row, keys: [certNo, id])
    }

    /// A list item and its adjustment as read from a row; `bodyName` is resolved by the store.
    public struct PowerRow: Sendable, Codable, Equatable {
        public var code: String, name: String, type: PowerType, subItems: [String], basis: LegalBasis, bodyName: String
        public var responsibilities: String, process: String, accountability: String, supervision: String
        public var kind: AdjustmentKind, effectiveOn: CivilDate, reason: String, approvalDocument: String,
            approver: String

        public func content(organisationID: UUID) -> PowerItemContent {
            PowerItemContent(
                code: code, name: name, type: type, subItems: subItems, basis: [basis], organisationID: organisationID,
                responsibilities: responsibilities, process: process, accountability: accountability,
                supervision: supervision)
        }
    }

    public static func powerRows(_ rows: [[String]]) -> (valid: [(Int, PowerRow)], problems: [ImportProblem]) {
        guard let header = rows.first else { return ([], [ImportProblem(row: 1, column: "", message: "文件为空")]) }
        let reader = RowReader(template: powerList, header: header)
        if !reader.headerProblems.isEmpty { return ([], reader.headerProblems) }
        var valid: [(Int, PowerRow)] = []
        var problems: [ImportProblem] = []
        var seen = PowerCodesSeen(capacity: rows.count)
        for var r in eachRow(rows, { powerRow($0, $1, reader) }) {
            seen.compare(&r)
            r.add(to: &valid, &problems)
        }
        return (valid, problems)
    }

    /// The 事项编码 of the rows before: a later row with one is refused (one file, one row per item).
    public struct PowerCodesSeen: Sendable {
        var codes: [String: Int] = [:]

        public init(capacity: Int) { codes.reserveCapacity(capacity) }

        /// Notes the row's code, or fails it if an earlier row had it.
        public mutating func compare(_ r: inout CheckedRow<PowerRow>) {
            r.unique(r.keys[0], in: &codes, "事项编码") { "与第\($0)行的事项编码重复；同一文件中一个事项只能有一行" }
        }
    }

    /// One list row's own checks; the 事项编码 is compared with the other rows' afterwards.
    public static func powerRow(_ rowNumber: Int, _ cells: [String], _ reader: RowReader) -> CheckedRow<PowerRow> {
        var c = RowContext(rowNumber: rowNumber, cells: cells, reader: reader)
        let code = c.text("事项编码", max: 40).uppercased()
        let name = c.text("事项名称", max: 200)
        let type = c.choice("事项类型", PowerType.init(chineseOrCode:), allowed: PowerType.allCases.map(\.chineseName))
        if let type, !code.isEmpty, let p = PowerCode.problem(code, type: type) { c.fail("事项编码", p) }
        let sub = TabularValues.list(c.text("子项", required: false))
        let law = c.text("依据法律", max: 200), article = c.text("依据条款", max: 200),
            basisText = c.text("依据原文", required: false, max: 5000)
        let body = c.text("实施主体", max: 100)
        let resp = c.text("职责事项", max: 5000)
        let process = c.text("办理流程", required: false, max: 2000), acc = c.text("追责情形", required: false, max: 5000),
            sup = c.text("监督方式", required: false, max: 500)
        let kind = c.choice(
            "调整类型", AdjustmentKind.init(chineseOrCode:), allowed: AdjustmentKind.allCases.map(\.chineseName),
            default: .add)
        let eff = c.date("生效日期")
        let reason = c.text("调整原因", max: 500), doc = c.text("批准文号", max: 100), approver = c.text("批准人", max: 100)
        guard c.problems.isEmpty, let type, let kind, let eff else {
            return CheckedRow(context: c, row: nil, keys: [code])
        }
        let row = PowerRow(
            code: code, name: name, type: type, subItems: sub,
            basis: LegalBasis(law: law, article: article, text: basisText),
            bodyName: body, responsibilities: resp, process: process, accountability: acc,
            supervision: sup, kind: kind, effectiveOn: eff,
            reason: reason, approvalDocument: doc, approver: approver)
        return CheckedRow(context: c, row: row, keys: [code])
    }

    /// A row's own checks, what it became if they passed, and the values compared across rows (duplicates).
    public struct CheckedRow<Row: Sendable>: Sendable {
        public internal(set) var context: RowContext
        /// The row, if its own checks passed (the comparisons with other rows may still fail it: see `problems`).
        public let row: Row?
        let keys: [String]

        public var rowNumber: Int { context.rowNumber }
        public var problems: [ImportProblem] { context.problems }

        /// Notes `key` as used on this row, or fails `column` if an earlier row used it (`message` names that row).
        mutating func unique(_ key: String, in seen: inout [String: Int], _ column: String, _ message: (Int) -> String)
        {
            guard !key.isEmpty else { return }
            if let first = seen[key] { context.fail(column, message(first)) } else { seen[key] = context.rowNumber }
        }

        /// The row to import if it passed every check, else its problems.
        func add(to valid: inout [(Int, Row)], _ problems: inout [ImportProblem]) {
            if context.problems.isEmpty, let row {
                valid.append((context.rowNumber, row))
            } else {
                problems += context.problems
            }
        }
    }

    /// `check` of each non-empty data row (after the header), in order, the rows split over the cores: a row's own
    /// checks look at that row only, so a 100,000-row file is checked on every core; what compares rows with each
    /// other runs afterwards, in order.
    static func eachRow<T: Sendable>(_ rows: [[String]], _ check: @escaping @Sendable (Int, [String]) -> T) -> [T] {
        let n = rows.count
        let parts = n < 2_000 ? 1 : min(Parallel.cores * 4, n / 500)
        return Parallel.map(parts: parts) { p in
            (max(1, n * p / parts)..<(n * (p + 1) / parts)).compactMap { i in
                isEmptyRow(rows[i]) ? nil : check(i + 1, rows[i])
            }
        }.flatMap { $0 }
    }

    /// A row with nothing but white space in it (passed over: spreadsheets keep formatted empty rows).
    public static func isEmptyRow(_ cells: [String]) -> Bool { !cells.contains(where: { !$0.trimmed.isEmpty }) }

    /// A benchmark assembled from its tier rows, with the first row's number (for the report).
    public struct BenchmarkRows: Sendable {
        public var firstRow: Int
        public var benchmark: DiscretionBenchmark
        public var effectiveOn: CivilDate
    }

    public static func benchmarkRows(_ rows: [[String]]) -> (valid: [BenchmarkRows], problems: [ImportProblem]) {
        guard let header = rows.first else { return ([], [ImportProblem(row: 1, column: "", message: "文件为空")]) }
        let reader = RowReader(template: benchmarks, header: header)
        if !reader.headerProblems.isEmpty { return ([], reader.headerProblems) }
        var groups: [(code: String, rows: [Int], bench: DiscretionBenchmark?, eff: CivilDate?, bad: Bool)] = []
        var problems: [ImportProblem] = []
        for (i, cells) in rows.enumerated().dropFirst() where cells.contains(where: { !$0.trimmed.isEmpty }) {
            var c = RowContext(rowNumber: i + 1, cells: cells, reader: reader)
            let code = c.text("基准编号", max: 40)
            let item = c.text("事项编码", max: 40).uppercased()
            if !item.isEmpty, let p = PowerCode.problem(item, type: .penalty) { c.fail("事项编码", p) }
            let violation = c.text("违法行为", max: 500), violated = c.text("违反条款", max: 300),
                penalty = c.text("处罚依据", max: 300)
            let measure = c.text("裁量因素", required: false, max: 40), unit = c.text("计量单位", required: false, max: 10)
            let exempt = c.bool("首违不罚")
            let kind = c.choice(
                "档次", DiscretionTierKind.init(chineseOrCode:), allowed: DiscretionTierKind.allCases.map(\.chineseName))
            let from = c.number("因素下限"), to = c.number("因素上限")
            let circ = c.text("适用情形", max: 2000)
            let basis = c.choice(
                "罚款方式", FineBasis.init(chineseOrCode:), allowed: FineBasis.allCases.map(\.chineseName),
                default: FineBasis.none)
            let lo = c.number("罚款下限"), hi = c.number("罚款上限")
            if basis != nil && basis != FineBasis.none && (lo == nil || hi == nil) {
                c.fail("罚款下限", "按\(basis!.chineseName)罚款时须填写罚款下限和上限")
            }
            let other = TabularValues.list(c.text("其他处罚", required: false))
            let eff = c.date("生效日期")
            let tier = kind.map {
                DiscretionTier(
                    kind: $0, circumstances: circ, measureFrom: from, measureTo: to,
                    range: PenaltyRange(
                        fineBasis: basis ?? .none, minimum: lo ?? 0, maximum: hi ?? 0, otherPenalties: other))
            }
            if let last = groups.last, last.code == code, !code.isEmpty {
                var g = groups.removeLast()
                g.rows.append(i + 1)
                if let b = g.bench, b.powerItemCode != item || b.violation != violation {
                    c.fail("违法行为", "同一基准编号 \(code) 的各行须为同一事项、同一违法行为")
                }
                if c.problems.isEmpty, let tier { g.bench?.tiers.append(tier) } else { g.bad = true }
                groups.append(g)
            } else {
                if groups.contains(where: { $0.code == code }) { c.fail("基准编号", "基准编号 \(code) 的各档次应写在相邻行") }
                let b = tier.map {
                    DiscretionBenchmark(
                        code: code, powerItemCode: item, violation: violation, violatedArticle: violated,
                        penaltyArticle: penalty,
                        measure: measure.isEmpty ? nil : measure, measureUnit: unit.isEmpty ? nil : unit,
                        firstViolationExempt: exempt, tiers: [$0])
                }
                groups.append((code, [i + 1], c.problems.isEmpty ? b : nil, eff, !c.problems.isEmpty))
            }
            problems += c.problems
        }
        var valid: [BenchmarkRows] = []
        for g in groups {
            guard !g.bad, var b = g.bench, let eff = g.eff else {
                if !g.bad {
                    problems.append(ImportProblem(row: g.rows[0], column: "基准编号", message: "基准 \(g.code) 有行无效"))
                }
                continue
            }
            b.tiers.sort { $0.kind < $1.kind }
            if let e = b.problem() {
                let (field, msg): (String, String) = {
                    if case .invalid(let f, let m) = e { return (f, m) }; return ("", e.description)
                }()
                var row = g.rows[0]
                if let r = field.range(of: #"tiers\[(\d+)\]"#, options: .regularExpression) {
                    let n = Int(field[r].dropFirst(6).dropLast(1)) ?? 0
                    row = g.rows.indices.contains(n) ? g.rows[n] : row
                }
                problems.append(
                    ImportProblem(
                        row: row, column: field.contains("measure") ? "因素下限" : "档次", message: "基准 \(g.code)：\(msg)"))
                continue
            }
            valid.append(BenchmarkRows(firstRow: g.rows[0], benchmark: b, effectiveOn: eff))
        }
        return (valid, problems.sorted { ($0.row, $0.column) < ($1.row, $1.column) })
    }
}
