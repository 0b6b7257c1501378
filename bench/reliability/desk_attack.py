#!/usr/bin/env python3
"""Attack a desk (`einvoice serve`) on loopback, all at once, and check that it stays up.

At the same time: the fan-out PDF twice, a 50-page bomb, a progressive-JPEG bomb, a slow-drip
client, 2 000 idle connections and 300 concurrent real scans — while normal clients load the page
and verify tokens. The desk runs with its structure checks lifted (--max-form-depth 100,
--max-jpeg-scans 100000) so that the hostile files really reach the C decoders and must be stopped
by --timeout. Passes when: normal clients get answers (no errors but documented 503s), every
hostile request ends by --timeout (+1 s), the slow-drip client is cut off by --idle-timeout, and
the server's resident memory (with its decoder children) stays under 1 GB. Bounded: ~60 s.

Usage: bench/reliability/desk_attack.py [--einvoice PATH] [--port 18080]
"""
import argparse
import http.client
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
import hostile  # noqa: E402
from run import tree_rss_kb  # noqa: E402

TIMEOUT = 8
IDLE = 5


def request(port, method, path, body=None, content_type="application/octet-stream", timeout=60):
    start = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": content_type} if body is not None else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, data, time.monotonic() - start
    except OSError as error:
        return f"error: {error}", b"", time.monotonic() - start
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--einvoice", default=str(ROOT / ".build/release/einvoice"))
    parser.add_argument("--port", type=int, default=18080)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="einvoice-attack-"))
    files = hostile.write_all(folder)
    invoice = (ROOT / "Tests/Fixtures/scan/odoo-invoice.pdf").read_bytes()
    token = (ROOT / "Tests/Fixtures/samples/production-odoo-nic-data.json").read_bytes()
    # The desk records every check, as a real one does, in a ledger of its own (not the user's).
    server = subprocess.Popen([args.einvoice, "serve", "--port", str(args.port), "--ledger", str(folder / "ledger.sqlite"),
                               "--timeout", str(TIMEOUT),
                               "--idle-timeout", str(IDLE), "--max-form-depth", "100", "--max-jpeg-scans", "100000"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        if request(args.port, "GET", "/", timeout=1)[0] == 200:
            break
        time.sleep(0.1)
    peak = [0]
    running = [True]

    def sample():
        while running[0]:
            peak[0] = max(peak[0], tree_rss_kb(server.pid))
            time.sleep(0.02)

    threading.Thread(target=sample, daemon=True).start()

    results = {"hostile": [], "scans": [], "normal": []}
    lock = threading.Lock()

    def record(kind, result):
        with lock:
            results[kind].append(result)

    threads = []

    def spawn(target, *arguments):
        thread = threading.Thread(target=target, args=arguments, daemon=True)
        thread.start()
        threads.append(thread)

    # 2 000 idle connections first: they must not lock anyone out.
    idle = []
    for _ in range(2000):
        try:
            idle.append(socket.create_connection(("127.0.0.1", args.port), timeout=5))
        except OSError as error:
            print(f"idle connection refused: {error}")
            break

    # A slow-drip client: one header byte a second.
    drip = {"closed_after": None}

    def slow_drip():
        start = time.monotonic()
        sock = socket.create_connection(("127.0.0.1", args.port), timeout=30)
        try:
            for byte in b"POST /api/v1/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n":
                sock.send(bytes([byte]))
                time.sleep(1)
                if time.monotonic() - start > 40:
                    break
        except OSError:
            pass
        try:
            sock.settimeout(5)
            closed = sock.recv(1) == b""
        except OSError:
            closed = True
        drip["closed_after"] = time.monotonic() - start if closed else None
        sock.close()

    spawn(slow_drip)

    def hostile_upload(name):
        status, data, seconds = request(args.port, "POST", "/api/v1/scan", files[name].read_bytes())
        record("hostile", (name, status, seconds, data[:160].decode(errors="replace")))

    for name in ["fanout-4x40.pdf", "fanout-4x40.pdf", "pdf-50x119MP-pages.pdf", "progressive-5000-scans.jpg"]:
        spawn(hostile_upload, name)

    def real_scan():
        status, data, seconds = request(args.port, "POST", "/api/v1/scan", invoice, "application/pdf")
        record("scans", (status, seconds, data[:120].decode(errors="replace")))

    for _ in range(300):
        spawn(real_scan)

    def normal_clients():
        deadline = time.monotonic() + 25
        while time.monotonic() < deadline:
            record("normal", ("GET /",) + request(args.port, "GET", "/", timeout=30)[::2])
            record("normal", ("verify",) + request(args.port, "POST", "/api/v1/verify", token, "application/json", timeout=30)[::2])

    for _ in range(4):
        spawn(normal_clients)

    for thread in threads:
        thread.join(timeout=90)
    for sock in idle:
        sock.close()
    running[0] = False
    # SIGTERM must drain and exit.
    start = time.monotonic()
    server.terminate()
    try:
        server.wait(timeout=TIMEOUT + 5)
        stopped = time.monotonic() - start
    except subprocess.TimeoutExpired:
        server.kill()
        stopped = None
    for path in files.values():
        path.unlink()
    for path in folder.glob("ledger.sqlite*"):  # the database and its WAL and shared-memory files
        path.unlink()
    folder.rmdir()
    report(results, drip, peak[0] / 1024, stopped)


def report(results, drip, peak_mb, stopped):
    failures = []
    print(f"desk attack: --timeout {TIMEOUT} s, --idle-timeout {IDLE} s, 2000 idle connections, 300 concurrent scans")
    for name, status, seconds, body in results["hostile"]:
        ok = seconds <= TIMEOUT + 1 and isinstance(status, int)
        failures += [] if ok else [f"hostile {name}"]
        print(f"  hostile {name:28} {status} after {seconds:5.2f} s  {body[:100]}")
    scans = results["scans"]
    by_status = {}
    for status, seconds, _ in scans:
        by_status[status] = by_status.get(status, 0) + 1
    bad_scans = [s for s in scans if s[0] not in (200, 503)]
    failures += [f"{len(bad_scans)} real scans failed: {bad_scans[:3]}"] if bad_scans else []
    answered = sorted(seconds for status, seconds, _ in scans if status == 200)
    print(f"  300 real scans: {json.dumps({str(k): v for k, v in by_status.items()})}"
          + (f"; answered p50 {percentile(answered, 50):.2f} s, p99 {percentile(answered, 99):.2f} s" if answered else ""))
    normal = results["normal"]
    normal_bad = [n for n in normal if n[1] != 200]
    failures += [f"{len(normal_bad)} normal requests failed: {normal_bad[:3]}"] if normal_bad else []
    latencies = sorted(n[2] for n in normal if n[1] == 200)
    if latencies:
        print(f"  normal clients: {len(normal)} requests, {len(normal_bad)} errors; p50 {percentile(latencies, 50) * 1000:.0f} ms, "
              f"p99 {percentile(latencies, 99) * 1000:.0f} ms")
    closed = drip["closed_after"]
    print(f"  slow-drip client: {'cut off after %.1f s' % closed if closed else 'NOT cut off'}")
    if not closed or closed > IDLE + 3:
        failures.append("slow drip")
    print(f"  server peak RSS (with decoder children): {peak_mb:.0f} MB")
    if peak_mb > 1024:
        failures.append("memory")
    print(f"  SIGTERM: {'exited after %.1f s' % stopped if stopped is not None else 'did NOT exit'}")
    if stopped is None:
        failures.append("SIGTERM")
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)
    print("passed")


def percentile(values, p):
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


if __name__ == "__main__":
    main()
