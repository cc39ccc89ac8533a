#!/usr/bin/env python3
"""The real-browser test of `lacuna serve`: headless Chromium driven through WebDriver
(chromedriver, plain HTTP and JSON).

It starts the server on a free loopback port, opens the Analyse page, uploads a Corpora bill
through the form, waits for the report, checks the statuses in the findings table against
`lacuna analyze --format json`, opens one explanation, downloads the JSON report through its
link and compares it with the CLI's output (the document's path aside), and keeps
screenshots (desktop and phone width) in the output folder.

Usage: browser-test.py LACUNA_BINARY BILL OUTPUT_DIR
Exit status 0 when every check passed; the last line is `N passed, M failed`.
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

TIMEOUT = 120  # seconds for any one wait; the test ends on its own


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"WebDriver {method} {path}: {e.code} {e.read()[:400]!r}")

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def start(self, downloads):
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": shutil.which("chromium") or "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--no-first-run", "--disable-extensions"],
            "prefs": {"download.default_directory": downloads, "download.prompt_for_download": False},
        }}}}
        value = self.call("POST", "/session", caps)
        self.session = value["sessionId"]

    def find(self, css):
        value = self.s("POST", "/element", {"using": "css selector", "value": css})
        return list(value.values())[0]

    def wait_for(self, css):
        end = time.time() + TIMEOUT
        while time.time() < end:
            try:
                return self.find(css)
            except RuntimeError:
                time.sleep(0.2)
        raise RuntimeError(f"no {css} within {TIMEOUT} s")

    def script(self, source, *args):
        return self.s("POST", "/execute/sync", {"script": source, "args": list(args)})

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.s("GET", "/screenshot")))


def main():
    lacuna, bill, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    passed, failed = 0, 0

    def check(ok, what):
        nonlocal passed, failed
        print(("ok    " if ok else "FAIL  ") + what, flush=True)
        if ok:
            passed += 1
        else:
            failed += 1

    cli = json.loads(subprocess.run([lacuna, "analyze", bill, "--format", "json"], check=True,
                                    capture_output=True, text=True).stdout)
    expected = {f["requirement"]: f["status"] for f in cli["findings"]}

    server = subprocess.Popen([lacuna, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    driver_port = free_port()
    chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver_proc = subprocess.Popen([chromedriver, f"--port={driver_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    downloads = tempfile.mkdtemp(prefix="lacuna-browser-")
    wd = WebDriver(driver_port)
    try:
        line = server.stdout.readline()
        url = line.split("serving on ", 1)[1].split(" ", 1)[0]
        check(url.startswith("http://127.0.0.1:"), f"the server listens on loopback: {url}")
        end = time.time() + TIMEOUT
        while True:
            try:
                urllib.request.urlopen(wd.base + "/status", timeout=5)
                break
            except Exception:
                if time.time() > end:
                    raise
                time.sleep(0.2)
        wd.start(downloads)
        wd.s("POST", "/url", {"url": url})
        title = wd.s("GET", "/title")
        check(title.startswith("Analyse"), f"the Analyse page opens: {title!r}")
        file_input = wd.wait_for("input#file")
        wd.s("POST", f"/element/{file_input}/value", {"text": os.path.abspath(bill)})
        wd.s("POST", f"/element/{wd.find('button[type=submit]')}/click", {})
        wd.wait_for("details.explain")
        current = wd.s("GET", "/url")
        check("/report/" in current, f"the form leads to the report: {current}")
        wd.screenshot(os.path.join(out, "report.png"))

        shown = wd.script("""return Array.from(document.querySelectorAll('tr[id^="f-"]')).map(function (row) {
            var badge = row.querySelector('.badge');
            return [row.id.slice(2), badge ? badge.className.replace('badge st-', '') : ''];
        });""")
        fragment = {r: "".join(c if c.isalnum() or c == "-" else "-" for c in r) for r in expected}
        want = sorted((fragment[r], s) for r, s in expected.items())
        check(sorted(map(tuple, shown)) == want,
              f"the findings table shows the CLI's status for each of the {len(expected)} requirements")
        gaps = [r for r, s in expected.items() if s != "met"]
        check(len(gaps) > 0 and any(s == "met" for s in expected.values()), "the bill has both met requirements and gaps")

        target = gaps[0]
        details = wd.find(f'details[data-requirement="{target}"]')
        summary = wd.s("POST", f"/element/{details}/element", {"using": "css selector", "value": "summary"})
        summary = list(summary.values())[0]
        pre = list(wd.s("POST", f"/element/{details}/element", {"using": "css selector", "value": "pre"}).values())[0]
        check(not wd.s("GET", f"/element/{pre}/displayed"), f"the explanation of {target} starts closed")
        wd.s("POST", f"/element/{summary}/click", {})
        opened = wd.s("GET", f"/element/{pre}/displayed")
        text = wd.s("GET", f"/element/{pre}/text")
        check(opened and text.startswith(target) and "rules looked for:" in text,
              f"clicking {target} opens its explanation (what lacuna explain prints)")
        wd.screenshot(os.path.join(out, "explanation.png"))

        link = wd.find("a#download-json")
        wd.s("POST", f"/element/{link}/click", {})
        end = time.time() + TIMEOUT
        files = []
        while time.time() < end:
            files = [f for f in os.listdir(downloads) if f.endswith(".json")]
            if files:
                break
            time.sleep(0.2)
        check(len(files) == 1, f"the JSON report downloads: {files}")
        if files:
            with open(os.path.join(downloads, files[0])) as f:
                got = json.load(f)
            check(got["document"]["path"] == os.path.basename(bill), "the download names the uploaded file, not a path")
            got["document"].pop("path")
            cli["document"].pop("path")
            check(got == cli, "the downloaded JSON equals lacuna analyze --format json (the path aside)")

        wd.s("POST", "/window/rect", {"width": 390, "height": 844})
        wd.s("POST", "/url", {"url": url})
        wide = wd.script("return document.documentElement.scrollWidth;")
        check(wide <= 400, f"the Analyse page fits a phone's width (scroll width {wide})")
        wd.screenshot(os.path.join(out, "analyse-phone.png"))
    except Exception as e:  # a failed step is a failure, not a crash
        check(False, f"the browser test ran to the end: {e}")
    finally:
        try:
            if wd.session:
                wd.call("DELETE", f"/session/{wd.session}")
        except Exception:
            pass
        driver_proc.terminate()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        driver_proc.wait(timeout=20)
        shutil.rmtree(downloads, ignore_errors=True)
    print(f"browser: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
