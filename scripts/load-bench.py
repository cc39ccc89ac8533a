#!/usr/bin/env python3
"""Load benchmark of `lacuna serve` (a command, not a test): starts the server on a free
loopback port, has N concurrent clients post a bill to /api/analyze for S seconds, and
prints requests/s, p50/p99 latency, errors and the server's peak memory (VmHWM).

Traffic goes to 127.0.0.1 only, and the run is bounded in time: it stops by itself.

Usage: scripts/load-bench.py [--clients 50] [--seconds 30] [--bill Corpora/common-law-act/bill.txt]
                             [--lacuna .build/release/lacuna] [-- extra lacuna serve options]
"""
import argparse
import http.client
import os
import subprocess
import sys
import threading
import time


def peak_memory_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def client(port, body, stop_at, latencies, errors, lock):
    conn = None
    while time.monotonic() < stop_at:
        start = time.monotonic()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.request("POST", "/api/analyze?format=json&name=bill.txt", body=body,
                         headers={"Content-Type": "application/octet-stream"})
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn = None
        elapsed = time.monotonic() - start
        with lock:
            if ok:
                latencies.append(elapsed)
            else:
                errors.append(elapsed)
    if conn is not None:
        conn.close()


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--bill", default=os.path.join(root, "Corpora/common-law-act/bill.txt"))
    parser.add_argument("--lacuna", default=None, help="the lacuna binary (default: release build, else debug)")
    parser.add_argument("serve_options", nargs="*", help="more options for lacuna serve (after --)")
    args = parser.parse_args()
    if not (1 <= args.clients <= 500 and 0 < args.seconds <= 600):
        sys.exit("load-bench: --clients 1..500 and --seconds up to 600")
    lacuna = args.lacuna or next((p for p in (os.path.join(root, ".build/release/lacuna"), os.path.join(root, ".build/debug/lacuna"))
                                  if os.access(p, os.X_OK)), None)
    if lacuna is None:
        sys.exit("load-bench: build lacuna first (swift build -c release)")
    with open(args.bill, "rb") as f:
        body = f.read()

    server = subprocess.Popen([lacuna, "serve", "--port", "0", *args.serve_options], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port = int(line.split("http://127.0.0.1:", 1)[1].split("/", 1)[0])
        # One request first, so rule compilation is not in the figures.
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        warm.request("POST", "/api/analyze?name=bill.txt", body=body)
        warm_status = warm.getresponse().status
        warm.close()
        if warm_status != 200:
            sys.exit(f"load-bench: the warm-up request got {warm_status}")
        latencies, errors, lock = [], [], threading.Lock()
        start = time.monotonic()
        stop_at = start + args.seconds
        threads = [threading.Thread(target=client, args=(port, body, stop_at, latencies, errors, lock)) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - start
        peak = peak_memory_kib(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    latencies.sort()
    print(f"lacuna serve load: {args.clients} clients, {args.seconds:g} s, {len(body)} byte bill ({os.path.basename(os.path.dirname(args.bill))})")
    print(f"  requests   {len(latencies)} ok, {len(errors)} errors")
    print(f"  throughput {len(latencies) / wall:.1f} requests/s")
    print(f"  latency    p50 {percentile(latencies, 50) * 1000:.0f} ms, p99 {percentile(latencies, 99) * 1000:.0f} ms, "
          f"max {(latencies[-1] if latencies else float('nan')) * 1000:.0f} ms")
    print(f"  peak RSS   {peak / 1024:.0f} MB" if peak else "  peak RSS   unknown (no /proc)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
