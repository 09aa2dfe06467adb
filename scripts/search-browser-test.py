#!/usr/bin/env python3
"""The search page in headless Chromium, as a reader uses it.

    search-browser-test.py SITE CASES.json

SITE is a site built with the base URL https://example.org/blog/; it is served under /blog/ on
127.0.0.1 (a port the system picks). CASES.json holds:

  folds    {"text": ["term", ...]}: what SearchFolding.swift makes of each text; search.js must
           make the same of it (run in the page, as a reader's browser runs it).
  queries  [{"query": "q=majidi&rating=8", "expect": ["title", ...], "first": "title"}]: the
           search page opened at /blog/search/?<query> must list exactly these titles (and, with
           "first", that one first).
  typed    {"text": "maj", "expect": [...]}: typed into the field, the results come as one types
           and the address bar gets ?q=<text>.
  axe      the query of a results page that axe-core checks in the light and dark schemes.

Runs with the validators' venv (selenium, selenium-axe-python, Debian's chromium and
chromedriver: ../shared/tools/validate-site/install-validators.sh). Prints each check and ends
with "N passed, N failed"; exits 1 when one failed, 2 when it cannot run.
"""
import atexit
import contextlib
import functools
import http.server
import json
import os
import sys
import tempfile
import threading
import time
import urllib.parse


def main():
    site, cases_path = sys.argv[1], sys.argv[2]
    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium_axe_python import Axe
    except ImportError as e:
        print(f"cannot run: {e} (run ../shared/tools/validate-site/install-validators.sh)")
        sys.exit(2)
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-extensions", "--no-first-run", "--window-size=1000,900", "--lang=en-US"):
        opts.add_argument(a)
    # Chromium keeps its profile and a singleton socket folder in TMPDIR and leaves them behind:
    # give it a folder of this run's own, removed at exit.
    scratch = tempfile.TemporaryDirectory(prefix="marquee-search-browser-")
    atexit.register(scratch.cleanup)
    os.environ["TMPDIR"] = scratch.name
    opts.add_argument(f"--user-data-dir={os.path.join(scratch.name, 'profile')}")
    try:
        driver = webdriver.Chrome(service=Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"),
                                                  env=dict(os.environ)), options=opts)
    except Exception as e:  # noqa: BLE001
        print(f"cannot run: headless Chromium did not start: {type(e).__name__}: {e}")
        sys.exit(2)
    passed, failed = 0, 0

    def check(ok, what, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"PASS {what}")
        else:
            failed += 1
            print(f"FAIL {what}{': ' + detail if detail else ''}")

    def settled(timeout=10):
        """The results once the script has finished with the last query."""
        end = time.time() + timeout
        while time.time() < end:
            state = driver.execute_script(
                "var l = document.getElementById('search-results');"
                "return l && l.getAttribute('aria-busy') === 'false' ? "
                "[document.getElementById('search-status').textContent, Array.from(l.querySelectorAll('a')).map(a => a.textContent)] : null")
            if state is not None:
                return state
            time.sleep(0.05)
        return None

    try:
        with serve(site) as root:
            page = root + "search/"
            driver.get(page)
            folds = cases.get("folds", {})
            got = driver.execute_script("return arguments[0].map(t => window.MarqueeSearch.fold(t))", list(folds))
            for text, js in zip(folds, got):
                check(js == folds[text], f"search.js folds {text!r} as Swift does", f"JS {js} vs Swift {folds[text]}")
            for case in cases.get("queries", []):
                driver.get(page + "?" + case["query"])
                state = settled()
                if state is None:
                    check(False, f"?{case['query']}", "the page did not finish")
                    continue
                status, titles = state
                ok = sorted(titles) == sorted(case["expect"]) and (not case.get("first") or (titles[:1] == [case["first"]]))
                check(ok, f"?{case['query']} finds {case['expect']}", f"found {titles} ({status!r})")
            typed = cases.get("typed")
            if typed:
                driver.get(page)
                settled()
                field = driver.find_element(By.ID, "search-query")
                field.send_keys(typed["text"])
                time.sleep(0.3)  # past the debounce
                state = settled()
                titles = state[1] if state else None
                check(titles is not None and sorted(titles) == sorted(typed["expect"]), f"typing {typed['text']!r} finds {typed['expect']}", f"found {titles}")
                query = urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)
                check(query.get("q") == [typed["text"]], "the address follows what is typed", driver.current_url)
                # Arrow down from the field reaches the first result.
                from selenium.webdriver.common.keys import Keys
                field.send_keys(Keys.ARROW_DOWN)
                focused = driver.execute_script("var a = document.activeElement; return a.tagName + ' ' + a.textContent")
                check(titles is not None and focused == "A " + (titles[0] if titles else ""), "the down arrow moves to the first result", focused)
            if cases.get("axe"):
                for scheme in ("light", "dark"):
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                    driver.get(page + "?" + cases["axe"])
                    settled()
                    axe = Axe(driver)
                    axe.inject()
                    results = axe.run()
                    bad = [f"{v['id']} ({v['impact']}): {v['help']}" for v in results["violations"]
                           if v.get("impact") in ("serious", "critical", "moderate")]
                    check(not bad, f"axe-core finds nothing on a results page ({scheme} scheme)", "; ".join(bad))
    finally:
        driver.quit()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site):
    """SITE at http://127.0.0.1:<port>/blog/, as a static host serves it under a sub-path."""
    with tempfile.TemporaryDirectory() as root:
        os.symlink(os.path.abspath(site), os.path.join(root, "blog"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=root))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/blog/"
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
