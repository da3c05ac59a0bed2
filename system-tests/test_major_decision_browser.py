"""重大行政决策 in a real browser: a citizen on a phone finds the decision in consultation on the portal's 重大行政决策 page
and comments on an article (a receipt number back); the 司法局 reviews a draft awaiting its 合法性审查 with a legal adviser's
opinion; the county head records the 常务会议 (speaking last), reports to the Party committee and publishes the decision
with its 解读 and how the comments were adopted; the citizen then reads it on the portal on the phone."""
import json
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_browser import browser, shot
from test_case_browser import login, take


def test_a_decision_from_comment_to_publication(fazhi_sqlite):
    app = fazhi_sqlite
    app.start()
    citizen, staff = browser(390, 844, phone=True), browser()
    try:
        # The citizen: the year's decisions, the one open for comment, a comment on article 2.
        citizen.get(app.url("/major-decisions"))
        shot(citizen, "major-decisions-phone")
        assert citizen.execute_script("return document.documentElement.scrollWidth") <= 390 + 1
        row = [r for r in citizen.find_elements(By.CSS_SELECTOR, "#decisions tbody tr") if "发表意见" in r.text][0]
        assert "公开征求意见中" in row.text
        row.find_element(By.LINK_TEXT, "发表意见").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "comment-form")))
        Select(citizen.find_element(By.ID, "article")).select_by_value("2")
        citizen.find_element(By.ID, "text").send_keys("建议写明农村地区的收运频次")
        citizen.find_element(By.CSS_SELECTOR, "#comment-form button").click()
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "comment-receipt")))
        assert "YJ" in citizen.find_element(By.ID, "comment-receipt").text

        # The decision awaiting the 司法局's review.
        listed = json.loads(urllib.request.urlopen(app.url("/major-decisions?format=json")).read())
        waiting = [d for d in listed["decisions"] if d["stage"] == "合法性审查中"][0]
        case_url = app.url("/console/cases/%s" % waiting["id"])
        login(staff, app, "sfj.jiandu")
        take(staff, case_url, "pass_review", {
            "reviewOpinion": "legal",
            "adviserOpinions": "浙江清河律师事务所｜未发现违反法律法规的内容",
            "reviewText": "经审查，决策事项符合法定权限，已履行公众参与程序，内容合法。",
        })
        assert "审查通过" in staff.find_element(By.ID, "case-state").text
        staff.quit()

        # The head records the meeting, reports to the Party committee, publishes.
        staff = browser()
        login(staff, app, "xzf.xianzhang")
        staff.get(case_url)
        day = staff.find_element(By.ID, "decide-date").get_attribute("value")
        take(staff, case_url, "decide", {
            "meetingKind": "executive", "meetingOn": day, "attendees": "吴振华\n周国平\n王丽华",
            "speeches": "周国平｜同意\n王丽华｜同意，建议分步实施\n吴振华｜同意，报告县委后公布",
            "chief": "吴振华", "majorityView": "agree",
        })
        assert "已集体讨论决定" in staff.find_element(By.ID, "case-state").text
        take(staff, case_url, "report_to_party", {"partyReportedOn": day, "partyReply": "县委同意"})
        take(staff, case_url, "publish", {
            "channels": "清河县人民政府网站\n清河县人民政府公报",
            "interpretation": "规划期内新建、改扩建学校12所，新增学位1.5万个。",
            "adoptionExplanation": "公众意见采纳4条，未采纳的已说明理由。",
            "executionUnit": "清河县教育局",
        })
        assert "执行中" in staff.find_element(By.ID, "case-state").text
        shot(staff, "major-decision-case")

        # The citizen reads the published decision, its 解读 and the adoption of comments.
        citizen.get(app.url("/major-decisions/%s" % waiting["id"]))
        WebDriverWait(citizen, 20).until(EC.presence_of_element_located((By.ID, "interpretation")))
        assert "新增学位1.5万个" in citizen.find_element(By.ID, "interpretation").text
        assert "采纳4条" in citizen.find_element(By.ID, "adoption").text
        assert "执行中" in citizen.find_element(By.ID, "stage").text
        assert citizen.execute_script("return document.documentElement.scrollWidth") <= 390 + 1
        shot(citizen, "major-decision-published-phone")
    finally:
        citizen.quit()
        staff.quit()
