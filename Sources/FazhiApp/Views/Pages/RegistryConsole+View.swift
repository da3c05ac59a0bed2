import FazhiCore
import FazhiStore
import Foundation

/// The registry console pages: 执法主体 (and the form to register or confirm one), 执法人员 with their alerts, one
/// officer with the forms to change them and their training hours.
enum RegistryConsoleViews {
    static func officerFields(bodies: [EnforcementBodyRow], _ o: OfficerRow?) -> HTML {
        let statusOptions = HTML.join(
            CertificateStatus.allCases.map { s in
                "<option value=\"\(s.rawValue)\"\(HTML(raw: o?.certificateStatus == s.rawValue ? " selected" : ""))>\(s.chineseName)</option>"
            })
        return """
            <div class="grid2">
            <div><label for="name">姓名</label><input id="name" name="name" required maxlength="30" value="\(o?.name)"></div>
            <div><label for="gender">性别</label><select id="gender" name="gender"><option\(HTML(raw: o?.gender == "女" ? "" : " selected"))>男</option><option\(HTML(raw: o?.gender == "女" ? " selected" : ""))>女</option></select></div>
            <div><label for="idNumber">身份证号（不公开）</label><input id="idNumber" name="idNumber" required maxlength="18" value="\(o?.idNumber)"></div>
            <div><label for="bodyId">执法主体</label><select id="bodyId" name="bodyId">\(RegistryViews.bodyOptions(bodies, selected: o?.bodyId, allLabel: nil))</select></div>
            <div><label for="post">岗位</label><input id="post" name="post" value="\(o?.post)"></div>
            <div><label for="certificateNumber">执法证号</label><input id="certificateNumber" name="certificateNumber" required value="\(o?.certificateNumber)"></div>
            <div><label for="certificateCategory">执法类别</label><input id="certificateCategory" name="certificateCategory" required value="\(o?.certificateCategory)"></div>
            <div><label for="certificateRegion">执法区域</label><input id="certificateRegion" name="certificateRegion" required value="\(o?.certificateRegion ?? "清河县")"></div>
            <div><label for="certificateIssuedOn">发证日期</label><input id="certificateIssuedOn" name="certificateIssuedOn" type="date" required value="\(o?.certificateIssuedOn)"></div>
            <div><label for="certificateExpiresOn">有效期至</label><input id="certificateExpiresOn" name="certificateExpiresOn" type="date" required value="\(o?.certificateExpiresOn)"></div>
            <div><label for="certificateStatus">证件状态</label><select id="certificateStatus" name="certificateStatus">\(statusOptions)</select></div>
            <div><label for="examScore">资格考试成绩</label><input id="examScore" name="examScore" inputmode="decimal" value="\(o?.examScore.map(Yuan.number))"></div>
            <div><label><input type="checkbox" name="legalQualification"\(HTML(raw: o?.legalQualification == true ? " checked" : ""))> 具有法律职业资格</label></div>
            <div><label for="legalCertificateNumber">法律职业资格证书编号</label><input id="legalCertificateNumber" name="legalCertificateNumber" value="\(o?.legalCertificateNumber)"></div>
            </div>
            """
    }

    /// `organisations`: the choices when the user may register or confirm bodies.
    static func bodies(
        _ bodies: [EnforcementBodyRow], today: CivilDate, organisations: [(UUID, String)]?, csrf: String
    ) -> HTML {
        let table = DataTable(
            columns: ["执法主体", "类型", "执法领域", "执法依据", "确认日期", "公告文号"].map { .init($0) },
            rows: bodies.map { b in
                let ok = b.domain.isConfirmed(on: today)
                let kind =
                    (EnforcementBodyKind(rawValue: b.kind)?.chineseName ?? "")
                    + (b.entrustingOrganisationName.map { "（委托机关：\($0)）" } ?? "")
                let confirmed: HTML =
                    "\(HTML(raw: ok ? "" : "<span class=\"due overdue\">未确认</span> "))\(b.confirmedOn ?? "")"
                return [
                    .text(b.organisationName), .text(kind), .text(b.scope), .text(b.legalBasis),
                    DataTable.Cell(confirmed), .text(b.announcementDocument),
                ]
            }, empty: "尚未登记执法主体。"
        ).render()
        var form: HTML = ""
        if let organisations {
            let opts = HTML.join(organisations.map { "<option value=\"\($0.0.uuidString)\">\($0.1)</option>" as HTML })
            let kinds = HTML.join(
                EnforcementBodyKind.allCases.map {
                    "<option value=\"\($0.rawValue)\">\($0.chineseName)</option>" as HTML
                })
            form = """
                <h2>登记或更新执法主体</h2>
                \(PostForm(action: SitePath.bodies.path, csrf: csrf, content: """
                    <label for="organisationId">机关/组织</label><select id="organisationId" name="organisationId">\(opts)</select>
                    <label for="kind">主体类型</label><select id="kind" name="kind">\(kinds)</select>
                    <label for="entrustingOrganisationId">委托机关（仅委托执法）</label><select id="entrustingOrganisationId" name="entrustingOrganisationId"><option value="">（无）</option>\(opts)</select>
                    <label for="legalBasis">执法依据</label><input id="legalBasis" name="legalBasis" required>
                    <label for="scope">执法领域</label><input id="scope" name="scope" required placeholder="如：市场监管、食品安全">
                    <label for="confirmedOn">确认日期（未确认可暂不填）</label><input id="confirmedOn" name="confirmedOn" type="date">
                    <label for="announcementDocument">公告文号</label><input id="announcementDocument" name="announcementDocument" placeholder="如：清政告〔2026〕1号">
                    """, submit: "保存").render())
                """
        }
        return """
            <p>共 \(bodies.count) 个执法主体。只有经确认并公告的主体才能立案办案；公示见 <a href="/bodies">门户·执法主体</a>。</p>
            \(table)\(form)
            """
    }

    /// `newForm`: the bodies the user may add officers to, when there are any.
    static func officers(
        _ list: [(OfficerRow, [OfficerAlert])], today: CivilDate, query q: String, alert: String, body: UUID?,
        bodies: [EnforcementBodyRow],
        target: Double, newForm: [EnforcementBodyRow]?, csrf: String
    ) -> HTML {
        let table = DataTable(
            columns: ["姓名", "执法主体", "执法证号", "执法类别", "状态", "有效期至", "法律职业资格"].map { .init($0) }
                + [.init("\(String(today.year))年学时", numeric: true), .init("可以办案"), .init("提醒")],
            rows: list.map { (o, alerts) in
                let el = o.profile.eligibility(on: today)
                let alertText = HTML.join(
                    alerts.map { a -> HTML in
                        let cls: String = {
                            if case .expired = a { return "overdue" }; return "soon"
                        }()
                        return "<span class=\"due \(HTML(raw: cls))\">\(a.text)</span> "
                    })
                let hours = o.totalHours ?? 0
                return [
                    .link(o.name, .officer(o.id)), .text(o.bodyName), .text(o.certificateNumber, class: "mono"),
                    .text(o.certificateCategory),
                    .text(CertificateStatus(rawValue: o.certificateStatus)?.chineseName),
                    DataTable.Cell("\(o.certificateExpiresOn)", sort: o.certificateExpiresOn),
                    .text(o.legalQualification ? "是" : "否"),
                    DataTable.Cell(
                        "\(o.totalHours.map(Yuan.number) ?? "0")",
                        sort: String(hours.isFinite && hours < 1e9 ? Int(hours) : 0), class: "num"),
                    .text(el.isEligible ? "可以" : "不可以"), DataTable.Cell(alertText),
                ]
            }, empty: "没有符合条件的执法人员。"
        ).render()
        let form: HTML =
            newForm.map { bodies in
                "<details class=\"card\"><summary>新增执法人员</summary>\(PostForm(action: SitePath.officers.path, cssClass: "", csrf: csrf, content: officerFields(bodies: bodies, nil), submit: "保存").render())</details>"
            } ?? ""
        func option(_ value: String, _ label: String) -> HTML {
            "<option value=\"\(value)\"\(HTML(raw: alert == value ? " selected" : ""))>\(label)</option>"
        }
        return """
            <form method="get" action="\(SitePath.officers.path)" class="card search"><label for="q">姓名、证号或单位</label><input id="q" name="q" value="\(q)">
            <label for="body">执法主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: body))</select>
            <label for="alert">提醒</label><select id="alert" name="alert"><option value="">全部</option>\(option("expiring", "证件30日内到期"))\(option("expired", "证件已过期"))\(option("training", "培训学时不足"))</select>
            <button type="submit">筛选</button></form>
            <p>\(list.count) 名。“可以办案”按行政处罚法第四十二条、第七十六条：持有效、未过期、在岗的执法证。年度培训目标 \(Yuan.number(target)) 学时（可配置）。
            <a href="/console/export/officers.xlsx">导出 Excel</a> · <a href="\(SitePath.importExport.path)">批量导入</a></p>\(form)
            \(table)
            """
    }

    /// `editable`: the bodies the officer may be moved to, when the user may change them.
    static func officer(
        _ o: OfficerRow, eligibility el: OfficerEligibility, alerts: [OfficerAlert], editable: [EnforcementBodyRow]?,
        today: CivilDate, csrf: String
    ) -> HTML {
        let base = SitePath.officer(o.id).path
        let edit: HTML =
            editable.map { bodies in
                """
                <h2>修改</h2>\(PostForm(action: base, csrf: csrf, content: officerFields(bodies: bodies, o), submit: "保存修改").render())
                <h2>登记培训学时</h2>\(PostForm(action: "\(base)/training", csrf: csrf, content: """
                <label for="trainingYear">年度</label><input id="trainingYear" name="trainingYear" value="\(String(today.year))" inputmode="numeric">
                <label for="trainingHours">学时（全年累计）</label><input id="trainingHours" name="trainingHours" inputmode="decimal" value="\(o.trainingHours.map(Yuan.number))">
                """, submit: "保存学时").render())
                """
            } ?? ""
        let eligible: String = {
            if case .notEligible(let r, let a) = el { return "不可以：\(r)（依据：\(a)）" }; return "可以（证件有效）"
        }()
        return """
            <dl class="card facts"><dt>执法主体</dt><dd>\(o.bodyName)</dd><dt>身份证号</dt><dd class="mono">\(PersonalData.maskIDNumber(o.idNumber))</dd><dt>执法证</dt><dd class="mono">\(o.certificateNumber)（\(o.certificateIssuedOn) 至 \(o.certificateExpiresOn)，\(CertificateStatus(rawValue: o.certificateStatus)?.chineseName ?? "")）</dd>
            <dt>可以办案</dt><dd>\(eligible)</dd>
            <dt>提醒</dt><dd>\(alerts.isEmpty ? "无" : alerts.map(\.text).joined(separator: "；"))</dd></dl>\(edit)
            """
    }
}
