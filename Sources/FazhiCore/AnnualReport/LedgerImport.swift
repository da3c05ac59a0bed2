import Foundation

/// 台账 entries read from a sheet (a 统计 clerk's Excel of 单位填报指标, a year's exam list): one column per field,
/// headed by the field's label after 单位 and the date, every row checked as the form checks it; the first fault
/// refuses the whole sheet, naming its row and column.
extension LedgerKind {
    /// The sheet's header.
    public var importColumns: [String] { ["单位", dateLabel] + fields.map(\.label) }

    /// The entries the rows describe (the first row the header). `units` are the units the importer may enter for,
    /// by name; a choice is given by its label or its value; a date as 2026-12-31, 2026/12/31 or an Excel day number.
    public func parseRows(
        _ rows: [[String]], units: [String: UUID], by: String, today: CivilDate
    ) throws -> [(row: Int, entry: LedgerEntry)] {
        let header = (rows.first ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        guard Array(header.prefix(importColumns.count)) == importColumns else {
            throw DomainError.invalid(field: "file", message: "第1行应为表头：\(importColumns.joined(separator: "、"))")
        }
        guard rows.count <= 5001 else { throw DomainError.invalid(field: "file", message: "一次导入不超过5000行") }
        var out: [(row: Int, entry: LedgerEntry)] = []
        var seen: [String: Int] = [:]
        for (i, raw) in rows.dropFirst().enumerated() {
            let r = (0..<importColumns.count).map {
                $0 < raw.count ? raw[$0].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            }
            if r.allSatisfy(\.isEmpty) { continue }
            let line = i + 2
            func fail(_ column: Int, _ why: String) -> DomainError {
                .invalid(field: "file", message: "第\(line)行“\(importColumns[column])”：\(why)")
            }
            guard let unit = units[r[0]] else { throw fail(0, "“\(r[0].prefix(40))”不是您可以登记的单位（填写单位全称）") }
            guard let on = Self.date(r[1]) else { throw fail(1, "应为日期，如 \(today.description)") }
            var values: [String: String] = [:]
            for (j, f) in fields.enumerated() {
                values[f.id] = f.value(forImported: r[j + 2])
            }
            do {
                let e = try checked(LedgerEntry(unitID: unit, kind: id, on: on, values: values, by: by), today: today)
                // The same row twice is one record entered twice (a course's hours counted twice).
                let key = e.sameKey
                if let first = seen[key] { throw DomainError.invalid(field: "file", message: "第\(line)行与第\(first)行相同") }
                seen[key] = line
                out.append((line, e))
            } catch let e as DomainError {
                guard case .invalid(let field, let message) = e, field != "file",
                    let column = field == "on" ? 1 : fields.firstIndex(where: { $0.id == field }).map({ $0 + 2 })
                else { throw DomainError.invalid(field: "file", message: "第\(line)行：\(e.message)") }
                throw fail(column, message)
            }
        }
        guard !out.isEmpty else { throw DomainError.invalid(field: "file", message: "表中没有记录") }
        return out
    }

    /// "2026-12-31", "2026/12/31", "2026.12.31", or an Excel day number (46022 is 2025-12-31).
    static func date(_ s: String) -> CivilDate? {
        let parts = s.split(whereSeparator: { "-/.年月日".contains($0) }).map { Int($0) }
        if parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], (1000...9999).contains(y) {
            return CivilDate(year: y, month: m, day: d)
        }
        if let n = Int(s), (36_526...73_050).contains(n), let epoch = CivilDate(year: 1899, month: 12, day: 30) {
            return epoch.adding(days: n)
        }
        return nil
    }
}

extension LedgerEntry {
    /// What makes two entries the same record: unit, date and values, whitespace and list separators aside.
    public var sameKey: String {
        func bare(_ v: String) -> String {
            String(v.unicodeScalars.filter { !$0.properties.isWhitespace && !";；".unicodeScalars.contains($0) })
        }
        return
            ([unitID.uuidString, on.description]
            + values.sorted { $0.key < $1.key }.map { "\($0.key)=\(bare($0.value))" })
            .joined(separator: "\u{1F}")
    }
}

extension LedgerField {
    /// A cell as the field's value: a choice's label read as its value; a list's items split on "；" as well as lines.
    func value(forImported cell: String) -> String {
        switch kind {
        case .choice(let choices):
            let bare = cell.split(separator: "（").first.map(String.init) ?? cell
            return choices.first { $0.label == cell || $0.value == cell || $0.label.hasPrefix(bare + "（") }?.value
                ?? cell
        case .lines, .certificates, .scores:
            return cell.replacingOccurrences(of: "；", with: "\n").replacingOccurrences(of: ";", with: "\n")
        default:
            return cell
        }
    }
}
