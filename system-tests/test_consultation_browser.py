"""公开征求意见 in a real browser: a citizen on a phone opens the draft of a 规范性文件 in consultation (the demo has one),
comments on article 3 and gets a receipt number; staff see the comment grouped under article 3."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_browser import browser, shot
from test_case_browser import login


def test_citizen_comments_on_an_article(fazhi_sqlite):
    app = fazhi_sqlite
    app.start()
    citizen, staff = browser(390, 844, phone=True), browser()
    try:
        citizen.get(app.url("/consultations"))
        citizen.find_element(By.CSS_SELECTOR, "#drafts a").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "comment-form")))
        assert "第三条" in citizen.find_element(By.ID, "draft-text").text
        Select(citizen.find_element(By.ID, "article")).select_by_value("3")
        citizen.find_element(By.ID, "text").send_keys("建议写明牵头部门和办理时限")
        shot(citizen, "consultation-comment-phone")
        citizen.find_element(By.CSS_SELECTOR, "#comment-form button").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "comment-receipt")))
        assert "YJ" in citizen.find_element(By.ID, "comment-receipt").text
        assert citizen.execute_script("return document.documentElement.scrollWidth") <= 390 + 1
        draft_url = citizen.current_url.replace("/comments", "")
        case_id = draft_url.rstrip("/").split("/")[-1]

        login(staff, app, "admin")
        staff.get(app.url("/console/cases/%s/comments" % case_id))
        groups = staff.find_element(By.ID, "comment-groups").text
        assert "第三条" in groups and "建议写明牵头部门和办理时限" in groups
        shot(staff, "consultation-comments-console")
    finally:
        citizen.quit()
        staff.quit()
