"""网上申请行政复议 in a real browser (headless Chromium): a citizen applies on the portal and gets a receipt with a
tracking number and secret; a 复议工作人员 finds the application in the console and accepts it; the citizen then sees
the new stage on the status page."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_browser import browser, shot
from test_case_browser import login, take


def test_citizen_applies_online_and_staff_accept(fazhi_sqlite):
    app = fazhi_sqlite
    app.start()
    citizen, staff = browser(390, 844, phone=True), browser()
    try:
        citizen.get(app.url("/reconsideration"))
        assert "清河县人民政府" in citizen.page_source
        form = citizen.find_element(By.ID, "apply-form")
        for name, value in {"applicantName": "张三丰", "applicantAddress": "清河县城关镇某村12号", "applicantPhone": "13812345678",
                            "actDescription": "清市监罚〔2026〕5号行政处罚决定", "requests": "撤销该行政处罚决定", "reasons": "处罚明显过重"}.items():
            form.find_element(By.NAME, name).send_keys(value)
        Select(form.find_element(By.NAME, "applicantKind")).select_by_value("citizen")
        Select(form.find_element(By.NAME, "respondent")).select_by_visible_text("清河县市场监督管理局")
        Select(form.find_element(By.NAME, "actKind")).select_by_value("penalty")
        citizen.execute_script("document.getElementById('learnedOn').value = '2026-11-10'")
        shot(citizen, "reconsideration-apply-phone")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "receipt")))
        tracking = citizen.find_element(By.ID, "tracking-number").text
        secret = citizen.find_element(By.ID, "secret").text
        assert tracking.startswith("FY") and len(secret) == 8
        shot(citizen, "reconsideration-receipt-phone")

        login(staff, app, "sfj.fuyi")
        staff.get(app.url("/console/cases?procedure=reconsideration"))
        link = staff.find_element(By.XPATH, "//a[contains(@href, '/console/cases/')][ancestor::tr[contains(., '张三丰')]]")
        case_url = link.get_attribute("href")
        staff.get(case_url)
        assert "受理审查" in staff.find_element(By.ID, "case-state").text
        take(staff, case_url, "accept", {"track": "ordinary"})
        assert "审理中" in staff.find_element(By.ID, "case-state").text
        shot(staff, "reconsideration-case-accepted")

        citizen.get(app.url("/reconsideration/status"))
        citizen.find_element(By.ID, "number").send_keys(tracking)
        citizen.find_element(By.ID, "secret").send_keys(secret)
        citizen.find_element(By.CSS_SELECTOR, "#status-form button").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "stage")))
        assert citizen.find_element(By.ID, "stage").text == "审理中"
        assert "13812345678" not in citizen.page_source
        shot(citizen, "reconsideration-status-phone")
    finally:
        citizen.quit()
        staff.quit()
