#!/usr/bin/env python3
"""Stress run of the packaged server (app/target/webserver.jar) as a separate process.

Phases, each against a fresh server on 127.0.0.1 and a free port, each bounded in count and time:
  idle       N idle connections held open (default 10,000) while ordinary requests are timed
  slowloris  M clients trickling a request head (default 1,000) while ordinary requests are timed;
             every trickler must be answered 400 and closed by the head timeout
  logfault   Log.csv replaced by a directory, then restored: every request is still served, stderr
             reports the fault at most once per 5 s, the earlier records stay intact, logging resumes
  scale      (opt-in: --phases scale) as many idle connections as the open-file limits allow, up to
             --scale (default 50,000), from source addresses spread over 127.0.0.2-127.0.0.201; reports
             the number held and, when wrk is installed, keep-alive throughput (64 connections, 1 KiB)
             with them held against the same server without them (the target: at least 0.9x)
  soak       C keep-alive clients (default 256) for S seconds (default 30), then SIGTERM while they
             are still sending: the process exits 0 within the grace period and Log.csv holds exactly
             one parseable record per response the clients received completely

Writes <workdir>/summary.json and prints the figures. Exit status 0 only if every check passed.
Trickling clients wait for deadlines (time.sleep between rounds): that is load generation, not
synchronisation. Everything started here is stopped here, by PID.
"""
import argparse, csv, json, os, re, resource, shutil, signal, socket, statistics, subprocess, sys, threading, time

HOST = "127.0.0.1"
FAILURES = []


def check(ok, what):
    print(("  ok   " if ok else "  FAIL ") + what, flush=True)
    if not ok:
        FAILURES.append(what)


class Server:
    """One webserver.jar process; stdout/stderr pumped into lists; stopped by its PID."""

    def __init__(self, args, name, extra=()):
        self.dir = os.path.join(args.workdir, name)
        os.makedirs(os.path.join(self.dir, "www"), exist_ok=True)
        with open(os.path.join(self.dir, "www", "index.html"), "w") as f:
            f.write("<p>" + "x" * 1000 + "</p>\n")  # ~1 KiB
        self.log = os.path.join(self.dir, "Log.csv")
        cmd = [args.java, "-jar", args.jar, "--port", "0", "--root", os.path.join(self.dir, "www"),
               "--log", self.log, "--quiet", *extra]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.stdout, self.stderr = [], []
        self.stderr_times = []
        threading.Thread(target=self._pump, args=(self.proc.stdout, self.stdout, None), daemon=True).start()
        threading.Thread(target=self._pump, args=(self.proc.stderr, self.stderr, self.stderr_times), daemon=True).start()
        deadline = time.monotonic() + 30
        while not self.stdout and time.monotonic() < deadline and self.proc.poll() is None:
            time.sleep(0.05)
        if not self.stdout:
            self.kill()
            raise SystemExit(f"server did not start: {self.stderr}")
        banner = self.stdout[0]
        self.port = int(banner.split("http://127.0.0.1:")[1].split("/")[0])

    @staticmethod
    def _pump(stream, sink, times):
        for line in stream:
            sink.append(line.rstrip("\n"))
            if times is not None:
                times.append(time.monotonic())

    def terminate(self, timeout):
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            code = None
        return code, time.monotonic() - started

    def kill(self):
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


def read_response(sock, buf):
    """Reads one response framed by Content-Length; returns (status, rest-of-buffer) or (None, buf) on close."""
    while b"\r\n\r\n" not in buf:
        data = sock.recv(65536)
        if not data:
            return None, buf
        buf += data
    head, _, buf = buf.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0][9:12])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(buf) < length:
        data = sock.recv(65536)
        if not data:
            return None, buf
        buf += data
    return status, buf[length:]


def timed_get(port):
    started = time.monotonic()
    with socket.create_connection((HOST, port), timeout=10) as s:
        s.settimeout(10)
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        status, _ = read_response(s, b"")
    return status, time.monotonic() - started


def latencies(port, count):
    times = []
    for _ in range(count):
        status, took = timed_get(port)
        check_quiet(status == 200, "ordinary request answered 200")
        times.append(took)
    times.sort()
    return {"n": count, "p50_ms": round(1000 * statistics.median(times), 2),
            "p99_ms": round(1000 * times[int(0.99 * (count - 1))], 2), "max_ms": round(1000 * times[-1], 2)}


def check_quiet(ok, what):
    if not ok:
        check(False, what)


def phase_idle(args, summary):
    print(f"idle: {args.idle} idle connections", flush=True)
    # No tuning: the default --max-connections (16,384) leaves room above 10,000 idle peers.
    server = Server(args, "idle", [])
    held = []
    try:
        started = time.monotonic()
        for _ in range(args.idle):
            held.append(socket.create_connection((HOST, server.port), timeout=10))
        opened = time.monotonic() - started
        lat = latencies(server.port, 200)
        # The held connections are still open and still served when they speak.
        probe = held[-1]
        probe.settimeout(10)
        probe.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        status, _ = read_response(probe, b"")
        check(status == 200, f"the {args.idle}th idle connection is still served")
        check(lat["max_ms"] < 2000, f"ordinary requests with {args.idle} idle connections: {lat}")
        summary["idle"] = {"connections": args.idle, "open_seconds": round(opened, 2), "latency": lat}
    finally:
        for s in held:
            s.close()
        code, took = server.terminate(15)
        check(code == 0, f"idle server exit code {code}")


def wrk_rate(port, seconds):
    """Requests per second of wrk -t1 -c64 against / for a few seconds, or None without wrk."""
    wrk = shutil.which("wrk")
    if not wrk:
        return None
    out = subprocess.run([wrk, "-t1", "-c64", f"-d{seconds}s", f"http://{HOST}:{port}/"],
                         capture_output=True, text=True, timeout=seconds + 30).stdout
    for line in out.splitlines():
        if line.startswith("Requests/sec:"):
            return float(line.split()[1])
    return None


def phase_scale(args, summary):
    print(f"scale: up to {args.scale} idle connections over 200 source addresses", flush=True)
    # Each idle peer holds one descriptor here and one in the server: both processes' limits cap the count.
    server = Server(args, "scale", ["--max-connections", str(args.scale + 1000), "--keep-alive-timeout", "10m"])
    held = []
    try:
        wrk_rate(server.port, 2)  # warm-up: the JIT compiles the request path
        before = wrk_rate(server.port, args.scale_seconds)
        started = time.monotonic()
        stopped_by = "the target (--scale, or this process's open-file limit less 1,000)"
        # Both processes have the same limit; leave the server room for the measuring clients and its files.
        limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        target = args.scale if limit == resource.RLIM_INFINITY else min(args.scale, limit - 1000)
        for i in range(target):
            try:
                s = socket.socket()
            except OSError as e:
                stopped_by = f"this process's open-file limit ({e.strerror})"
                break
            try:
                s.bind((f"127.0.0.{2 + i % 200}", 0))
                s.settimeout(10)
                s.connect((HOST, server.port))
            except OSError as e:
                s.close()
                stopped_by = f"{e.__class__.__name__}: {e.strerror or e}"
                break
            held.append(s)
        opened = time.monotonic() - started
        during = wrk_rate(server.port, args.scale_seconds)
        probe = held[0]
        probe.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        status, _ = read_response(probe, b"")
        check(status == 200, f"the first of {len(held)} idle connections is still served")
        ratio = round(during / before, 3) if before and during else None
        print(f"  held {len(held)} idle connections (stopped by {stopped_by}) in {opened:.1f} s; "
              f"keep-alive req/s without them {before}, with them {during}, ratio {ratio}", flush=True)
        if ratio is not None:
            check(ratio >= 0.9, f"throughput with {len(held)} idle connections held is at least 0.9x: {ratio}")
        summary["scale"] = {"held": len(held), "stopped_by": stopped_by, "open_seconds": round(opened, 2),
                            "req_per_s_without": before, "req_per_s_with": during, "ratio": ratio}
    finally:
        for s in held:
            s.close()
        code, took = server.terminate(30)
        check(code == 0, f"scale server exit code {code}")


def phase_slowloris(args, summary):
    print(f"slowloris: {args.slowloris} trickling clients, head timeout 5s", flush=True)
    server = Server(args, "slowloris", ["--header-timeout", "5s"])
    held = []
    try:
        for _ in range(args.slowloris):
            s = socket.create_connection((HOST, server.port), timeout=10)
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
            held.append(s)
        stop = threading.Event()

        def trickle():
            rounds = 0
            while not stop.is_set() and rounds < 100:  # bounded: at most 100 rounds x 200 ms
                for s in held:
                    try:
                        s.send(b"X")
                    except OSError:
                        pass
                rounds += 1
                time.sleep(0.2)  # load generation: one byte per client per 200 ms

        trickler = threading.Thread(target=trickle, daemon=True)
        started = time.monotonic()
        trickler.start()
        lat = latencies(server.port, 100)
        answered = 0
        for s in held:
            s.settimeout(15)
            try:
                status, _ = read_response(s, b"")
                answered += status == 400
            except OSError:
                pass
        took = time.monotonic() - started
        stop.set()
        trickler.join(30)
        check(lat["max_ms"] < 2000, f"ordinary requests during {args.slowloris} slowloris clients: {lat}")
        check(answered == args.slowloris, f"slowloris clients answered 400 and cut off: {answered}/{args.slowloris} in {took:.1f}s")
        summary["slowloris"] = {"clients": args.slowloris, "cut_off": answered, "all_cut_off_seconds": round(took, 2),
                                "latency": lat}
    finally:
        for s in held:
            s.close()
        code, _ = server.terminate(15)
        check(code == 0, f"slowloris server exit code {code}")


def parse_log(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header, records = rows[0], rows[1:]
    bad = [r for r in records if len(r) != len(header)]
    return header, records, bad


def phase_logfault(args, summary):
    print("logfault: Log.csv replaced by a directory for 12 s, then restored", flush=True)
    server = Server(args, "logfault")
    try:
        for i in range(100):
            check_quiet(timed_get(server.port)[0] == 200, "served before the fault")
        time.sleep(2)  # the log flushes at least once a second: let the first 100 reach the file
        earlier = server.log + ".earlier"
        os.rename(server.log, earlier)
        os.mkdir(server.log)
        fault_started = time.monotonic()
        served = 0
        while time.monotonic() - fault_started < 12:  # bounded by time; ~1 request per 10 ms
            served += timed_get(server.port)[0] == 200
            time.sleep(0.01)  # load generation pace
        os.rmdir(server.log)
        for i in range(100):
            check_quiet(timed_get(server.port)[0] == 200, "served after the fault")
        time.sleep(2)
        fault_lines = [t for t, line in zip(server.stderr_times, server.stderr) if "write failed" in line]
        gaps = [b - a for a, b in zip(fault_lines, fault_lines[1:])]
        check(served > 100, f"served {served} requests while Log.csv was a directory")
        check(1 <= len(fault_lines) <= 4 and all(g >= 4.5 for g in gaps),
              f"fault reported {len(fault_lines)} times in 12 s (gaps {[round(g, 1) for g in gaps]})")
        check(any("writing again" in line for line in server.stderr), "recovery reported on the console")
        _, before, bad_before = parse_log(earlier)
        check(len(before) == 100 and not bad_before, f"the 100 earlier records are intact: {len(before)}")
    finally:
        code, _ = server.terminate(15)
    check(code == 0, f"logfault server exit code {code}")
    _, after, bad_after = parse_log(server.log)
    # The writer keeps failed records queued (up to 8,192) and writes them once it can: nothing lost here.
    check(len(after) == served + 100 and not bad_after,
          f"logging resumed: {len(after)} records after the fault == {served} during + 100 after")
    summary["logfault"] = {"served_during_fault": served, "console_reports": len(fault_lines),
                           "records_after": len(after), "stderr": server.stderr[:6]}


def phase_soak(args, summary):
    print(f"soak: {args.clients} keep-alive clients for {args.seconds}s, then SIGTERM under load", flush=True)
    server = Server(args, "soak")
    counts = [0] * args.clients
    errors = [0] * args.clients
    stop_at = time.monotonic() + args.seconds + 60  # hard bound on every client loop

    def client(i):
        try:
            s = socket.create_connection((HOST, server.port), timeout=10)
            s.settimeout(10)
        except OSError:
            errors[i] += 1
            return
        buf = b""
        with s:
            while time.monotonic() < stop_at:
                try:
                    s.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\nUser-Agent: soak\r\n\r\n")
                    status, buf = read_response(s, buf)
                except OSError:
                    return  # the server stopped: this connection is done
                if status is None:
                    return
                counts[i] += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(args.seconds)  # load generation: let the clients run for the soak period
    received_before_term = sum(counts)
    code, took = server.terminate(20)
    for t in threads:
        t.join(20)
    elapsed = time.monotonic() - started
    received = sum(counts)
    header, records, bad = parse_log(server.log)
    check(code == 0, f"exit code after SIGTERM under load: {code}")
    check(took < 5 + 3, f"stopped {took:.2f}s after SIGTERM (grace 5 s)")
    check(not bad, f"every record has {len(header)} fields ({len(bad)} bad)")
    check(len(records) == received, f"records in Log.csv {len(records)} == responses received {received}")
    check(all(r[6] == "200" for r in records), "every record is a 200")
    summary["soak"] = {"clients": args.clients, "seconds": args.seconds, "responses_received": received,
                       "received_before_sigterm": received_before_term, "log_records": len(records),
                       "requests_per_second": round(received / elapsed), "exit_code": code,
                       "stop_seconds": round(took, 2), "connect_errors": sum(errors), "log": server.log}


def java_feature(java):
    """The feature release of `java` (17, 21, 25...), or None when it can't be run."""
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)', out)
    return int(match.group(1)) if match else None


def find_java():
    """JAVA_HOME's java, java on PATH, or the newest JDK under /usr/lib/jvm: the first that is >= 21."""
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(os.path.join(os.environ["JAVA_HOME"], "bin", "java"))
    if shutil.which("java"):
        candidates.append(shutil.which("java"))
    if os.path.isdir("/usr/lib/jvm"):
        candidates += [os.path.join("/usr/lib/jvm", d, "bin", "java") for d in sorted(os.listdir("/usr/lib/jvm"), reverse=True)]
    for java in candidates:
        if os.path.isfile(java) and (java_feature(java) or 0) >= 21:
            return java
    raise SystemExit("no JDK >= 21 found (set JAVA_HOME to one, or pass --java)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jar", default="app/target/webserver.jar")
    p.add_argument("--java", default=None, help="a JDK >= 21's java (default: JAVA_HOME's, java on PATH, "
                   "or the newest under /usr/lib/jvm, whichever is >= 21 first)")
    p.add_argument("--workdir", default="app/target/stress")
    p.add_argument("--idle", type=int, default=10_000)
    p.add_argument("--slowloris", type=int, default=1_000)
    p.add_argument("--clients", type=int, default=256)
    p.add_argument("--seconds", type=int, default=30)
    p.add_argument("--scale", type=int, default=50_000, help="idle connections the scale phase tries to hold")
    p.add_argument("--scale-seconds", type=int, default=3, help="seconds of each wrk run in the scale phase")
    p.add_argument("--phases", default="idle,slowloris,logfault,soak", help="comma-separated; scale is opt-in")
    args = p.parse_args()
    if sys.version_info < (3, 8):
        raise SystemExit("stress.py needs Python 3.8 or newer")
    if not os.path.isfile(args.jar):
        raise SystemExit(f"no {args.jar}: build it first (./mvnw -q -pl app -am package -DskipTests)")
    if args.java is None:
        args.java = find_java()
    elif not shutil.which(args.java) and not os.path.isfile(args.java):
        raise SystemExit(f"no java at {args.java} (a JDK >= 21; pass --java)")
    elif (java_feature(args.java) or 0) < 21:
        raise SystemExit(f"{args.java} is not a JDK >= 21 (webserver.jar needs one; pass --java)")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    phases_asked = args.phases.split(",")
    need = max(args.idle, args.slowloris, args.clients) + 1000
    if soft < need:
        if hard != resource.RLIM_INFINITY and hard < need:
            raise SystemExit(f"open-file limit {hard} < {need} needed for {args.idle} idle connections")
        resource.setrlimit(resource.RLIMIT_NOFILE, (need, hard))
    if "scale" in phases_asked:
        # As many as allowed: the phase reports how many it held when a limit stopped it.
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    summary = {"command": " ".join(sys.argv), "started": time.strftime("%Y-%m-%d %H:%M:%S"), "cpus": os.cpu_count()}
    phases = {"idle": phase_idle, "slowloris": phase_slowloris, "logfault": phase_logfault, "soak": phase_soak,
              "scale": phase_scale}
    for name in phases_asked:
        phases[name](args, summary)
    summary["failures"] = FAILURES
    with open(os.path.join(args.workdir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary, indent=2))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
