#!/usr/bin/env python3
"""browser_test.py - the --annotate report in a real headless Chromium.

    python3 tests/show/browser_test.py MANDELC BUILD_DIR

Writes the tutorial's report, opens it in Debian's `chromium` (headless,
no network, a fresh profile) and drives it through the DevTools protocol
over --remote-debugging-pipe (file descriptors 3 and 4, NUL-separated JSON;
python3's standard library only, no port). Checks that the page loads
with no console error or exception, that every source line is there, and
that a real mouse click on a line opens its LLVM IR and assembly. A
screenshot of the open page is kept at BUILD_DIR/show/annotate.png (its
path is printed). Without chromium the test fails: scripts/setup.sh
installs it.
"""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
TUTORIAL = os.path.join(ROOT, "examples", "pure_python_2.py")
TIMEOUT = 60


class Browser:
    """A headless Chromium and one page, over the DevTools pipe."""

    def __init__(self, exe, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        args = [exe, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--mute-audio",
                f"--user-data-dir={profile}", "--remote-debugging-pipe",
                "--window-size=1200,1000", "about:blank"]
        # Chromium reads commands on fd 3 and writes replies on fd 4; the
        # shell puts the pipe's ends there.
        redirect = f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
        self.proc = subprocess.Popen(
            ["/bin/sh", "-c", redirect, *args],
            pass_fds=(to_browser_r, from_browser_w),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buf, self.next_id, self.events, self.session = b"", 0, [], None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(msg).encode() + b"\0")
        while True:
            m = self.receive()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m["result"]
            self.events.append(m)

    def receive(self):
        deadline = time.time() + TIMEOUT
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("chromium does not answer")
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def wait_event(self, method):
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        while True:
            m = self.receive()
            if m.get("method") == method:
                return m
            self.events.append(m)

    def open_page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"})
        attached = self.send("Target.attachToTarget",
                             {"targetId": target["targetId"],
                              "flatten": True})
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def evaluate(self, expr):
        r = self.send("Runtime.evaluate",
                      {"expression": expr, "returnByValue": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def click(self, x, y):
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": x, "y": y, "button": "left",
                       "clickCount": 1})

    def errors(self):
        """Console errors, uncaught exceptions and failed loads so far."""
        bad = []
        for e in self.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.exceptionThrown":
                bad.append(p["exceptionDetails"].get("text"))
            elif m == "Runtime.consoleAPICalled" and p.get("type") in (
                    "error", "assert"):
                bad.append(json.dumps(p.get("args")))
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                bad.append(p["entry"].get("text"))
        return bad

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print(f"ok: {what}")


def main():
    mandelc, build = sys.argv[1], sys.argv[2]
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("FAIL: chromium is not installed (scripts/setup.sh installs "
              "Debian's chromium package)")
        return 1
    art = os.path.join(build, "show")
    os.makedirs(art, exist_ok=True)
    report = os.path.join(art, "annotate.html")
    r = subprocess.run([mandelc, TUTORIAL, "1000", "1000", "--profile",
                        f"--annotate={report}"], capture_output=True,
                       text=True, timeout=300)
    if r.returncode != 0:
        print(r.stderr)
    check(r.returncode == 0, f"mandelc --annotate={report} --profile")
    with open(TUTORIAL) as f:
        source = f.read().rstrip("\n").split("\n")
    line = next(n for n, t in enumerate(source, 1) if "zi * zi + qi" in t)

    with tempfile.TemporaryDirectory() as profile:
        b = Browser(exe, profile)
        try:
            b.open_page()
            b.send("Page.navigate", {"url": "file://" + report})
            b.wait_event("Page.loadEventFired")
            check(b.errors() == [], f"no console errors: {b.errors()}")
            rows = b.evaluate("Array.from(document.querySelectorAll("
                              "'tr.src td.py')).map(td => td.innerText)")
            check([r.rstrip("\n") for r in rows] == source,
                  f"all {len(source)} source lines shown")
            hidden = b.evaluate(f"document.getElementById('D{line}').hidden")
            check(hidden is True, f"line {line}'s panel starts closed")
            box = b.evaluate(
                f"(() => {{ const r = document.getElementById('L{line}');"
                " r.scrollIntoView({block: 'center'});"
                " const b = r.querySelector('td.py').getBoundingClientRect();"
                " return [b.left + 20, b.top + b.height / 2]; })()")
            b.click(*box)
            panel = b.evaluate(
                f"(() => {{ const d = document.getElementById('D{line}');"
                " const text = s => (d.querySelector('section.' + s) ||"
                " {innerText: ''}).innerText;"
                " return {hidden: d.hidden, height: d.offsetHeight,"
                " ir: text('ir'), asm: text('asm')}; })()")
            check(not panel["hidden"] and panel["height"] > 0,
                  f"a click on line {line} opens its panel")
            check("fmul" in panel["ir"] or "fadd" in panel["ir"],
                  f"the panel shows line {line}'s LLVM IR")
            check("mulsd" in panel["asm"] or "mulpd" in panel["asm"],
                  f"the panel shows line {line}'s assembly")
            shot = b.send("Page.captureScreenshot", {"format": "png"})
            png = os.path.join(art, "annotate.png")
            with open(png, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            check(os.path.getsize(png) > 1000, f"screenshot: {png}")
            check(b.errors() == [], f"still no console errors: {b.errors()}")
        finally:
            b.close()
    print(f"screenshot of the report: {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
