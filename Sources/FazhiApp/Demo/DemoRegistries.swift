import FazhiCore
import FazhiStore
import Fluent
import Foundation

/// The demo county's registries: ~23 enforcement bodies, a few hundred officers (invented people), a 权责清单 with
/// the type split of seed 000 (行政许可153、行政给付9、行政奖励19、行政确认33、行政裁决2、其他2 = 218) plus the
/// enforcement powers, with two years of adjustments, and benchmarks for a dozen common penalties.
enum DemoRegistries {
    /// Townships given enforcement power (授权, 行政处罚法 第二十四条) and their scope.
    static let townships = ["清河县城关镇人民政府", "清河县临水镇人民政府", "清河县石门乡人民政府"]

    static let scopes: [String: String] = [
        "清河县人民政府": "行政征收、行政裁决", "清河县司法局": "司法行政、行政执法监督", "清河县市场监督管理局": "市场监管、食品安全、价格、广告、特种设备",
        "清河县综合行政执法局": "城市管理、市容环境、住房建设、自然资源（集中行使）", "清河县应急管理局": "安全生产、危险化学品", "临州市生态环境局清河分局": "生态环境",
        "清河县交通运输局": "道路运输、交通工程", "清河县卫生健康局": "公共卫生、医疗卫生", "清河县自然资源和规划局": "自然资源、规划",
        "清河县人力资源和社会保障局": "劳动保障监察", "清河县文化和广电旅游体育局": "文化市场、旅游", "清河县农业农村局": "农业、渔业、动物防疫",
        "清河县水利局": "水政", "清河县住房和城乡建设局": "建筑市场、房地产", "清河县教育局": "教育", "清河县商务局": "商务", "清河县医疗保障局": "医疗保障基金",
        "清河县林业局": "林业", "清河县消防救援大队": "消防", "清河县市场监督管理局城关市场监管所": "市场监管（城关片区，受委托）",
    ]

    static let surnames = Array(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇浩凯健俊帆帅旭宁晨阳琳雪婷颖倩慧佳欣悦瑶怡嘉瑞博昊然思远志海峰林亮")

    static func idNumber(_ n: Int, birthYear: Int, male: Bool) -> String {
        let month = 1 + n % 12, day = 1 + (n * 7) % 28
        var seq = 100 + (n * 37) % 800
        if (seq % 2 == 1) != male { seq += 1 }
        return PersonalData.idNumber(
            first17: String(format: "339901%04d%02d%02d%03d", birthYear, month, day, seq % 1000))
    }

    static let licensingNames = [
        "食品经营许可", "食品生产许可", "药品零售企业许可", "特种设备使用登记", "建设工程规划许可", "建筑工程施工许可", "城镇污水排入排水管网许可", "取水许可",
        "公共场所卫生许可", "医疗机构执业登记", "放射诊疗许可", "道路货物运输经营许可", "出租汽车经营许可", "烟草专卖零售许可", "娱乐场所经营许可",
        "营业性演出许可", "网吧经营许可", "民办学校办学许可", "人力资源服务许可", "劳务派遣经营许可", "林木采伐许可", "占用林地审核", "动物防疫条件合格证核发",
        "兽药经营许可", "农药经营许可", "种子生产经营许可", "水产苗种生产许可", "渔业捕捞许可", "河道管理范围内建设项目许可", "临时占用城市道路许可",
        "城市建筑垃圾处置核准", "户外广告设施设置许可", "城市绿地占用许可", "燃气经营许可", "危险化学品经营许可", "烟花爆竹经营（零售）许可",
        "消防安全检查（公众聚集场所投入使用营业前）", "拆除、改动城镇排水与污水处理设施审核", "乡村建设规划许可", "临时用地审批", "采矿权新立登记",
        "生产建设项目水土保持方案审批", "建设项目环境影响评价文件审批", "排污许可", "幼儿园设立审批", "校车使用许可", "职业技能培训机构设立审批",
        "养老机构设立备案", "宗教活动场所筹备设立审批", "地名命名更名审批", "商品房预售许可",
    ]
    static let variants = ["（新办）", "（变更）", "（延续）"]

    static let split: [(PowerType, Int, [String])] = [
        (.licensing, 153, []),
        (
            .benefit, 9,
            [
                "最低生活保障金给付", "特困人员救助供养金给付", "临时救助金给付", "残疾人两项补贴给付", "优抚对象抚恤补助金给付", "高龄津贴给付", "城乡居民基本养老保险待遇给付",
                "失业保险金给付", "工伤保险待遇给付",
            ]
        ),
        (
            .reward, 19,
            [
                "见义勇为人员奖励", "科学技术进步奖", "安全生产先进单位表彰", "食品安全举报奖励", "消防工作先进表彰", "优秀教师表彰", "文明单位评选", "守合同重信用企业公示", "劳动模范推荐",
                "农业技术推广奖", "生态环境违法行为举报奖励", "禁毒工作先进表彰", "法治宣传教育先进表彰", "林业有害生物防治先进表彰", "无偿献血奖励", "计划生育奖励扶助", "质量奖评选",
                "旅游工作先进表彰", "优秀志愿者表彰",
            ]
        ),
        (.confirmation, 33, []),
        (.adjudication, 2, ["林木林地权属争议裁决", "土地权属争议调处"]),
        (.other, 2, ["政府信息公开申请办理", "行政规范性文件合法性审核"]),
        (.penalty, 60, []),
        (.inspection, 15, []),
        (.coercion, 8, []),
    ]

    static let penaltyNames = [
        ("清河县市场监督管理局", "对生产经营不符合食品安全标准的食品的行政处罚", "《中华人民共和国食品安全法》", "第一百二十四条"),
        ("清河县市场监督管理局", "对未取得食品经营许可从事食品经营活动的行政处罚", "《中华人民共和国食品安全法》", "第一百二十二条"),
        ("清河县市场监督管理局", "对经营者不明码标价的行政处罚", "《中华人民共和国价格法》", "第四十二条"),
        ("清河县市场监督管理局", "对发布虚假广告的行政处罚", "《中华人民共和国广告法》", "第五十五条"),
        ("清河县应急管理局", "对生产经营单位未按规定对从业人员进行安全生产教育培训的行政处罚", "《中华人民共和国安全生产法》", "第九十七条"),
        ("清河县应急管理局", "对未在有较大危险因素的场所设置安全警示标志的行政处罚", "《中华人民共和国安全生产法》", "第九十九条"),
        ("清河县综合行政执法局", "对擅自设置大型户外广告的行政处罚", "《城市市容和环境卫生管理条例》", "第三十六条"),
        ("清河县综合行政执法局", "对擅自占用城市道路设摊经营的行政处罚", "《城市道路管理条例》", "第四十二条"),
        ("清河县综合行政执法局", "对随意倾倒建筑垃圾的行政处罚", "《中华人民共和国固体废物污染环境防治法》", "第一百一十一条"),
        ("临州市生态环境局清河分局", "对超过大气污染物排放标准排放大气污染物的行政处罚", "《中华人民共和国大气污染防治法》", "第九十九条"),
        ("清河县交通运输局", "对未取得道路运输经营许可擅自从事道路运输经营的行政处罚", "《中华人民共和国道路运输条例》", "第六十三条"),
        ("清河县消防救援大队", "对占用、堵塞、封闭消防车通道的行政处罚", "《中华人民共和国消防法》", "第六十条"),
    ]

    static func load(orgs: [String: UUID], today: CivilDate, in tx: WriteTransaction) async throws {
        let gov = orgs["清河县人民政府"]!
        var all = orgs
        for t in townships {
            let o = try await Directory.createOrganisation(
                .init(name: t, uscc: nil, regionCode: "339901", parentID: gov), in: tx)
            all[t] = o.id!
        }
        // 执法主体: every organisation but the 司法局's own supervision is an enforcement body here.
        let confirmed = CivilDate(year: 2024, month: 1, day: 15)!
        for (name, id) in all.sorted(by: { $0.key < $1.key }) {
            let kind: EnforcementBodyKind =
                name.hasSuffix("所") ? .entrusted : (townships.contains(name) ? .authorised : .statutory)
            let basis =
                kind == .entrusted
                ? "《中华人民共和国行政处罚法》第二十条；清河县市场监督管理局委托书"
                : (kind == .authorised ? "《浙江省综合行政执法条例》第八条；省政府赋权乡镇决定" : "“三定”规定及相关法律、法规")
            try await EnforcementBodies.save(
                EnforcementBody(
                    organisationID: id, kind: kind,
                    entrustingOrganisationID: kind == .entrusted ? all["清河县市场监督管理局"] : nil,
                    legalBasis: basis, scope: scopes[name] ?? "乡镇综合行政执法（赋权事项）", confirmedOn: confirmed,
                    announcementDocument: "清政告〔2024〕2号"), in: tx)
        }
        try await loadOfficers(all, today: today, in: tx)
        try await loadPowerList(all, in: tx)
        try await loadBenchmarks(in: tx)
    }

    /// The demo accounts who enforce or review also hold certificates, linked to their login (the engine needs it
    /// for 法制审核: a reviewer's qualification, and that the reviewer was not an investigator).
    static func officerRecord(
        for user: UUID, index: Int, name: String, role: Role, body: UUID, today: CivilDate, in tx: WriteTransaction
    ) async throws {
        // Born 1969: outside the generated officers' 1970–1999, so the ID numbers cannot collide.
        let n = 900 + index
        let input = OfficerInput(
            name: name, gender: "女", idNumber: idNumber(n, birthYear: 1969, male: false), bodyID: body,
            post: role == .legalReviewer ? "法制审核员" : (role == .head ? "局长" : "执法队员"),
            certificate: EnforcementCertificate(
                number: String(format: "ZJ3399%07d", 3_000_000 + n), category: "行政执法", region: "清河县",
                issuedOn: CivilDate(year: 2024, month: 3, day: 1)!,
                expiresOn: CivilDate(year: 2029, month: 2, day: 28)!, status: .active),
            hasLegalQualification: role != .officer,
            legalCertificateNumber: role != .officer ? String(format: "A2018%09d", 330_100_000 + n) : "", examScore: 90)
        let id = try await Officers.create(input, trainingYear: today.year, trainingHours: 64, in: tx)
        try await Officers.link(officer: id, user: user, in: tx)
    }

    static func loadOfficers(_ orgs: [String: UUID], today: CivilDate, in tx: WriteTransaction) async throws {
        let weights: [String: Int] = [
            "清河县市场监督管理局": 48, "清河县综合行政执法局": 56, "清河县应急管理局": 18, "临州市生态环境局清河分局": 16, "清河县交通运输局": 20,
            "清河县卫生健康局": 14, "清河县消防救援大队": 12, "清河县市场监督管理局城关市场监管所": 10, "清河县农业农村局": 12,
        ]
        var rows: [(UUID, OfficerInput)] = []
        var training: [(UUID, Int, Double)] = []
        var search: [(ref: String, text: String)] = []
        var n = 0
        for (name, id) in orgs.sorted(by: { $0.key < $1.key }) where name != "清河县人民政府" {
            for _ in 0..<(weights[name] ?? 6) {
                n += 1
                let male = n % 3 != 0
                let person =
                    String(surnames[(n * 7) % surnames.count]) + String(given[(n * 13) % given.count])
                    + (n % 4 == 0 ? "" : String(given[(n * 5 + 3) % given.count]))
                let issued = CivilDate(year: 2021 + n % 5, month: 1 + n % 12, day: 1 + n % 28)!
                var expires = CivilDate(year: issued.year + 5, month: issued.month, day: issued.day)!
                if n % 41 == 0 { expires = today.adding(days: 5 + n % 20) }  // expiring within 30 days
                if n % 67 == 0 { expires = today.adding(days: -10 - n % 30) }  // already expired
                let status: CertificateStatus = n % 97 == 0 ? .suspended : (n % 131 == 0 ? .revoked : .active)
                let legal = n % 6 == 0
                let input = OfficerInput(
                    name: person, gender: male ? "男" : "女", idNumber: idNumber(n, birthYear: 1970 + n % 30, male: male),
                    bodyID: id,
                    post: n % 9 == 0 ? "法制审核员" : "执法队员",
                    certificate: EnforcementCertificate(
                        number: String(format: "ZJ3399%07d", 2_000_000 + n),
                        category: (scopes[name] ?? "综合行政执法").split(separator: "、").first.map(String.init) ?? "综合行政执法",
                        region: "清河县",
                        issuedOn: issued, expiresOn: expires, status: status),
                    hasLegalQualification: legal,
                    legalCertificateNumber: legal ? String(format: "A2019%09d", 330_000_000 + n) : "",
                    examScore: Double(70 + n % 28))
                let oid = UUID()
                rows.append((oid, input))
                training.append((oid, today.year, Double(n % 11 == 0 ? 24 + n % 20 : 60 + n % 30)))
                training.append((oid, today.year - 1, Double(56 + n % 30)))
                search.append((oid.uuidString, Officers.searchText(input, bodyName: name)))
            }
        }
        try await Officers.insertChecked(rows, training: training, search: search, in: tx)
    }

    static func loadPowerList(_ orgs: [String: UUID], in tx: WriteTransaction) async throws {
        let depts = [
            "清河县市场监督管理局", "清河县卫生健康局", "清河县交通运输局", "清河县自然资源和规划局", "清河县住房和城乡建设局", "清河县农业农村局",
            "清河县文化和广电旅游体育局", "清河县水利局", "清河县林业局", "清河县教育局", "清河县人力资源和社会保障局", "清河县应急管理局",
        ]
        let start = CivilDate(year: 2024, month: 1, day: 1)!
        var adjustments: [(UUID, [PowerAdjustment])] = []
        var serial: [PowerType: Int] = [:]
        func item(_ type: PowerType, _ name: String, _ org: String, law: String, article: String) -> PowerItemContent {
            serial[type, default: 0] += 1
            return PowerItemContent(
                code: String(format: "339901-%@-%05d", type.codeLetters, serial[type]!), name: name, type: type,
                subItems: [],
                basis: [LegalBasis(law: law, article: article, text: "")], organisationID: orgs[org]!,
                responsibilities: "1.受理责任：公示依据、条件、程序、期限；2.审查责任；3.决定责任；4.送达责任；5.事后监管责任；6.其他法律法规规章规定应履行的责任。",
                process: type == .penalty ? "立案—调查取证—法制审核—告知—陈述申辩/听证—决定—送达—执行—结案归档" : "申请—受理—审查—决定—送达",
                accountability: "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任：……",
                supervision: "12345政务服务热线；清河县司法局行政执法监督电话 0579-8800××××")
        }
        func add(_ c: PowerItemContent, _ n: Int) {
            var list = [
                PowerAdjustment(
                    kind: .add, effectiveOn: start, sequence: 1, reason: "权责清单全面梳理", approvalDocument: "清政办发〔2024〕1号",
                    approver: "清河县人民政府", content: c)
            ]
            if n % 17 == 0 {
                var amended = c; amended.basis.append(LegalBasis(law: "《优化营商环境条例》", article: "第四十条", text: ""))
                list.append(
                    PowerAdjustment(
                        kind: .amend, effectiveOn: CivilDate(year: 2025, month: 3, day: 1)!, sequence: 2,
                        reason: "上位法修改，补充设定依据", approvalDocument: "清政办发〔2025〕6号", approver: "清河县人民政府", content: amended)
                )
            }
            if n % 53 == 0 {
                var down = list.last!.content; down.organisationID = orgs["清河县城关镇人民政府"]!
                list.append(
                    PowerAdjustment(
                        kind: .delegateDown, effectiveOn: CivilDate(year: 2025, month: 7, day: 1)!,
                        sequence: list.count + 1, reason: "赋权乡镇（街道）", approvalDocument: "浙政发〔2025〕9号",
                        approver: "浙江省人民政府", content: down))
            }
            adjustments.append((UUID(), list))
        }
        var n = 0
        for (type, count, names) in DemoRegistries.split {
            for i in 0..<count {
                n += 1
                let name: String, org: String, law: String, article: String
                switch type {
                case .licensing:
                    name =
                        licensingNames[i % licensingNames.count] + variants[i / licensingNames.count % variants.count]
                    org = depts[i % depts.count]; law = "《中华人民共和国行政许可法》及相关法律法规"; article = "第十二条"
                case .penalty where i < penaltyNames.count:
                    let p = penaltyNames[i]; name = p.1; org = p.0; law = p.2; article = p.3
                case .penalty:
                    name = "对违反\(depts[i % depts.count].replacingOccurrences(of: "清河县", with: ""))管理规定第\(i)类行为的行政处罚";
                    org = depts[i % depts.count]; law = "相关法律法规"; article = "第\(20 + i)条"
                case .confirmation:
                    name =
                        ["不动产登记", "工伤认定", "残疾人证核发", "农村宅基地资格确认", "烈士评定", "职业技能等级认定", "事故责任认定", "医疗机构校验"][i % 8]
                        + (i >= 8 ? "（\(i / 8 + 1)）" : "")
                    org = depts[(i + 3) % depts.count]; law = "相关法律法规"; article = "第\(10 + i)条"
                case .inspection:
                    name =
                        "对\(depts[i % depts.count].replacingOccurrences(of: "清河县", with: "").replacingOccurrences(of: "局", with: ""))领域的行政检查（\(i + 1)）";
                    org = depts[i % depts.count]; law = "相关法律法规"; article = "第\(30 + i)条"
                case .coercion:
                    name = ["查封场所、设施或者财物", "扣押财物", "冻结存款", "加处罚款", "代履行", "划拨存款", "拍卖查封扣押财物", "排除妨碍"][i % 8];
                    org = depts[i % depts.count]
                    law = "《中华人民共和国行政强制法》"; article = "第九条"
                default:
                    name = names[i % max(1, names.count)];
                    org = type == .other ? "清河县司法局" : (type == .adjudication ? "清河县人民政府" : depts[(i + 5) % depts.count])
                    law = "相关法律法规"; article = "第\(5 + i)条"
                }
                add(item(type, name, org, law: law, article: article), n)
            }
        }
        // Items since cancelled (they were in the 2024 list) and one taken over from the city in 2026.
        for (i, name) in ["对农村集体经济组织财务审计的检查（已并入）", "企业投资项目备案前置审查", "户外广告登记", "非营利性养老机构设立许可（改为备案）", "拖拉机驾驶培训学校资格认定"]
            .enumerated()
        {
            var c = item(.other, name, depts[i % depts.count], law: "已废止的规定", article: "第\(i + 1)条")
            c.type = .other
            let a = PowerAdjustment(
                kind: .add, effectiveOn: start, sequence: 1, reason: "权责清单全面梳理", approvalDocument: "清政办发〔2024〕1号",
                approver: "清河县人民政府", content: c)
            let x = PowerAdjustment(
                kind: .cancel, effectiveOn: CivilDate(year: 2025, month: 6, day: 30)!, sequence: 2,
                reason: "依据“放管服”改革决定取消", approvalDocument: "清政办发〔2025〕11号", approver: "清河县人民政府", content: c)
            adjustments.append((UUID(), [a, x]))
        }
        let orgName = Dictionary(uniqueKeysWithValues: orgs.map { ($1, $0) })
        try await PowerListStore.writeChecked(adjustments, organisationNames: orgName, in: tx)
    }

    static func loadBenchmarks(in tx: WriteTransaction) async throws {
        func fixed(_ lo: Double, _ hi: Double, _ other: [String] = []) -> PenaltyRange {
            PenaltyRange(fineBasis: .fixed, minimum: lo, maximum: hi, otherPenalties: other)
        }
        let bands: [(Double, Double?, String)] = [
            (0, 10000, "不足一万元"), (10000, 50000, "一万元以上不足五万元"), (50000, nil, "五万元以上"),
        ]
        var out: [(DiscretionBenchmark, CivilDate)] = []
        let eff = CivilDate(year: 2024, month: 3, day: 1)!
        for (i, p) in penaltyNames.enumerated() {
            let code = String(format: "339901-CF-%05d", i + 1)
            let statute = "\(p.2)\(p.3)"
            let exempt = [2, 5, 6, 7, 11].contains(i)  // 包容免罚清单: minor first violations
            var tiers = [
                DiscretionTier(
                    kind: .noPenalty, circumstances: "初次违法且危害后果轻微并及时改正的；违法行为轻微并及时改正，没有造成危害后果的",
                    range: PenaltyRange(fineBasis: .none))
            ]
            if i < 2 {
                // Fines by goods value (食品安全法 第一百二十四条: 货值金额不足一万元的，并处五万元以上十万元以下罚款；一万元以上的，并处货值金额十倍以上二十倍以下罚款).
                tiers += [
                    DiscretionTier(
                        kind: .mitigated, circumstances: "具有法定减轻情节",
                        range: fixed(20000, 50000, ["没收违法所得", "没收违法生产经营的食品"])),
                    DiscretionTier(
                        kind: .lighter, circumstances: "货值金额\(bands[0].2)", measureFrom: 0, measureTo: 10000,
                        range: fixed(50000, 70000, ["没收违法所得", "没收违法生产经营的食品"])),
                    DiscretionTier(
                        kind: .ordinary, circumstances: "货值金额\(bands[1].2)", measureFrom: 10000, measureTo: 50000,
                        range: PenaltyRange(
                            fineBasis: .goodsValue, minimum: 10, maximum: 15, otherPenalties: ["没收违法所得"])),
                    DiscretionTier(
                        kind: .heavier, circumstances: "货值金额\(bands[2].2)，或造成严重后果", measureFrom: 50000,
                        range: PenaltyRange(
                            fineBasis: .goodsValue, minimum: 15, maximum: 20, otherPenalties: ["没收违法所得", "吊销许可证"])),
                ]
                out.append(
                    (
                        DiscretionBenchmark(
                            code: "QH-CF-\(String(format: "%03d", i + 1))", powerItemCode: code,
                            violation: p.1.replacingOccurrences(of: "对", with: "").replacingOccurrences(
                                of: "的行政处罚", with: ""),
                            violatedArticle: p.2 + "第三十四条", penaltyArticle: statute, measure: "货值金额", measureUnit: "元",
                            firstViolationExempt: exempt, tiers: tiers), eff
                    ))
            } else {
                let base = Double([2000, 5000, 10000, 20000, 1000, 3000, 5000, 10000, 20000, 2000][i % 10])
                tiers += [
                    DiscretionTier(
                        kind: .lighter, circumstances: "违法次数1次，及时整改", measureFrom: 0, measureTo: 2,
                        range: fixed(base * 0.5, base * 0.8, ["警告"])),
                    DiscretionTier(
                        kind: .ordinary, circumstances: "违法次数2次，或经责令改正逾期未改正", measureFrom: 2, measureTo: 3,
                        range: fixed(base * 0.8, base * 1.5)),
                    DiscretionTier(
                        kind: .heavier, circumstances: "违法次数3次以上，或造成较大社会影响", measureFrom: 3,
                        range: fixed(base * 1.5, base * 2.5, i == 10 ? ["责令停产停业"] : [])),
                ]
                out.append(
                    (
                        DiscretionBenchmark(
                            code: "QH-CF-\(String(format: "%03d", i + 1))", powerItemCode: code,
                            violation: p.1.replacingOccurrences(of: "对", with: "").replacingOccurrences(
                                of: "的行政处罚", with: ""),
                            violatedArticle: statute, penaltyArticle: statute, measure: "违法次数", measureUnit: "次",
                            firstViolationExempt: exempt, tiers: tiers), eff
                    ))
            }
        }
        _ = try await Benchmarks.saveMany(out, in: tx)
    }
}
