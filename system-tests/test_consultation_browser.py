"""公开征求意见 in a real browser: a citizen on a phone opens the draft of a 规范性文件 in consultation (the demo has one),
comments on article 3 and gets a receipt number; staff see the comment grouped under article 3 and answer it; on the
portal a published document shows its adoption report with its text, the text in force on a day and the changes between
its versions; a citizen asks for a document to be reviewed (审查建议) and gets a receipt."""
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

        login(staff, app, "scj.juzhang")
        staff.get(app.url("/console/cases/%s/comments" % case_id))
        groups = staff.find_element(By.ID, "comment-groups").text
        assert "第三条" in groups and "建议写明牵头部门和办理时限" in groups
        shot(staff, "consultation-comments-console")
        row = [r for r in staff.find_elements(By.CSS_SELECTOR, "#comment-groups tbody tr") if "建议写明牵头部门和办理时限" in r.text][0]
        Select(row.find_element(By.NAME, "response")).select_by_value("partly")
        row.find_element(By.NAME, "reason").send_keys("牵头部门已写明，办理时限由实施细则规定")
        row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(staff, 20).until(EC.staleness_of(row))
        WebDriverWait(staff, 20).until(EC.presence_of_element_located((By.ID, "comment-groups")))
        assert "部分采纳" in staff.find_element(By.ID, "comment-groups").text

        # A published document: its adoption report with the text, on a phone.
        citizen.get(app.url("/documents?q=%E5%AE%85%E5%9F%BA%E5%9C%B0"))
        citizen.find_element(By.CSS_SELECTOR, "#documents a").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "adoption-report")))
        assert "不采纳" in citizen.find_element(By.ID, "adoption-report").text
        assert "第一条" in citizen.find_element(By.ID, "text").text
        assert citizen.execute_script("return document.documentElement.scrollWidth") <= 390 + 1
        shot(citizen, "document-adoption-report-phone")

        # An amended document: the changes between its two versions, and its first text before the amendment applied.
        staff.get(app.url("/documents?q=%E8%80%81%E6%97%A7%E5%B0%8F%E5%8C%BA"))
        staff.find_element(By.CSS_SELECTOR, "#documents a").click()
        WebDriverWait(staff, 20).until(EC.presence_of_element_located((By.ID, "versions")))
        assert "第1次修改后的文本" in staff.find_element(By.ID, "versions").text
        staff.find_element(By.CSS_SELECTOR, "#versions a").click()
        WebDriverWait(staff, 20).until(EC.presence_of_element_located((By.ID, "changes")))
        assert "征求居民意见" in staff.find_element(By.ID, "changes").text
        shot(staff, "document-changes")

        # 审查建议 from the document's page.
        citizen.get(app.url("/documents?q=%E8%A3%81%E9%87%8F"))
        citizen.find_element(By.CSS_SELECTOR, "#documents a").click()
        citizen.find_element(By.ID, "suggest").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "suggest-form")))
        assert "清市监规" in citizen.find_element(By.ID, "documentCited").get_attribute("value")
        Select(citizen.find_element(By.ID, "office")).select_by_visible_text("清河县司法局")
        citizen.find_element(By.ID, "suggesterName").send_keys("钱某")
        citizen.find_element(By.ID, "suggesterContact").send_keys("13700000000")
        citizen.find_element(By.ID, "suggestionText").send_keys("第五条与行政处罚法第三十三条不一致")
        shot(citizen, "suggestion-form-phone")
        citizen.find_element(By.CSS_SELECTOR, "#suggest-form button").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "receipt")))
        assert citizen.find_element(By.ID, "tracking-number").text.startswith("SJ")
        assert citizen.execute_script("return document.documentElement.scrollWidth") <= 390 + 1
    finally:
        citizen.quit()
        staff.quit()
