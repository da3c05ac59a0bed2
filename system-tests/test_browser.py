"""A person in a real browser (headless Chromium): log in, create a user, log out."""
import os
import shutil
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import DEMO_PASSWORD

SHOTS = os.environ.get("FAZHI_SCREENSHOTS")


def browser(width=1280, height=900, phone=False):
    opts = Options()
    if phone:
        # Headless windows are at least ~500px wide: emulate the phone's viewport instead.
        opts.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 3}})
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN",
              "--window-size=%d,%d" % (width, height)]:
        opts.add_argument(a)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        opts.binary_location = binary
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=opts)


def shot(driver, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def renders_in_libreoffice(docx, name="document"):
    """Converts a .docx to PDF in LibreOffice (when installed) and checks a PDF came out: the 文书 opens as printed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return
    out = tempfile.mkdtemp()
    path = os.path.join(out, name + ".docx")
    with open(path, "wb") as f:
        f.write(docx)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", out, path], check=True,
                   timeout=120, capture_output=True)
    assert os.path.getsize(os.path.join(out, name + ".pdf")) > 1000


def test_login_create_user_logout(fazhi_sqlite):
    fazhi_sqlite.start()
    d = browser()
    try:
        d.get(fazhi_sqlite.url("/"))
        shot(d, "01-portal")
        d.get(fazhi_sqlite.url("/login"))
        d.find_element(By.ID, "username").send_keys("admin")
        d.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
        d.find_element(By.ID, "login").click()
        WebDriverWait(d, 20).until(EC.title_contains("工作台"))
        shot(d, "02-home")
        d.get(fazhi_sqlite.url("/console/users"))
        shot(d, "03-users")
        d.find_element(By.ID, "new-user").click()
        WebDriverWait(d, 20).until(EC.presence_of_element_located((By.ID, "displayName")))
        d.find_element(By.ID, "username").send_keys("browser.user")
        d.find_element(By.ID, "displayName").send_keys("浏览器测试")
        Select(d.find_element(By.ID, "organisationId")).select_by_visible_text("清河县应急管理局")
        Select(d.find_element(By.ID, "role")).select_by_visible_text("执法人员")
        d.find_element(By.ID, "password").send_keys("Browser12345")
        shot(d, "04-new-user")
        d.find_element(By.ID, "create-user").click()
        WebDriverWait(d, 20).until(EC.title_contains("用户："))
        assert "已创建用户 browser.user" in d.page_source
        assert "执法人员" in d.page_source
        shot(d, "05-user-created")
        d.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
        WebDriverWait(d, 20).until(EC.url_contains("/login"))
        d.get(fazhi_sqlite.url("/console"))
        assert "/login" in d.current_url
        # The new user can sign in.
        d.find_element(By.ID, "username").send_keys("browser.user")
        d.find_element(By.ID, "password").send_keys("Browser12345")
        d.find_element(By.ID, "login").click()
        WebDriverWait(d, 20).until(EC.title_contains("工作台"))
        assert "浏览器测试" in d.page_source
    finally:
        d.quit()


def test_phone_width_pages(fazhi_sqlite):
    fazhi_sqlite.start()
    d = browser(390, 844, phone=True)
    try:
        d.get(fazhi_sqlite.url("/deadline?from=2025-09-30&days=5&unit=workday"))
        assert "2025-10-14" in d.page_source
        # Nothing wider than the screen.
        assert d.execute_script("return window.innerWidth") == 390
        assert d.execute_script("return document.documentElement.scrollWidth") <= 390
        shot(d, "06-phone-deadline")
        d.get(fazhi_sqlite.url("/"))
        assert d.execute_script("return document.documentElement.scrollWidth") <= 390
        shot(d, "07-phone-portal")
    finally:
        d.quit()
