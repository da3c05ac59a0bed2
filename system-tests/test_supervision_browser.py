"""执法监督 in a real browser: the 司法局's supervisor sees every body with its open alerts, filters the repeated
inspections, opens one and issues a 行政执法监督意见书 to the body from it, serves it; the body's head, on a phone, finds the
alerts waiting in the 工作台, answers one, and reports the correction on the notice; the supervisor closes the alert
with a finding and verifies the report."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_browser import browser, shot
from test_case_browser import login, take


def submit(d, form_id):
    d.execute_script("window.__beforeSubmit = true")
    d.find_element(By.CSS_SELECTOR, "#%s button[type=submit]" % form_id).click()
    WebDriverWait(d, 20).until(lambda drv: drv.execute_script("return window.__beforeSubmit !== true && document.readyState === 'complete'"))


def test_an_alert_to_a_notice_and_back(fazhi_sqlite):
    app = fazhi_sqlite
    app.start()
    desk, phone = browser(), browser(390, 844, phone=True)
    try:
        login(desk, app, "sfj.jiandu")
        desk.get(app.url("/console/supervision"))
        shot(desk, "supervision-desktop")
        bodies = desk.find_element(By.ID, "alert-bodies").text
        assert "清河县市场监督管理局" in bodies and "清河县水利局" in bodies, "every body, zeros included"
        desk.get(app.url("/console/supervision?rule=repeat_inspection"))
        rows = desk.find_elements(By.CSS_SELECTOR, "#alerts tbody tr")
        shop = [r for r in rows if "烧烤店" in r.text][0]
        assert "已答复待核查" in shop.text
        shop.find_element(By.CSS_SELECTOR, "td a").click()
        WebDriverWait(desk, 20).until(EC.presence_of_element_located((By.ID, "close-form")))
        alert_url = desk.current_url
        # A notice about it: registered for the body, filled in on the case page.
        submit(desk, "notice-form")
        WebDriverWait(desk, 20).until(EC.presence_of_element_located((By.ID, "case-state")))
        case_url = desk.current_url.split("?")[0]
        take(desk, case_url, "issue_supervision_document", {
            "documentKind": "opinion", "subject": "短期内重复检查",
            "problems": "同一经营者一月内检查两次，未合并进行",
            "legalBasis": "国务院办公厅关于严格规范涉企行政检查的意见",
            "requirements": "同一对象的检查合并进行，建立检查计划统筹机制",
            "reportWorkdays": "10", "issuedBy": "清河县司法局",
        })
        assert "待送达" in desk.find_element(By.ID, "case-state").text
        day = desk.find_element(By.ID, "serve_supervision_document-date").get_attribute("value")
        take(desk, case_url, "serve_supervision_document", {"servedOn": day, "receiver": "市场监管局法规科 周某"})
        assert "待报送整改情况" in desk.find_element(By.ID, "case-state").text
        shot(desk, "supervision-notice-served")
        # The alert is closed with the finding.
        desk.get(alert_url)
        desk.find_element(By.ID, "closeNote").send_keys("经核查，答复属实，已制发监督意见书督促建立统筹机制")
        submit(desk, "close-form")
        assert "已关闭" in desk.find_element(By.CSS_SELECTOR, "dl.facts").text

        # The body's head on a phone: the 工作台 lists the open alerts; one is answered; the report is made.
        login(phone, app, "scj.juzhang")
        shot(phone, "supervision-head-workbench-phone")
        assert "执法监督预警待答复" in phone.page_source
        phone.get(app.url("/console/supervision"))
        assert phone.execute_script("return document.documentElement.scrollWidth") <= 390 + 1
        links = [a.get_attribute("href") for a in phone.find_elements(By.CSS_SELECTOR, "#alerts tbody td a")
                 if re.search(r"/alerts/\d+$", a.get_attribute("href") or "")]
        opened = None
        for href in links:
            phone.get(href)
            if phone.find_elements(By.ID, "answer-form"):
                opened = href
                break
        assert opened, "an alert of the body waits for its answer"
        phone.execute_script("document.getElementById('answer').value = 'explained'")
        phone.find_element(By.ID, "answerText").send_keys("该期限因当事人申请延期，已补录延期审批")
        submit(phone, "answer-form")
        shot(phone, "supervision-answered-phone")
        assert "已答复待核查" in phone.find_element(By.CSS_SELECTOR, "dl.facts").text
        take(phone, case_url, "report_correction", {
            "corrections": "两次检查已合并为季度检查计划\n建立检查前查询机制",
            "measures": "法规科每月统筹检查计划",
        })
        assert "已报送" in phone.find_element(By.ID, "case-state").text

        # The supervisor verifies.
        take(desk, case_url, "accept_correction", {"verification": "经核查，整改到位"})
        assert "已核查办结" in desk.find_element(By.ID, "case-state").text
    finally:
        desk.quit()
        phone.quit()
