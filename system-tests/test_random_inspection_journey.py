"""双随机 as the issue's journey: the 市场监管局 head draws today's task at the public session with the revealed value and
two witnesses; the drawn inspector, on a phone, finds the inspection assigned to them (the drawn object and inspectors
already filled in) and records it; the result is published and the portal shows it."""
import hashlib
import json
import re
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_browser import browser, shot
from test_case_browser import login, take


def predicted(d, revealed):
    """The draw of the reference script (scripts/draw-verify.py) for a revealed value: target -> inspectors."""
    key = lambda s: s.encode()
    lines = ["fazhi-draw-v1", "task|" + d["task"], "per-target|%d" % d["perTarget"]]
    lines += ["quota|%s|%d" % (s, n) for s, n in sorted(d["quotas"].items(), key=lambda x: key(x[0]))]
    lines += ["target|%s|%s" % (t, s) for t, s in sorted(d["targets"], key=lambda x: key(x[0]))]
    lines += ["inspector|" + i for i in sorted(d["inspectors"], key=key)]
    lines += ["exclude|" + "|".join(e) for e in sorted(d["exclusions"], key=lambda e: key("|".join(e)))]
    inputs_hash = hashlib.sha256(("\n".join(lines) + "\n").encode()).hexdigest()
    seed = hashlib.sha256(("%s\n%s\n%s" % (inputs_hash, revealed, d["task"])).encode()).digest()
    rank = lambda *parts: hashlib.sha256(seed + b"".join(p.encode() for p in parts)).digest()
    drawn = []
    for s, n in d["quotas"].items():
        drawn += sorted((rank(t), t, s) for t, s2 in d["targets"] if s2 == s)[:n]
    no, pool, out = {}, sorted(d["inspectors"], key=key), {}
    for i, t in d["exclusions"]:
        no.setdefault(t, set()).add(i)
    for _, t, s in sorted(drawn):
        picked, j = [], 0
        while len(picked) < d["perTarget"]:
            i = pool[int.from_bytes(rank(t, "|", str(j))[:8], "big") % len(pool)]
            if i not in no.get(t, ()) and i not in picked:
                picked.append(i)
            j += 1
        out[t] = picked
    return out


def test_a_draw_at_the_session_to_a_published_result(fazhi_sqlite):
    app = fazhi_sqlite
    app.start()
    officers = json.loads(urllib.request.urlopen(app.url("/officers?format=json")).read())["officers"]
    certificate = [o["certificateNumber"] for o in officers if o["name"] == "孙立峰"][0]  # scj.zhifa1
    desk, phone = browser(), browser(390, 844, phone=True)
    try:
        login(desk, app, "scj.juzhang")
        # The task: fixed and published before the session (its inputs hash and where the random value will come from).
        desk.get(app.url("/console/draws"))
        desk.find_element(By.ID, "title").send_keys("食品经营者双随机抽查（本次抽取会）")
        # The matter from the published 随机抽查事项清单 (the general item, 5 %).
        desk.execute_script("var s = document.getElementById('item'); s.value = s.options[1].value")
        desk.execute_script("window.__beforeSubmit = true")
        desk.find_element(By.CSS_SELECTOR, "#new-task button[type=submit]").click()
        WebDriverWait(desk, 20).until(lambda d: d.execute_script("return window.__beforeSubmit !== true && document.readyState === 'complete'"))
        assert desk.find_elements(By.ID, "draw-form"), desk.find_element(By.TAG_NAME, "main").text[:500]
        task_id = desk.current_url.split("?")[0].rstrip("/").split("/")[-1]
        frozen = json.loads(urllib.request.urlopen(app.url("/random-inspections/%s/draw.json" % task_id)).read())
        # The session's value: the witnesses' digits (here chosen so that 孙立峰 is among those drawn).
        revealed = next(v for v in ("%04d-%04d" % (n, 7 * n) for n in range(1, 500))
                        if any(certificate in ins for ins in predicted(frozen, v).values()))
        desk.find_element(By.ID, "revealed").send_keys(revealed)
        desk.find_element(By.ID, "witnesses").send_keys("县人大代表 李某某\n企业代表 周某某")
        desk.execute_script("window.__beforeSubmit = true")
        desk.find_element(By.CSS_SELECTOR, "#draw-form button[type=submit]").click()
        WebDriverWait(desk, 20).until(lambda d: d.execute_script("return window.__beforeSubmit !== true && document.readyState === 'complete'"))
        assert revealed in desk.find_element(By.ID, "revealed").text, desk.find_element(By.TAG_NAME, "main").text[:500]
        shot(desk, "draw-session-desktop")

        # The drawn inspector on a phone: the inspection assigned to them, object and inspectors filled in.
        login(phone, app, "scj.zhifa1")
        phone.get(app.url("/console/draws"))
        mine = phone.find_element(By.ID, "my-inspections")
        shot(phone, "draw-my-inspections-phone")
        assert phone.execute_script("return document.documentElement.scrollWidth") <= 390 + 1
        case_url = mine.find_element(By.CSS_SELECTOR, "a").get_attribute("href")
        phone.get(case_url)
        assert phone.find_elements(By.ID, "form-record_inspection"), phone.find_element(By.TAG_NAME, "main").text[:3000]
        form = phone.find_element(By.ID, "form-record_inspection")
        ticked = [b for b in form.find_elements(By.CSS_SELECTOR, "fieldset.officers input[type=checkbox]") if b.is_selected()]
        assert len(ticked) == 2, "the two drawn inspectors are ticked"
        assert form.find_element(By.NAME, "inspectedObject").get_attribute("value"), "the drawn object is filled in"
        take(phone, case_url, "record_inspection", {
            "inspectionSource": "random", "objectAddress": "清河县城关镇", "checkedItems": "经营许可\n进货查验记录",
            "findings": "未发现问题", "result": "none", "certificateShown": True, "partySignature": "signed",
        })
        assert "已检查" in phone.find_element(By.ID, "case-state").text
        take(phone, case_url, "publish_random_result", {"publicationChannel": "国家企业信用信息公示系统"})
        shot(phone, "draw-result-published-phone")

        # The portal shows the task's result and the draw anyone re-runs.
        page = urllib.request.urlopen(app.url("/random-inspections/%s" % task_id)).read().decode()
        assert revealed in page and "未发现问题" in page, page[:2000]
    finally:
        desk.quit()
        phone.quit()
