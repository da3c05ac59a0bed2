"""网上申请政府信息公开 in a real browser (headless Chromium): a citizen requests information on a phone and gets a
receipt with the answer date; the 市场监管局's 政府信息公开 staff answer in part in the console; the citizen then reads
the answer, the part withheld and the rights notice on the status page. The year's report is built as .docx (and, where
LibreOffice is installed, converted to PDF as an office would print it)."""
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_browser import browser, renders_in_libreoffice, shot
from test_case_browser import login, take


def test_citizen_requests_information_and_reads_the_partial_answer(fazhi_sqlite):
    app = fazhi_sqlite
    app.start()
    citizen, staff = browser(390, 844, phone=True), browser()
    try:
        citizen.get(app.url("/disclosure"))
        form = citizen.find_element(By.ID, "apply-form")
        Select(form.find_element(By.NAME, "office")).select_by_visible_text("清河县市场监督管理局")
        for name, value in {"applicantName": "李四光", "applicantIDNumber": "11010519491231002X",
                            "applicantPhone": "13812345678", "applicantAddress": "清河县城关镇人民路8号",
                            "applicantEmail": "lisiguang@example.cn",
                            "informationDescription": "2026年第三季度食品安全监督抽检结果"}.items():
            form.find_element(By.NAME, name).send_keys(value)
        Select(form.find_element(By.NAME, "applicantKind")).select_by_value("citizen")
        Select(form.find_element(By.NAME, "requestedForm")).select_by_value("electronic")
        Select(form.find_element(By.NAME, "delivery")).select_by_value("email")
        shot(citizen, "disclosure-apply-phone")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "receipt")))
        tracking = citizen.find_element(By.ID, "tracking-number").text
        secret = citizen.find_element(By.ID, "secret").text
        assert tracking.startswith("GK") and len(secret) == 8
        assert "二十个工作日" in citizen.page_source
        # The phone shows the form without sideways scrolling.
        assert citizen.execute_script("return document.documentElement.scrollWidth") <= 390 + 1
        shot(citizen, "disclosure-receipt-phone")

        login(staff, app, "scj.gongkai")
        staff.get(app.url("/console/cases?procedure=disclosure"))
        link = staff.find_element(By.XPATH, "//a[contains(@href, '/console/cases/')][ancestor::tr[contains(., '李四光')]]")
        case_url = link.get_attribute("href")
        staff.get(case_url)
        assert "办理中" in staff.find_element(By.ID, "case-state").text
        take(staff, case_url, "answer", {
            "answerType": "partial", "answerGround": "third_party", "answerReason": "抽检报告中含有企业配方，属于商业秘密",
            "informationProvided": "抽检结果汇总表（已发送至申请人邮箱）", "withheldParts": "企业配方（2处）"})
        assert "已答复" in staff.find_element(By.ID, "case-state").text
        shot(staff, "disclosure-case-answered")

        citizen.get(app.url("/disclosure/status"))
        citizen.find_element(By.ID, "number").send_keys(tracking)
        citizen.find_element(By.ID, "secret").send_keys(secret)
        citizen.find_element(By.CSS_SELECTOR, "#status-form button").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "answer")))
        answer = citizen.find_element(By.ID, "answer").text
        assert "政府信息部分公开告知书" in answer and "企业配方（2处）" in answer and "申请行政复议" in answer
        assert "13812345678" not in citizen.page_source
        shot(citizen, "disclosure-answer-phone")

        # The year's report as .docx, from the staff's session.
        staff.get(app.url("/console/disclosure/report"))
        assert "三、收到和处理政府信息公开申请情况" in staff.page_source
        shot(staff, "disclosure-report")
        cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in staff.get_cookies())
        req = urllib.request.Request(app.url("/console/disclosure/report?format=docx"), headers={"Cookie": cookies})
        data = urllib.request.urlopen(req).read()
        assert data[:2] == b"PK"
        renders_in_libreoffice(data, "report")
    finally:
        citizen.quit()
        staff.quit()
