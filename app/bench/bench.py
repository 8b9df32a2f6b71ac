#!/usr/bin/env python3
"""Side-by-side benchmark: our server against nginx, lighttpd and the JDK's jwebserver.

Needs: python3, wrk, a JDK >= 21 (for our jar and jwebserver); nginx and lighttpd are used when
installed (Debian: apt-get install -y wrk nginx-light lighttpd). Everything binds to 127.0.0.1
on free ports, every process started is stopped by PID on exit, and Log.csv is ON for ours.

Usage (from the repository root):
    python3 app/bench/bench.py                       # full run: 3 rounds x 10 s per scenario
    python3 app/bench/bench.py --duration 3 --rounds 1 --scenarios a,f   # a quick look
    python3 app/bench/bench.py --startup-only                             # start-up table alone
    python3 app/bench/bench.py --memory-only --servers ours               # peak RSS at 256 connections

It prints one Markdown table per scenario (medians over the rounds) and writes the same text to
--out (default: target/bench/latest.md under app/). See BENCHMARKS.md.
"""

import argparse
import hashlib
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JAR = os.path.join(REPO, "app", "target", "webserver.jar")
FIXED_MTIME = 1_700_000_000  # 2023-11-14T22:13:20Z: every fixture file gets this mtime
LM_HEADER = "Tue, 14 Nov 2023 22:13:20 GMT"

# The JVM flags our README's run command uses (java @app/jvm.options); the benchmark measures exactly those.
JVM_OPTIONS = os.path.join(REPO, "app", "jvm.options")

SCENARIOS = {
    # id: (title, path, connections, extra wrk args, keep-alive)
    "a": ("1 KiB, keep-alive, 64 connections", "/small.html", 64, []),
    "b": ("1 KiB, keep-alive, 256 connections", "/small.html", 256, []),
    "c": ("1 KiB, new connection per request, 32 connections", "/small.html", 32,
          ["-H", "Connection: close"]),
    "d": ("100 KiB, keep-alive, 32 connections", "/medium.jpg", 32, []),
    "e": ("10 MiB, keep-alive, 4 connections", "/large.bin", 4, []),
    "f": ("1 KiB revalidation (304), keep-alive, 64 connections", "/small.html", 64,
          ["-H", "If-Modified-Since: " + LM_HEADER]),
    "g": ("1 KiB, keep-alive, 64 connections, 5,000 idle connections held open", "/small.html", 64, []),
}


def die(message):
    print("bench: " + message, file=sys.stderr)
    sys.exit(2)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_jdk():
    """A JDK >= 21: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm."""
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(os.environ["JAVA_HOME"])
    if os.path.isdir("/usr/lib/jvm"):
        candidates += sorted((os.path.join("/usr/lib/jvm", d) for d in os.listdir("/usr/lib/jvm")), reverse=True)
    for home in candidates:
        release = os.path.join(home, "release")
        if not os.path.isfile(release):
            continue
        match = re.search(r'JAVA_VERSION="(\d+)', open(release).read())
        if match and int(match.group(1)) >= 21 and os.path.isfile(os.path.join(home, "bin", "jwebserver")):
            return home
    die("no JDK >= 21 found (set JAVA_HOME to one)")


# ---------------------------------------------------------------- fixture

def make_fixture(root):
    os.makedirs(root, exist_ok=True)
    head = b"<!doctype html><title>bench</title>\n"
    small = head + b"<p>" + b"x" * (1024 - len(head) - len(b"<p></p>\n")) + b"</p>\n"  # exactly 1 KiB
    files = {
        "small.html": small,
        "medium.jpg": _pseudo_random(100 * 1024, seed=1),
        "large.bin": _pseudo_random(10 * 1024 * 1024, seed=2),
    }
    for name, data in files.items():
        path = os.path.join(root, name)
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


def _pseudo_random(size, seed):
    out = bytearray()
    block = hashlib.sha256(str(seed).encode()).digest()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block * 64
    return bytes(out[:size])


# ---------------------------------------------------------------- servers

@dataclass
class Server:
    name: str
    argv: list
    port: int
    cpu: str
    env: dict = field(default_factory=dict)
    proc: subprocess.Popen = None
    startup_ms: float = None
    peak_rss_kib: dict = field(default_factory=dict)
    notes: set = field(default_factory=set)

    def start(self, workdir):
        env = dict(os.environ, **self.env)
        cwd = REPO if self.name == "ours" else workdir
        log = open(os.path.join(workdir, self.name + ".out"), "ab")
        argv = ["taskset", "-c", self.cpu] + self.argv if shutil.which("taskset") else self.argv
        t0 = time.monotonic()
        self.proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, cwd=cwd, env=env,
                                     start_new_session=True)
        self.startup_ms = wait_until_serving(self.port, self.proc, t0)

    def pids(self):
        """The server's process and its children (nginx and lighttpd fork workers)."""
        pids = [self.proc.pid]
        try:
            out = subprocess.run(["pgrep", "-s", str(self.proc.pid)], capture_output=True, text=True).stdout
            pids += [int(p) for p in out.split() if int(p) != self.proc.pid]
        except FileNotFoundError:
            pass
        return pids

    def rss_hwm_kib(self):
        total = 0
        for pid in self.pids():
            try:
                for line in open(f"/proc/{pid}/status"):
                    if line.startswith("VmHWM:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total

    def stop(self):
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)


def wait_until_serving(port, proc, t0, timeout=30.0):
    """Milliseconds from launch to the first complete HTTP response."""
    deadline = t0 + timeout
    request = b"GET /small.html HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            die(f"server on port {port} exited with {proc.returncode} during start-up")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(request)
                if s.recv(12).startswith(b"HTTP/1."):
                    return (time.monotonic() - t0) * 1000
        except OSError:
            time.sleep(0.002)
    die(f"server on port {port} did not answer within {timeout} s")


def nginx_server(fixture, workdir, cpu):
    port = free_port()
    conf = os.path.join(workdir, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""
worker_processes 1;
daemon off;
master_process on;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 16384; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 1000000;
    open_file_cache max=1000 inactive=60s;
    open_file_cache_valid 60s;
    if_modified_since before;
    client_body_temp_path {workdir}/nginx-body;
    proxy_temp_path {workdir}/nginx-proxy;
    fastcgi_temp_path {workdir}/nginx-fastcgi;
    uwsgi_temp_path {workdir}/nginx-uwsgi;
    scgi_temp_path {workdir}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port} backlog=4096;
        root {fixture};
    }}
}}
""")
    return Server("nginx", ["nginx", "-c", conf, "-p", workdir], port, cpu)


def lighttpd_server(fixture, workdir, cpu):
    port = free_port()
    conf = os.path.join(workdir, "lighttpd.conf")
    with open(conf, "w") as f:
        f.write(f"""
server.document-root = "{fixture}"
server.bind = "127.0.0.1"
server.port = {port}
server.max-keep-alive-requests = 1000000
server.max-keep-alive-idle = 75
server.max-fds = 16384
server.max-connections = 8192
server.network-backend = "sendfile"
server.errorlog = "{workdir}/lighttpd-error.log"
mimetype.assign = (".html" => "text/html", ".jpg" => "image/jpeg", ".bin" => "application/octet-stream")
""")
    return Server("lighttpd", ["lighttpd", "-D", "-f", conf], port, cpu)


def our_server(fixture, workdir, cpu, java):
    port = free_port()
    # Run from the repository root, as the README's command does: jvm.options holds relative paths.
    argv = [java, "@" + JVM_OPTIONS, "-jar", JAR, "--port", str(port), "--root", fixture,
                             "--log", os.path.join(workdir, "Log.csv"), "--quiet"]
    return Server("ours", argv, port, cpu)


def jwebserver(fixture, workdir, cpu, jdk):
    port = free_port()
    return Server("jwebserver", [os.path.join(jdk, "bin", "jwebserver"), "-b", "127.0.0.1", "-p", str(port),
                                 "-d", fixture, "-o", "none"], port, cpu)


# ---------------------------------------------------------------- measurement

def check_bodies(server, digests):
    for name, digest in digests.items():
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/{name}", timeout=30) as r:
            got = hashlib.sha256(r.read()).hexdigest()
        if got != digest:
            die(f"{server.name} served {name} with wrong bytes")


@dataclass
class Sample:
    rps: float
    transfer: float  # bytes/s
    p50_ms: float
    p99_ms: float
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
_SIZES = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def run_wrk(port, path, connections, extra, duration, cpu):
    argv = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"] + extra + \
           [f"http://127.0.0.1:{port}{path}"]
    if shutil.which("taskset"):
        argv = ["taskset", "-c", cpu] + argv
    out = subprocess.run(argv, capture_output=True, text=True, timeout=duration + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    t = re.search(r"Transfer/sec:\s+([\d.]+)(\w+)", out)
    transfer = float(t.group(1)) * _SIZES.get(t.group(2), 1)

    def pct(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(\w+)", out, re.M)
        return float(m.group(1)) * _UNITS[m.group(2)] if m else float("nan")

    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        # A read error on a Connection: close run is the server closing as asked, not a fault.
        connect, read, write, timeouts = map(int, m.groups())
        errors += connect + write + timeouts + (0 if "Connection: close" in extra else read)
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors += int(m.group(1))
    return Sample(rps, transfer, pct(50), pct(99), errors), out


class IdleConnections:
    """Holds up to N keep-alive connections open, each having completed one request (scenario g).

    A server that refuses or resets some of them is not stopped by it: `held` says how many stayed.
    """

    def __init__(self, port, count):
        self.sockets = []
        request = b"GET /small.html HTTP/1.1\r\nHost: bench\r\n\r\n"
        for _ in range(count):
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=10)
                s.sendall(request)
                self.sockets.append(s)
            except OSError:
                break
        alive = []
        for s in self.sockets:  # read each response so the connection is idle, not mid-request
            try:
                if s.recv(65536):
                    alive.append(s)
                    continue
            except OSError:
                pass
            s.close()
        self.sockets = alive
        self.held = len(alive)

    def close(self):
        for s in self.sockets:
            s.close()


def median(values):
    return statistics.median(values) if values else float("nan")


def fmt_bytes(n):
    for unit in ("B/s", "KiB/s", "MiB/s", "GiB/s"):
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB/s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--scenarios", default="a,b,c,d,e,f,g")
    parser.add_argument("--servers", default="ours,nginx,lighttpd,jwebserver")
    parser.add_argument("--idle", type=int, default=5000, help="idle connections in scenario g")
    parser.add_argument("--warmup", type=int, default=5,
                        help="seconds of each scenario per server before measuring (the JIT compiles meanwhile)")
    parser.add_argument("--memory-only", action="store_true",
                        help="only the memory figure: a fresh process per server, scenario (b) alone, peak RSS")
    parser.add_argument("--startup-only", action="store_true",
                        help="only the start-up table: launch to first response, fresh processes, no wrk needed")
    parser.add_argument("--startup-runs", type=int, default=5,
                        help="fresh launches per server for the start-up table (median)")
    parser.add_argument("--out", default=os.path.join(REPO, "app", "target", "bench", "latest.md"))
    args = parser.parse_args()

    if not shutil.which("wrk") and not args.startup_only:
        die("wrk is not installed (Debian: apt-get install -y wrk)")
    jdk = find_jdk()
    java = os.path.join(jdk, "bin", "java")
    if "ours" in args.servers.split(",") and not os.path.isfile(JAR):
        print("bench: building app/target/webserver.jar ...", file=sys.stderr)
        subprocess.run([os.path.join(REPO, "mvnw"), "-q", "-B", "-pl", "app", "-am", "package", "-DskipTests"],
                       cwd=REPO, check=True)

    scenarios = ["b"] if args.memory_only else [s for s in args.scenarios.split(",") if s]
    for s in scenarios:
        if s not in SCENARIOS:
            die(f"unknown scenario {s!r}; choose from {','.join(SCENARIOS)}")
    wanted = [s for s in args.servers.split(",") if s]
    cpus = os.cpu_count() or 1
    server_cpu, client_cpu = ("1", "0") if cpus >= 2 else ("0", "0")

    workdir = tempfile.mkdtemp(prefix="webserver-bench-")
    os.chmod(workdir, 0o755)  # nginx and lighttpd workers may run as an unprivileged user
    fixture = os.path.join(workdir, "www")
    digests = make_fixture(fixture)

    factories = {
        "ours": lambda: our_server(fixture, workdir, server_cpu, java),
        "nginx": lambda: nginx_server(fixture, workdir, server_cpu) if shutil.which("nginx") else None,
        "lighttpd": lambda: lighttpd_server(fixture, workdir, server_cpu) if shutil.which("lighttpd") else None,
        "jwebserver": lambda: jwebserver(fixture, workdir, server_cpu, jdk),
    }
    servers = []
    skipped = []
    try:
        startup = startup_table(factories, wanted, workdir, args.startup_runs)
        print(startup, file=sys.stderr)
        if args.startup_only:
            print(startup)
            return
        for name in wanted:
            server = factories[name]()
            if server is None:
                skipped.append(name)
                continue
            servers.append(server)  # before anything can fail, so the finally below stops it
            server.start(workdir)
            check_bodies(server, digests)
            print(f"bench: {name} on 127.0.0.1:{server.port}, first response after {server.startup_ms:.0f} ms",
                  file=sys.stderr)

        # Every server gets the same unmeasured warm-up: a JVM needs it for its JIT, the C servers don't
        # mind it. Without it the first round measures compilation, not serving.
        if args.warmup > 0:
            for srv in servers:
                for s in scenarios:
                    _, path, conns, extra = SCENARIOS[s]
                    run_wrk(srv.port, path, conns, extra, args.warmup, client_cpu)
            print(f"bench: warmed up every server for {args.warmup} s per scenario", file=sys.stderr)

        if args.memory_only:
            report = memory_report(servers, args, client_cpu)
            print(startup + "\n" + report)
            return

        results = {(s, srv.name): [] for s in scenarios for srv in servers}
        for rnd in range(args.rounds):
            for s in scenarios:
                title, path, conns, extra = SCENARIOS[s]
                # Alternate the order each round so no server always runs first or last.
                order = servers if rnd % 2 == 0 else list(reversed(servers))
                for srv in order:
                    idle = IdleConnections(srv.port, args.idle) if s == "g" else None
                    if idle and idle.held < args.idle:
                        srv.notes.add(f"held only {idle.held} of {args.idle} idle connections")
                    try:
                        sample, _ = run_wrk(srv.port, path, conns, extra, args.duration, client_cpu)
                    finally:
                        if idle:
                            idle.close()
                    srv.peak_rss_kib[s] = srv.rss_hwm_kib()
                    results[(s, srv.name)].append(sample)
                    print(f"bench: round {rnd + 1} ({s}) {srv.name}: {sample.rps:,.0f} req/s, "
                          f"p99 {sample.p99_ms:.2f} ms, errors {sample.errors}", file=sys.stderr)

        report = render(scenarios, servers, results, args, skipped, startup)
        print(report)
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        with open(args.out, "w") as f:
            f.write(report)
    finally:
        for srv in servers:
            srv.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def startup_table(factories, wanted, workdir, runs):
    """Launch to first complete response, median (and range) of `runs` fresh launches per server.

    Each launch is a new process on a new port, stopped before the next; nothing else runs meanwhile.
    """
    lines = [f"Start-up, launch to first response, {runs} fresh launches each:", "",
             "| server | median | min | max |", "| --- | ---: | ---: | ---: |"]
    for name in wanted:
        times = []
        for _ in range(max(1, runs)):
            server = factories[name]()
            if server is None:
                break
            try:
                server.start(workdir)
                times.append(server.startup_ms)
            finally:
                server.stop()
        if times:
            lines.append(f"| {name} | {median(times):.0f} ms | {min(times):.0f} ms | {max(times):.0f} ms |")
        else:
            lines.append(f"| {name} | not installed | | |")
    return "\n".join(lines) + "\n"


def memory_report(servers, args, client_cpu):
    """Peak RSS of processes that served only scenario (b): the memory target's "at 256 connections".

    The main run's RSS column is each process's high-water mark so far, which after the warm-up
    includes scenario (g)'s 5,000 idle connections; this measures 256 connections alone.
    """
    _, path, conns, extra = SCENARIOS["b"]
    lines = [f"Peak RSS after {args.warmup} s + {args.duration} s of scenario (b) alone, fresh processes:", "",
             "| server | req/s | peak RSS |", "| --- | ---: | ---: |"]
    for srv in servers:  # the warm-up already ran scenario (b) alone
        sample, _ = run_wrk(srv.port, path, conns, extra, args.duration, client_cpu)
        lines.append(f"| {srv.name} | {sample.rps:,.0f} | {srv.rss_hwm_kib() / 1024:.1f} MiB |")
    return "\n".join(lines) + "\n"


def render(scenarios, servers, results, args, skipped, startup):
    lines = [f"Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, "
             f"{args.rounds} rounds x {args.duration} s after a {args.warmup} s warm-up per scenario, "
             f"wrk -t1 on CPU 0, servers on CPU 1; medians.", ""]
    if skipped:
        lines += [f"Not installed, skipped: {', '.join(skipped)}.", ""]
    lines += [startup]
    for s in scenarios:
        title = SCENARIOS[s][0]
        lines += [f"### ({s}) {title}", "",
                  "| server | req/s | transfer/s | p50 | p99 | errors | peak RSS | ours ÷ server |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        ours = median([x.rps for x in results.get((s, "ours"), [])])
        for srv in servers:
            samples = results[(s, srv.name)]
            rps = median([x.rps for x in samples])
            ratio = ours / rps if rps and ours == ours else float("nan")
            lines.append(
                f"| {srv.name} | {rps:,.0f} | {fmt_bytes(median([x.transfer for x in samples]))} | "
                f"{median([x.p50_ms for x in samples]):.2f} ms | {median([x.p99_ms for x in samples]):.2f} ms | "
                f"{sum(x.errors for x in samples)} | {srv.peak_rss_kib.get(s, 0) / 1024:.1f} MiB | {ratio:.2f}× |")
        lines.append("")
    for srv in servers:
        for note in sorted(srv.notes):
            lines.append(f"Note: {srv.name} {note}.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
