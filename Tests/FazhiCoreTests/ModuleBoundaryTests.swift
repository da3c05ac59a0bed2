import Foundation
import Testing

@testable import FazhiCore

/// One capability, one folder: a procedure's id and the names its module declares appear only in that module's folders
/// (`Sources/*/Procedures/<folder>/`), so the engine, the store, the API and the console work for any procedure the
/// catalog lists. And the committed review documents (docs/procedures) are what the definitions say now.
@Suite struct ModuleBoundaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What a module owns: its folder, its procedures' ids, the type names its core folder declares.
    struct Owned { let folder: String; let ids: [String]; let names: [String] }

    /// Every use of a type a module declares in a file outside its folders, and every use of its procedure ids (as string
    /// literals) in the platform — the files outside every module folder: the engine, the store, the API, the console.
    /// (Inside another module a literal equal to an id is a vocabulary value — a 复议 decided by 调解 has the outcome
    /// "mediation" — not a reference to the procedure.)
    static func violations(files: [(path: String, text: String)], modules: [Owned]) -> [String] {
        var out: [String] = []
        for m in modules {
            let inside = "/Procedures/\(m.folder)/"
            let ids = m.ids.map { NSRegularExpression.escapedPattern(for: "\"\($0)\"") }
            let names = m.names.map { "\\b" + NSRegularExpression.escapedPattern(for: $0) + "\\b" }
            // Migrations are history: they keep the shapes of their day and are never changed.
            for f in files where !f.path.contains(inside) && !f.path.contains("/Migrations/") {
                let platform = !f.path.contains("/Procedures/")
                guard let re = try? NSRegularExpression(pattern: (names + (platform ? ids : [])).joined(separator: "|"))
                else { continue }
                for (n, line) in f.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let s = String(line)
                    if s.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                    if let hit = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)),
                        let r = Range(hit.range, in: s)
                    {
                        out.append("\(f.path):\(n + 1): \(s[r]) belongs to Procedures/\(m.folder)")
                    }
                }
            }
        }
        return out
    }

    static func swiftFiles(under dir: URL) -> [(path: String, text: String)] {
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        var out: [(String, String)] = []
        while let u = e?.nextObject() as? URL {
            guard u.pathExtension == "swift", let t = try? String(contentsOf: u, encoding: .utf8) else { continue }
            out.append((u.path.replacingOccurrences(of: root.path, with: ""), t))
        }
        return out
    }

    /// The types a module's core folder declares (`enum X`, `struct X`, … at the start of a line).
    static func declaredNames(folder: String) -> [String] {
        let dir = root.appendingPathComponent("Sources/FazhiCore/Procedures/\(folder)")
        let re = try! NSRegularExpression(
            pattern: #"^(?:public )?(?:enum|struct|final class|class|protocol) ([A-Za-z]+)"#,
            options: .anchorsMatchLines)
        return swiftFiles(under: dir).flatMap { f in
            re.matches(in: f.text, range: NSRange(f.text.startIndex..., in: f.text)).compactMap {
                Range($0.range(at: 1), in: f.text).map { String(f.text[$0]) }
            }
        }
    }

    @Test func noProcedureIsNamedOutsideItsFolder() {
        let modules = ProcedureCatalog.modules.map {
            Owned(folder: $0.folder, ids: $0.procedureIDs, names: Self.declaredNames(folder: $0.folder))
        }
        #expect(
            modules.allSatisfy { !$0.names.isEmpty },
            "every module declares its procedures in Sources/FazhiCore/Procedures/<folder>/")
        let found = Self.violations(
            files: Self.swiftFiles(under: Self.root.appendingPathComponent("Sources")), modules: modules)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func theCheckerFindsAViolation() {
        let owned = [Owned(folder: "Mediation", ids: ["mediation"], names: ["MediationProcedure"])]
        let files = [
            (path: "/Sources/FazhiStore/Cases/CaseStore.swift", text: "let x = 1\nif def.id == \"mediation\" { }\n"),
            (
                path: "/Sources/FazhiApp/Controllers/X.swift",
                text: "// MediationProcedure in a comment is fine\nlet d = MediationProcedure.definition(s)\n"
            ),
            (
                path: "/Sources/FazhiCore/Procedures/Mediation/MediationProcedure.swift",
                text: "public enum MediationProcedure { static let id = \"mediation\" }\n"
            ),
            (
                path: "/Sources/FazhiCore/Procedures/Reconsideration/Outcomes.swift",
                text: "let outcome = Choice(\"mediation\", \"调解\")\nlet m = MediationProcedure.id\n"
            ),
        ]
        let found = Self.violations(files: files, modules: owned)
        #expect(found.count == 3)
        #expect(
            found.contains(
                "/Sources/FazhiCore/Procedures/Reconsideration/Outcomes.swift:2: MediationProcedure belongs to Procedures/Mediation"
            ))
        #expect(found.first?.hasPrefix("/Sources/FazhiStore/Cases/CaseStore.swift:2:") == true)
    }

    @Test func reviewDocumentsAreCurrent() throws {
        let dir = Self.root.appendingPathComponent(ProcedureReview.folder)
        var committed: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
            committed[name] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        let stale = ProcedureReview.stale(committed: committed, generated: ProcedureReview.documents())
        #expect(stale.isEmpty, "审查稿已过时，请运行 `swift run fazhi procedures review --write docs/procedures` 并提交：\(stale)")
    }

    @Test func theStaleCheckFindsAChangedRule() {
        let generated = ProcedureReview.documents()
        var committed = Dictionary(generated.map { ($0.file, $0.text) }, uniquingKeysWith: { a, _ in a })
        #expect(ProcedureReview.stale(committed: committed, generated: generated).isEmpty)
        committed["mediation.md"] = committed["mediation.md"]?.replacingOccurrences(
            of: "人民调解法 第十三条", with: "人民调解法 第十四条")
        committed["litigation.md"] = nil
        #expect(
            Set(ProcedureReview.stale(committed: committed, generated: generated)) == ["mediation.md", "litigation.md"])
    }

    @Test func everyModuleIsSound() {
        for module in ProcedureCatalog.modules {
            #expect(module.problems().isEmpty, "\(module.folder): \(module.problems())")
        }
    }

    /// A fact the definition reads (a deadline counted from it, a fact the case page shows) that no step writes is
    /// reported; so is a declared key nothing writes.
    @Test func theDefinitionCheckFindsAFactNothingWrites() {
        let written = FactKey<CivilDate>("filedOn", "立案日期"), orphan = FactKey<CivilDate>("filedOnn", "立案日期（拼错）")
        let steps = [
            ActionDefinition("file", "立案", from: ["new"], to: "open", by: [.head], basis: "行政处罚法 第五十四条")
                .then(
                    .compute(writes: written) { c in Facts([written ~ c.date]) },
                    .startDeadline(
                        DeadlineRule("decision", "作出处罚决定", days: 90, .day, article: "行政处罚法 第六十条", fromFact: orphan.id)))
        ]
        let def = ProcedureDefinition(
            id: "t", version: 1, name: "测试", instrument: "", initial: "new",
            states: [ProcedureState("new", "新"), ProcedureState("open", "办理中")], actions: steps,
            opening: OpeningRule([.head], article: "", refusal: ""),
            numbering: CaseNumbering("测", issuer: .organisation),
            presentation: CasePresentation(party: [], shownFacts: [written.id]))
        #expect(def.problems() == ["读取的事实 filedOnn 没有任何步骤写入"])
        let module = ProcedureModule(
            folder: "T", name: "测试", procedureIDs: ["t"], definitions: { _ in [def] }, documents: [],
            facts: [written.any, orphan.any], render: { _, _ in })
        #expect(module.problems().contains("事实“立案日期（拼错）”（filedOnn）没有任何步骤写入"))
    }

    /// A number from outside is bounded: an amount of 1e308 or a day count of 1e19 is refused with the field named, a real
    /// one passes (an unbounded value once trapped the server in `Int(…)`).
    @Test func numberInputsAreBounded() throws {
        let fine = FactKey<Double>("fineAmount", "罚款金额（元）")
        let step = ActionDefinition("propose", "拟处罚", from: ["new"], to: "open", by: [.head], basis: "")
            .asks(.init(fine.id, fine.label, .number))
        let def = ProcedureDefinition(
            id: "t", version: 1, name: "测试", instrument: "", initial: "new",
            states: [ProcedureState("new", "新"), ProcedureState("open", "办理中")], actions: [step],
            opening: OpeningRule([.head], article: "", refusal: ""),
            numbering: CaseNumbering("测", issuer: .organisation),
            presentation: CasePresentation(party: [], shownFacts: []))
        let day = CivilDate(year: 2026, month: 3, day: 2)!
        func take(_ v: FactValue) throws -> CaseTransition {
            try ProcedureEngine.apply(
                def, to: ProcedureEngine.start(def, bodyID: UUID()), action: "propose", expectedVersion: 0,
                inputs: Facts([fine.id: v]),
                actor: ProcedureActor(id: UUID(), name: "局长", roles: [.head]), date: day, today: day,
                calendar: DeadlineCalculator(calendar: .shipped), settings: ProcedureSettings())
        }
        for bad: FactValue in [.number(1e308), .text("1e19"), .number(-1), .text("abc"), .number(.infinity)] {
            #expect(throws: DomainError.self) { try take(bad) }
            do { _ = try take(bad) } catch let e as DomainError { #expect(APIErrorField.field(e) == fine.id) }
        }
        #expect(try take(.text("150,000")).file.facts[fine] == 150_000)
    }

    /// A date from outside is bounded (1949-10-01 to ten years ahead): 9999-12-31 once trapped the server in a period
    /// computation; it is refused with the field named.
    @Test func dateInputsAreBounded() throws {
        let step = ActionDefinition("file_case", "立案", from: ["new"], to: "open", by: [.head], basis: "")
            .asks(.init("violationOn", "违法行为发生日期", .date))
        let today = CivilDate(year: 2026, month: 3, day: 2)!
        let head = ProcedureActor(id: UUID(), name: "局长", roles: [.head])
        for bad in ["9999-12-31", "1900-01-01", "2037-01-01"] {
            #expect(throws: DomainError.invalid(field: "violationOn", message: "“违法行为发生日期”应在1949-10-01至2036-12-31之间")) {
                _ = try ProcedureEngine.validated(
                    Facts(["violationOn": .text(bad)]), for: step, actor: head, today: today)
            }
        }
        let ok = try ProcedureEngine.validated(
            Facts(["violationOn": .text("2026-02-01")]), for: step, actor: head, today: today)
        #expect(ok["violationOn"] == .date(CivilDate(year: 2026, month: 2, day: 1)!))
    }

    /// An input the system fills (the online application's tracking number) is refused from a person.
    @Test func aSystemInputIsRefusedFromAPerson() {
        let def = ReconsiderationProcedure.definition(ProcedureSettings())
        let register = def.action("register")!
        #expect(register.inputs.contains { $0.key == ReconsiderationFact.trackingNumber.id && $0.systemOnly })
        let staff = ProcedureActor(id: UUID(), name: "复议工作人员", roles: [.reconsiderationStaff])
        #expect(throws: DomainError.invalid(field: "trackingNumber", message: "“网上申请查询号”由系统填写，不能手工填写")) {
            _ = try ProcedureEngine.validated(
                Facts(["trackingNumber": .text("FY-1")]), for: register, actor: staff,
                today: CivilDate(year: 2026, month: 3, day: 2)!)
        }
        var portal = staff
        portal.isSystem = true
        // From the portal it passes this check (the refusal, if any, is about a required field it left out).
        do {
            _ = try ProcedureEngine.validated(
                Facts(["trackingNumber": .text("FY-1")]), for: register, actor: portal,
                today: CivilDate(year: 2026, month: 3, day: 2)!)
        } catch let e as DomainError {
            #expect(APIErrorField.field(e) != "trackingNumber")
        } catch {}
    }

    /// A computation that writes a key it did not declare is refused by the engine, naming the key.
    @Test func theEngineRefusesAnUndeclaredWrite() {
        let declared = FactKey<CivilDate>("filedOn", "立案日期")
        let step = ActionDefinition("file", "立案", from: ["new"], to: "open", by: [.head], basis: "")
            .then(.compute(writes: declared) { c in Facts(["filedOnn": .date(c.date)]) })
        let def = ProcedureDefinition(
            id: "t", version: 1, name: "测试", instrument: "", initial: "new",
            states: [ProcedureState("new", "新"), ProcedureState("open", "办理中")], actions: [step],
            opening: OpeningRule([.head], article: "", refusal: ""),
            numbering: CaseNumbering("测", issuer: .organisation),
            presentation: CasePresentation(party: [], shownFacts: []))
        let day = CivilDate(year: 2026, month: 3, day: 2)!
        let calendar = DeadlineCalculator(calendar: .shipped)
        #expect(throws: DomainError.self) {
            try ProcedureEngine.apply(
                def, to: ProcedureEngine.start(def, bodyID: UUID()), action: "file", expectedVersion: 0,
                inputs: Facts(),
                actor: ProcedureActor(id: UUID(), name: "局长", roles: [.head]), date: day, today: day,
                calendar: calendar,
                settings: ProcedureSettings())
        }
    }
}

/// Markup lives in views (`Views/`, `…+View.swift`) and shared components, not in controllers. (The list of pages
/// not yet moved is empty; a page that builds markup in its controller fails here.)
@Suite struct MarkupPlacementTests {
    static let notYetMoved: Set<String> = []

    static func withMarkup(_ files: [(path: String, text: String)]) -> Set<String> {
        Set(
            files.filter { f in
                !f.path.contains("/Views/") && !f.path.hasSuffix("+View.swift")
                    && ["<table", "<form", "<td"].contains { f.text.contains($0) }
            }.map(\.path))
    }

    @Test func markupOnlyInViews() {
        let found = Self.withMarkup(
            ModuleBoundaryTests.swiftFiles(under: ModuleBoundaryTests.root.appendingPathComponent("Sources")))
        #expect(
            found.subtracting(Self.notYetMoved).isEmpty,
            "markup outside views: \(found.subtracting(Self.notYetMoved).sorted())")
        #expect(
            Self.notYetMoved.subtracting(found).isEmpty,
            "moved, take off the list: \(Self.notYetMoved.subtracting(found).sorted())")
    }

    @Test func theCheckFindsMarkupInAController() {
        let files = [
            (path: "/Sources/FazhiApp/Controllers/X.swift", text: "let h: HTML = \"<table>\""),
            (path: "/Sources/FazhiApp/Pages/X/X+View.swift", text: "let h: HTML = \"<table>\""),
        ]
        #expect(Self.withMarkup(files) == ["/Sources/FazhiApp/Controllers/X.swift"])
    }
}

/// The field a domain error names.
enum APIErrorField {
    static func field(_ e: DomainError) -> String? {
        switch e {
        case .invalid(let field, _): field
        case .refused(let field, _, _): field
        case .conflict(let field, _): field
        default: nil
        }
    }
}
