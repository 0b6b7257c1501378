#!/usr/bin/env python3
"""Browser test of the verification desk with real headless Chromium (Selenium).

Starts `einvoice serve` on a free loopback port with a fresh ledger, uploads genuine (one and two
pages), forged, doctored and sandbox invoice PDFs through the page's file picker, and checks what the
page shows; uploads the first genuine one again and checks it is marked as already received; then
checks the history page (its rows, a verdict filter) and downloads its CSV. Screenshots are written to
OUT_DIR (default .build/browser-test/) so a person can look at them.

    desk_browser_test.py EINVOICE_BINARY [OUT_DIR]
"""
import csv, glob, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build", "browser-test")
os.makedirs(out, exist_ok=True)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
scratch = tempfile.mkdtemp(prefix="desk-browser-")
ledger = os.path.join(scratch, "ledger.sqlite")
downloads = os.path.join(scratch, "downloads")
os.makedirs(downloads)
# The suite runs the debug build, about ten times slower than a release one: the per-file time budget
# (default 8 s, sized for release builds) is raised so a busy CI machine checks verdicts, not speed.
server = subprocess.Popen([binary, "serve", "--port", str(port), "--ledger", ledger, "--max-seconds", "60"], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
failures = []
try:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        # (file, banner class, banner text, text the page must show, signed document number shown)
        cases = [
            ("scan/odoo-invoice.pdf", "valid", "Genuine e-invoice", "Printed = signed", "SAJ/2023/0627"),
            ("scan/forged-signature.pdf", "invalid", "Forged or altered", "signature does not match", "SAJ/2023/0627"),
            # Two pages printed by WeasyPrint: QR on page 1, totals on page 2.
            ("foreign/weasyprint-b4-honest.pdf", "valid", "Genuine e-invoice", "Printed = signed", "SAJ/2023/0627"),
            ("foreign/weasyprint-b4-total-transposed.pdf", "invalid", "Printed invoice does not match", "7,63,514.89", "SAJ/2023/0627"),
            ("foreign/weasyprint-b5-honest.pdf", "sandbox", "SANDBOX", "a test document, not a tax invoice", "SINV-21-B2B-0021"),
        ]
        for name, expected_class, expected_banner, expected_text, doc_no in cases:
            driver.get(f"http://127.0.0.1:{port}/")
            picker = driver.find_element(By.ID, "files")
            picker.send_keys(os.path.join(ROOT, "Tests/Fixtures", name))
            WebDriverWait(driver, 90).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".card .banner"))
            banners = driver.find_elements(By.CSS_SELECTOR, ".card .banner")
            banner, classes = banners[0].text, banners[0].get_attribute("class").split()
            page = driver.find_element(By.ID, "results").text
            driver.save_screenshot(os.path.join(out, os.path.basename(name).replace(".pdf", ".png")))
            if expected_banner not in banner or expected_class not in classes:
                failures.append(f"{name}: banner {classes} says {banner!r}, expected {expected_class} {expected_banner!r}")
            if expected_text not in page:
                failures.append(f"{name}: page lacks {expected_text!r}")
            if doc_no not in page:
                failures.append(f"{name}: the signed document number is not shown")
            if not driver.find_elements(By.CSS_SELECTOR, ".thumb .qr"):
                failures.append(f"{name}: no thumbnail with the QR outlined")
            if expected_class == "valid" and (len(banners) != 1 or driver.find_elements(By.CSS_SELECTOR, "li.error")):
                failures.append(f"{name}: a genuine invoice shows {len(banners)} cards or a red error")

        # The first invoice again: the card says it was already received, naming the first upload.
        driver.get(f"http://127.0.0.1:{port}/")
        driver.find_element(By.ID, "files").send_keys(os.path.join(ROOT, "Tests/Fixtures/scan/odoo-invoice.pdf"))
        WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".card .banner"))
        repeat = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "li.duplicate")]
        driver.save_screenshot(os.path.join(out, "already-received.png"))
        if not any("Already received" in t and "odoo-invoice.pdf" in t for t in repeat):
            failures.append(f"history: a second upload is not marked already received ({repeat!r})")

        # The history page: every check, newest first; the verdict filter; the CSV download.
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        driver.get(f"http://127.0.0.1:{port}/history")
        checks = len(cases) + 1
        WebDriverWait(driver, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#rows tr")) >= checks)
        rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#rows tr")]
        driver.save_screenshot(os.path.join(out, "history.png"))
        if len(rows) != checks or "odoo-invoice.pdf" not in rows[0] or "weasyprint-b5-honest.pdf" not in rows[1]:
            failures.append(f"history: rows are {rows!r}")
        invalid = sorted(os.path.basename(name) for name, expected_class, *_ in cases if expected_class == "invalid")
        driver.find_element(By.CSS_SELECTOR, "select[name=verdict] option[value='']")  # the filter exists
        driver.execute_script("document.querySelector('select[name=verdict]').value = 'invalid'")
        driver.find_element(By.CSS_SELECTOR, "#filters button").click()
        WebDriverWait(driver, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#rows tr")) == len(invalid))
        filtered = driver.find_element(By.ID, "rows").text
        if any(name not in filtered for name in invalid) or "invalid" not in filtered:
            failures.append(f"history: the invalid filter shows {filtered!r}")
        driver.find_element(By.ID, "csv").click()
        deadline = time.time() + 30
        while time.time() < deadline and not glob.glob(os.path.join(downloads, "*.csv")):
            time.sleep(0.2)
        files = glob.glob(os.path.join(downloads, "*.csv"))
        if not files:
            failures.append("history: the CSV was not downloaded")
        else:
            with open(files[0], newline="", encoding="utf-8") as handle:
                table = list(csv.reader(handle))
            if (table[0][:3] != ["checked_at", "irn", "supplier_gstin"] or len(table) != 1 + len(invalid)
                    or any(row[8] != "invalid" for row in table[1:])
                    or sorted(os.path.basename(row[table[0].index("file_name")]) for row in table[1:]) != invalid):
                failures.append(f"history: the CSV holds {table!r}")
    finally:
        driver.quit()
finally:
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(scratch, ignore_errors=True)

for failure in failures:
    print("FAIL:", failure)
failed = len({f.split(":")[0] for f in failures})
print(f"screenshots in {out}")
print(f"browser: {len(cases) + 1 - failed} passed, {failed} failed")
sys.exit(1 if failures else 0)
