"""An officer clerk in a real browser (headless Chromium): imports the officer workbook, reads the error report,
fixes the file, imports it, and finds the officer on the public portal by a 2-character search."""
import csv
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import DEMO_PASSWORD
from test_browser import browser, shot

HERE = os.path.dirname(os.path.abspath(__file__))


def check_digit(first17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(a) * b for a, b in zip(first17, w)) % 11]


def upload(d, app, path, mode="all"):
    d.get(app.url("/console/import"))
    Select(d.find_element(By.ID, "kind")).select_by_visible_text("执法人员")
    d.find_element(By.ID, "file").send_keys(path)
    d.find_element(By.CSS_SELECTOR, "input[name=mode][value=%s]" % mode).click()
    d.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
    WebDriverWait(d, 30).until(EC.presence_of_element_located((By.ID, "import-summary")))
    return d.find_element(By.ID, "import-summary").text


def test_import_officers_fix_and_find_on_portal(fazhi_sqlite, tmp_path):
    app = fazhi_sqlite
    app.start()
    d = browser()
    try:
        d.get(app.url("/login"))
        d.find_element(By.ID, "username").send_keys("scj.juzhang")
        d.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
        d.find_element(By.ID, "login").click()
        WebDriverWait(d, 20).until(EC.title_contains("工作台"))

        # The workbook LibreOffice wrote has a bad ID number and a row for an unregistered body: nothing is imported.
        summary = upload(d, app, os.path.join(HERE, "officers-with-errors.xlsx"))
        shot(d, "10-import-report")
        assert "未导入任何数据" in summary
        report = d.find_element(By.ID, "import-problems").text
        assert "校验码" in report and "不是已登记的执法主体" in report

        # Fix the rows (correct the check digit, drop the row for the unknown body) and import again.
        rows = [
            ["姓名", "性别", "身份证号", "执法主体", "岗位", "执法证号", "执法类别", "执法区域", "发证日期", "有效期至", "证件状态", "法律职业资格", "法律职业资格证书编号", "考试成绩", "培训年度", "培训学时"],
            ["欧阳明轩", "男", check_digit("33990119880512003"), "清河县市场监督管理局", "执法一科", "ZJ3399FX00001", "市场监管", "清河县", "2025-03-01", "2030-02-28", "在岗", "是", "A20190001", "88", "2026", "64"],
            ["上官雨桐", "女", check_digit("33990119900101123"), "清河县市场监督管理局", "执法二科", "ZJ3399FX00002", "市场监管", "清河县", "2025-03-01", "2030-02-28", "在岗", "否", "", "80", "2026", "60"],
        ]
        fixed = tmp_path / "officers-fixed.csv"
        with open(fixed, "w", newline="", encoding="utf-8-sig") as f:
            csv.writer(f).writerows(rows)
        summary = upload(d, app, str(fixed))
        shot(d, "11-import-ok")
        assert "已导入 2 行" in summary, summary

        # The public portal finds the officer by two characters of the name; the ID number is never shown.
        d.get(app.url("/officers?q=上官"))
        shot(d, "12-portal-officers")
        table = d.find_element(By.ID, "officers").text
        assert "上官雨桐" in table and "ZJ3399FX00002" in table
        assert check_digit("33990119900101123") not in d.page_source
        d.get(app.url("/powers?q=消防"))
        shot(d, "13-portal-powers")
        assert int(d.find_element(By.ID, "power-total").text) >= 1
    finally:
        d.quit()
