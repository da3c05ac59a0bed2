"""An officer and the agency head in a real browser (headless Chromium) take a penalty case from 立案 to 送达,
see a refused step with its article, and download the decision as .docx, which is opened and checked for the
six items of 行政处罚法 第五十九条."""
import hashlib
import io
import json
import os
import re
import tempfile
import urllib.request
import zipfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DEMO_PASSWORD
from test_browser import browser, shot


def login(d, app, user):
    d.get(app.url("/login"))
    d.find_element(By.ID, "username").send_keys(user)
    d.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
    d.find_element(By.ID, "login").click()
    WebDriverWait(d, 20).until(EC.title_contains("工作台"))


def take(d, case_url, action, values, officers=0):
    """Opens the step's form on the case page, fills it as a user would, and submits it."""
    d.get(case_url)
    form = d.find_element(By.ID, "form-" + action)
    d.execute_script("arguments[0].closest('details').open = true", form)
    for name, value in values.items():
        el = form.find_element(By.NAME, name)
        if el.get_attribute("type") == "checkbox":
            if bool(value) != el.is_selected():
                el.click()
        else:
            # Dates and selects are set through the DOM, as the browser's own pickers would.
            d.execute_script("arguments[0].value = arguments[1]", el, value)
    # The officers' boxes only (the evidence files are boxes too, in a group of their own).
    boxes = form.find_elements(
        By.XPATH, ".//fieldset[contains(@class, 'officers')][starts-with(normalize-space(legend), '执法人员')]//input[@type='checkbox']")
    chosen = [b for b in boxes if b.is_selected()]
    for b in boxes:
        if len(chosen) >= officers:
            break
        if not b.is_selected():
            b.click()
            chosen.append(b)
    # Mark this page, submit, and wait for the answer page itself (it has no mark): the old page also has
    # #case-state, and navigating away before the answer arrived would abort the submission.
    d.execute_script("window.__beforeSubmit = true")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(d, 20).until(lambda drv: drv.execute_script("return window.__beforeSubmit !== true && document.readyState === 'complete'"))
    WebDriverWait(d, 20).until(EC.presence_of_element_located((By.ID, "case-state")))


def docx_text(data):
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))


def test_case_from_filing_to_service_and_decision_docx(fazhi_sqlite):
    app = fazhi_sqlite
    app.start()
    head, officer = browser(), browser(390, 844, phone=True)
    try:
        login(head, app, "scj.juzhang")
        head.get(app.url("/console/cases"))
        head.find_element(By.CSS_SELECTOR, "#open-case button").click()
        WebDriverWait(head, 20).until(EC.presence_of_element_located((By.ID, "form-file_case")))
        case_url = head.current_url
        assert head.find_element(By.TAG_NAME, "h1").text.startswith("清市监登"), "a clue is registered, not filed"
        items = json.loads(urllib.request.urlopen(app.url("/powers?format=json&type=penalty")).read().decode("utf-8"))["items"]
        codes = [i["code"] for i in items if i["body"] == "清河县市场监督管理局"]
        # The item whose 裁量基准 the proposal names (QH-CF-001: 货值金额 under 10,000 元 → 50,000–70,000 元).
        power = "339901-CF-00001" if "339901-CF-00001" in codes else codes[0]
        take(head, case_url, "file_case", {"_date": "2026-08-03", "source": "complaint", "powerItemCode": power, "partyName": "清河县某某食品店",
                                           "partyKind": "organisation", "partyAddress": "清河县城关镇人民路1号", "summary": "销售过期食品",
                                           "violationOn": "2026-07-20"})
        number = head.find_element(By.TAG_NAME, "h1").text
        assert "调查取证" in head.find_element(By.ID, "case-state").text

        login(officer, app, "scj.zhifa1")
        # One officer is not enough (第四十二条): the step comes back refused with its article.
        take(officer, case_url, "record_evidence", {"_date": "2026-08-04", "evidenceKind": "inspection", "evidenceSummary": "现场检查，过期食品12件",
                                                    "partySignature": "signed", "certificateShown": True}, officers=1)
        shot(officer, "20-case-refused-phone")
        assert "第四十二条" in officer.page_source
        # A photo from the phone, uploaded through the case page's form, then listed in the 笔录 by its hash.
        photo = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + os.urandom(3000)
        path = os.path.join(tempfile.mkdtemp(), "现场照片.png")
        with open(path, "wb") as f:
            f.write(photo)
        officer.get(case_url)
        officer.find_element(By.ID, "evidence-file").send_keys(path)
        officer.execute_script("window.__beforeSubmit = true")
        officer.find_element(By.CSS_SELECTOR, "#evidence-form button[type=submit]").click()
        WebDriverWait(officer, 20).until(lambda drv: drv.execute_script("return window.__beforeSubmit !== true && document.readyState === 'complete'"))
        sha = hashlib.sha256(photo).hexdigest()
        assert "现场照片.png" in officer.page_source and sha[:16] in officer.page_source
        shot(officer, "22-case-evidence-phone")
        take(officer, case_url, "record_evidence", {"_date": "2026-08-04", "evidenceKind": "inspection", "evidenceSummary": "现场检查，过期食品12件",
                                                    "partySignature": "signed", "certificateShown": True, "evidenceFile." + sha: True}, officers=2)
        take(officer, case_url, "propose", {"_date": "2026-08-05", "violationFacts": "销售超过保质期的食品12件", "penaltyBasis": "《中华人民共和国食品安全法》第一百二十四条",
                                            "penaltyKinds.罚款": True, "penaltyKinds.没收违法所得": True, "fineAmount": "50000", "confiscationValue": "360",
                                            "benchmarkCode": "QH-CF-001", "measureValue": "3000", "goodsValue": "3000"})
        take(officer, case_url, "notify", {"_date": "2026-08-05", "noticeMethod": "direct"})
        take(officer, case_url, "waive", {"_date": "2026-08-06", "waiverDocument": "当事人2026年8月6日书面放弃陈述申辩"})
        take(head, case_url, "decide", {"_date": "2026-08-07", "outcome": "penalty", "penaltyKinds.罚款": True, "penaltyKinds.没收违法所得": True, "fineAmount": "50000",
                                        "decisionReasons": "事实清楚，证据确凿"})
        take(officer, case_url, "serve", {"_date": "2026-08-07", "serviceMethod": "direct", "recipient": "店主"})
        assert "已送达" in officer.find_element(By.ID, "case-state").text
        shot(officer, "21-case-served-phone")

        link = officer.find_element(By.PARTIAL_LINK_TEXT, "行政处罚决定书.docx").get_attribute("href")
        cookie = "; ".join("%s=%s" % (c["name"], c["value"]) for c in officer.get_cookies())
        data = urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookie})).read()
        text = docx_text(data)
        for needle in ["行政处罚决定书", "一、当事人", "清河县某某食品店", "二、违法事实和证据", "三、行政处罚的种类和依据", "罚款人民币50,000元",
                       "四、履行方式和期限", "五、申请行政复议或者提起行政诉讼的途径和期限", "六、作出决定的行政机关和日期", "清河县市场监督管理局"]:
            assert needle in text, needle
        assert number.startswith("清市监立")
        # The archive: every 文书, the evidence hash, the record with proofs.
        archive = urllib.request.urlopen(urllib.request.Request(officer.find_element(By.ID, "archive-link").get_attribute("href"), headers={"Cookie": cookie})).read()
        z = zipfile.ZipFile(io.BytesIO(archive))
        names = z.namelist()
        assert any(n.endswith("行政处罚决定书.docx") for n in names) and "全过程记录.json" in names
        assert sha in z.read("证据清单.csv").decode("utf-8-sig")
        record = json.loads(z.read("全过程记录.json"))
        assert [e["entry"]["action"] for e in record["entries"]][:3] == ["open", "file_case", "evidence_upload"]
        assert all(e["proof"] is not None for e in record["entries"])
    finally:
        head.quit()
        officer.quit()
