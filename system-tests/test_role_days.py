"""Each role's day in the demo, in a real browser at phone width (issue 15): the officer drafts the 立案审批表 on a
phone and the head files it from their 待办 (the 立案号 comes with the approval); the officer proposes with the
benchmark picked and the range computed; the reviewer passes it from their 待办; the head decides from theirs; the 复议
clerk accepts from theirs; the 司法局 supervisor finds their own next steps on their 工作台; the supervisor sees every body (those with no case too) and exports a workbook
whose numbers are numbers and sum to its 合计 row, read back with a real spreadsheet reader (openpyxl)."""
import io
import re
import urllib.request

import openpyxl
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_browser import browser, renders_in_libreoffice, shot
from test_case_browser import login, take


def county_id(d, app):
    """The county government's id, as the report page's unit picker offers it."""
    d.get(app.url("/console/annual-report"))
    return re.search(r'<option value="([0-9A-F-]{36})"[^>]*>清河县人民政府</option>', d.page_source).group(1)


def desk(d, app, name):
    """The user's 工作台 at phone width, looked at and kept as a screenshot."""
    d.get(app.url("/console"))
    WebDriverWait(d, 20).until(EC.title_contains("工作台"))
    shot(d, name)
    return d.page_source


def test_each_role_finds_its_next_steps(fazhi_sqlite):
    app = fazhi_sqlite
    app.start()
    officer, head = browser(390, 844, phone=True), browser(390, 844, phone=True)
    try:
        # The officer registers a case and drafts the 立案审批表 (拟立案) on a phone.
        login(officer, app, "scj.zhifa1")
        desk(officer, app, "30-officer-desk-phone")
        officer.get(app.url("/console/cases"))
        officer.find_element(By.CSS_SELECTOR, "#open-case button").click()
        WebDriverWait(officer, 20).until(EC.presence_of_element_located((By.ID, "form-draft_filing")))
        case_url = officer.current_url
        # The power item is looked up in the body's 权责清单 (code or name), not typed from memory.
        options = officer.find_element(By.ID, "draft_filing-powerItemCode-options").get_attribute("innerHTML")
        assert "339901-CF-00001" in options
        take(officer, case_url, "draft_filing", {
            "source": "complaint", "powerItemCode": "339901-CF-00001", "partyName": "清河县某某小吃店",
            "partyKind": "organisation", "partyAddress": "清河县城关镇人民路8号", "summary": "无证经营",
            "violationOn": "2026-11-01", "filingOpinion": "经现场核查，无证经营属实，建议立案"})
        assert "清河县某某小吃店" in officer.page_source

        # The head finds it in 待办 and files it from the form the draft filled in.
        login(head, app, "scj.juzhang")
        page = desk(head, app, "31-head-desk-phone")
        assert "待立案审批：清河县某某小吃店" in page
        head.find_element(By.PARTIAL_LINK_TEXT, "待立案审批：清河县某某小吃店").click()
        WebDriverWait(head, 20).until(EC.presence_of_element_located((By.ID, "form-file_case")))
        form = head.find_element(By.ID, "form-file_case")
        assert form.find_element(By.NAME, "partyName").get_attribute("value") == "清河县某某小吃店"
        take(head, head.current_url, "file_case", {})
        assert "调查取证" in head.find_element(By.ID, "case-state").text
        # The 立案号 comes with the approval (registered 登, numbered 立 when filed: 行政处罚法 第五十四条).
        number = head.find_element(By.TAG_NAME, "h1").text
        assert number.startswith("清市监立"), number
        assert "待立案审批：清河县某某小吃店" not in desk(head, app, "32-head-desk-after-phone")

        # The officer takes the evidence and proposes with the item's 裁量基准 picked from its list (货值金额 3,000 元 →
        # 50,000–70,000 元); a fine below the range needs its reason and sends the proposal to 法制审核 (第三十四条、第五十八条).
        take(officer, case_url, "record_evidence", {
            "evidenceKind": "inspection", "evidenceSummary": "现场检查，无营业执照经营", "partySignature": "signed",
            "certificateShown": True}, officers=2)
        form = officer.find_element(By.ID, "form-propose")
        picker = form.find_element(By.NAME, "benchmarkCode")
        assert "QH-CF-001" in picker.get_attribute("innerHTML"), "the item's benchmarks are offered, not typed"
        take(officer, case_url, "propose", {
            "violationFacts": "未取得营业执照从事经营", "penaltyBasis": "《无证无照经营查处办法》第十三条", "penaltyKinds.罚款": True,
            "fineAmount": "30000", "benchmarkCode": "QH-CF-001", "measureValue": "3000", "goodsValue": "3000",
            "outsideBenchmarkReason": "当事人系初次违法且积极配合调查"})
        page = officer.page_source
        assert "裁量档次" in page and "50000" in page and "70000" in page, "the computed tier and range are shown"
        assert "拟处罚超出裁量基准幅度" in page, "the deviation is a reason for 法制审核"
        take(officer, case_url, "notify", {"noticeMethod": "direct"})
        take(officer, case_url, "waive", {"waiverDocument": "当事人书面放弃陈述、申辩"})
        shot(officer, "37-officer-case-notified-phone")
    finally:
        officer.quit()
        head.quit()

    # The reviewer finds the proposal in 待办 and passes it; then the head finds it ready to decide and decides.
    reviewer, head = browser(390, 844, phone=True), browser(390, 844, phone=True)
    try:
        login(reviewer, app, "scj.fazhi")
        page = desk(reviewer, app, "38-reviewer-desk-phone")
        assert "待法制审核：" + number in page
        assert "缴纳罚款" not in page, "the head's and the officer's periods are not the reviewer's"
        reviewer.find_element(By.PARTIAL_LINK_TEXT, "待法制审核：" + number).click()
        WebDriverWait(reviewer, 20).until(EC.presence_of_element_located((By.ID, "form-legal_review_pass")))
        take(reviewer, reviewer.current_url, "legal_review_pass", {"reviewOpinion": "事实清楚，证据确凿，不按基准的理由成立"})
        assert "待法制审核：" + number not in desk(reviewer, app, "39-reviewer-desk-after-phone")

        login(head, app, "scj.juzhang")
        assert "可作出决定：" + number in desk(head, app, "40-head-desk-decide-phone")
        head.find_element(By.PARTIAL_LINK_TEXT, "可作出决定：" + number).click()
        WebDriverWait(head, 20).until(EC.presence_of_element_located((By.ID, "form-decide")))
        form = head.find_element(By.ID, "form-decide")
        assert form.find_element(By.NAME, "fineAmount").get_attribute("value") == "30000", "pre-filled from the proposal"
        take(head, head.current_url, "decide", {"outcome": "penalty", "decisionReasons": "事实清楚，证据确凿，裁量理由充分"})
        assert "已决定" in head.find_element(By.ID, "case-state").text
    finally:
        reviewer.quit()
        head.quit()

    others = browser(390, 844, phone=True)
    try:
        # The legal reviewer, the supervisor and the 复议 clerk each see a 工作台 of their own.
        login(others, app, "scj.fazhi")
        assert "待办" in desk(others, app, "33-reviewer-desk-phone")
        others.delete_all_cookies()
        login(others, app, "sfj.fuyi")
        clerk = desk(others, app, "34-reconsideration-desk-phone")
        assert "清政复" in clerk and "执投" not in clerk, "the 复议 clerk's own items, not the complaint desk's"
        # The clerk accepts an application from 待办 before silence makes it accepted (行政复议法 第三十条).
        others.find_element(By.PARTIAL_LINK_TEXT, "受理审查").click()
        WebDriverWait(others, 20).until(EC.presence_of_element_located((By.ID, "form-accept")))
        accepted = others.find_element(By.TAG_NAME, "h1").text
        take(others, others.current_url, "accept", {"track": "ordinary"})
        assert "受理审查" not in others.find_element(By.ID, "case-state").text
        assert accepted + " " not in desk(others, app, "34b-reconsideration-desk-after-phone")
        others.delete_all_cookies()
        login(others, app, "sfj.jiandu")
        desk(others, app, "35-supervisor-desk-phone")

        # Every body, those with no case too; the workbook's numbers are numbers and sum to 合计.
        others.get(app.url("/console/statistics?year=2026"))
        assert "清河县教育局" in others.page_source and "body-chart" in others.page_source
        shot(others, "36-supervisor-statistics-phone")
        cookie = "; ".join("%s=%s" % (c["name"], c["value"]) for c in others.get_cookies())
        data = urllib.request.urlopen(urllib.request.Request(
            app.url("/console/statistics?year=2026&format=xlsx"), headers={"Cookie": cookie})).read()
        # The county's 年度法治政府建设情况报告 as the supervisor drafts it: five parts, figures linked to their records;
        # the .docx opens in LibreOffice.
        others.get(app.url("/console/annual-report?unit=" + county_id(others, app)))
        page = others.page_source
        assert "一、主要举措和成效" in page and "五、其他需要报告的情况" in page and 'class="figure"' in page
        shot(others, "41-annual-report-phone")
        report = urllib.request.urlopen(urllib.request.Request(
            app.url("/console/annual-report?format=docx&unit=" + county_id(others, app)), headers={"Cookie": cookie})).read()
        # Part 三 drafted from the county head's own 第一责任人 records; the units' reports listed with their state.
        assert "主要负责人认真履行推进法治建设第一责任人职责" in page and 'id="members"' in page
        # The 考核: the ranking, its chart and its export, whose parts add up to each unit's total.
        others.get(app.url("/console/assessment?year=2026"))
        assert "assessment-chart" in others.page_source and "法治督察" in others.page_source
        shot(others, "42-assessment-phone")
        scores = urllib.request.urlopen(urllib.request.Request(
            app.url("/console/assessment?year=2026&format=xlsx"), headers={"Cookie": cookie})).read()
    finally:
        others.quit()
    assert report[:2] == b"PK"
    renders_in_libreoffice(report, "report")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert "导出时间" in str(rows[0]), rows[0]
    header, bodies, total = rows[1], rows[2:-1], rows[-1]
    assert total[0] == "合计" and any(r[0] == "清河县教育局" for r in bodies)
    column = header.index(next(h for h in header if h and "立案" in h))
    assert all(isinstance(r[column], (int, float)) for r in bodies + [total]), "numbers, not text"
    assert sum(r[column] for r in bodies) == total[column]
    ranking = [[c.value for c in r] for r in openpyxl.load_workbook(io.BytesIO(scores)).worksheets[0].iter_rows()]
    head = ranking[0]
    total = head.index("总分")
    assert head[0] == "名次" and "等次" in head, head
    for row in ranking[1:]:
        parts = [float(v) for v in row[2:total]]
        assert abs(sum(parts) - float(row[total])) < 0.011, row
