"""Abuse the archive on loopback and measure whether a normal search still answers quickly.

    python benchmarks/abuse.py                 # about 2 minutes after the first run's set-up
    python benchmarks/abuse.py --seconds 8     # shorter phases
    python benchmarks/abuse.py --front nginx   # behind deploy/nginx.conf, as in the compose file

Serves the archive under gunicorn with production settings and the project's gunicorn config
(config/gunicorn.conf.py), against a synthetic corpus in var/pg-abuse (made on the first run,
--statements rows) and its search index beside it (var/pg-abuse-search-index). Then, one phase
at a time, an attacker runs

  slow readers     exports read at 5 KB/s through a 4 KB receive window
  slowloris        connections that trickle request headers, and ones that stall
  search burst     expensive searches (broad words, relevance, name filters) from 8 threads
  login brute      wrong admin passwords from 4 threads

while a probe (its own process and loopback address) runs a normal search twice a second.
Printed per phase: the probe's p50/p95 and its non-200 answers, the attacker's answers by
status, and the CPU time gunicorn's workers and the attacker's client spent. A phase is OK when
the probe's p95 is under 1 s, the probe got only 200s and the attacker no 5xx (429s are the
intended answer). Everything talks to 127.0.x.x only; each phase is bounded in time.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PGDATA_DIR", str(ROOT / "var" / "pg-abuse"))

from benchmarks.stack import app_env, database_url, free_port, wait_until_up  # noqa: E402

PROBE_QUERIES = ["climate finance", "nuclear weapons", "trafficking victims", "women peace"]
EXPENSIVE = [
    "/statements/?q=the+of+and+development",
    "/statements/?q=a&sort=relevance",
    "/speakers/?name=a",
    "/api/v1/statements?q=development&sort=relevance&limit=100",
    "/statements/?q=security+council+development&sort=oldest",
]
ADMIN_USER, ADMIN_PASSWORD = "abuse-admin", "a-long-unguessable-password-1234"


class Phase:
    """What one phase measured: the probe's latencies and statuses, the attacker's statuses."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.latencies: list[float] = []
        self.probe = Counter()
        self.attack = Counter()
        self.lock = threading.Lock()
        self.cpu = ""  # CPU seconds the server and the attacker's client spent

    def attacked(self, outcome: str) -> None:
        with self.lock:
            self.attack[outcome] += 1

    def report(self) -> str:
        lat = sorted(self.latencies) or [float("nan")]
        p95 = lat[min(len(lat) - 1, int(len(lat) * 0.95))]
        bad = {k: v for k, v in self.probe.items() if k != "200"}
        # The attacker may be refused (429) or cut off, but never see the server fail.
        failed = [k for k in self.attack if re.search(r"\b5\d\d\b", k)]
        verdict = "OK" if p95 < 1.0 and not bad and not failed else "FAIL"
        attack = ", ".join(f"{k}: {v}" for k, v in sorted(self.attack.items())) or "-"
        return (
            f"{self.name:<14} probe n={len(self.latencies):>3} p50={statistics.median(lat):.3f}s "
            f"p95={p95:.3f}s errors={bad or 0}  {verdict}\n{'':<15}attacker: {attack}"
            f"\n{'':<15}CPU: {self.cpu}"
        )


def connect(port: int, source: str, timeout: float = 30) -> http.client.HTTPConnection:
    return http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )


def probe(port: int, source: str, seconds: float) -> tuple[list[float], Counter]:
    """A researcher's normal searches, twice a second for `seconds`, from their own address.

    Runs in a process of its own: a real visitor is not slowed by the attacker's client code
    (this process's threads would otherwise wait for the attacker's GIL).
    """
    latencies, statuses = [], Counter()
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline:
        query = urlencode({"q": PROBE_QUERIES[i % len(PROBE_QUERIES)], "page": 1 + i % 3})
        i += 1
        started = time.perf_counter()
        try:
            conn = connect(port, source, timeout=10)
            conn.request("GET", f"/statements/?{query}")
            response = conn.getresponse()
            response.read()
            status = str(response.status)
            conn.close()
        except OSError as error:
            status = type(error).__name__
        latencies.append(time.perf_counter() - started)
        statuses[status] += 1
        time.sleep(max(0.0, min(0.5, deadline - time.monotonic())))
    return latencies, statuses


def slow_reader(port: int, phase: Phase, stop: threading.Event, source: str) -> None:
    """Ask for the full CSV export and read it at 5 KB/s through a 4 KB window."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.bind((source, 0))
    sock.settimeout(30)
    try:
        sock.connect(("127.0.0.1", port))
        sock.sendall(b"GET /statements/export.csv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        head = sock.recv(1024)
        phase.attacked("export " + head.split(b" ", 2)[1].decode())
        while not stop.is_set() and sock.recv(1024):
            stop.wait(0.2)
    except OSError as error:
        phase.attacked(f"export {type(error).__name__}")
    finally:
        sock.close()


def slowloris(port: int, phase: Phase, stop: threading.Event, source: str, *, trickle: bool):
    """Send a request's first line, then a header every 3 s (trickle) or nothing (stall)."""
    sock = socket.socket()
    sock.bind((source, 0))
    sock.settimeout(0.5)
    kind = "trickle" if trickle else "stalled"
    try:
        sock.connect(("127.0.0.1", port))
        sock.sendall(b"GET /statements/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while not stop.wait(2.5):
            if trickle:
                sock.sendall(b"X-Slow: 1\r\n")
            try:
                if sock.recv(1) == b"":
                    phase.attacked(f"{kind}: cut by server")
                    return
            except TimeoutError:
                continue  # still open
        phase.attacked(f"{kind}: held to the end")
    except OSError:
        phase.attacked(f"{kind}: cut by server")
    finally:
        sock.close()


def expensive_search(port: int, phase: Phase, stop: threading.Event, source: str) -> None:
    """Expensive searches back to back from one address."""
    i = 0
    while not stop.is_set():
        path = EXPENSIVE[i % len(EXPENSIVE)]
        i += 1
        try:
            conn = connect(port, source)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            phase.attacked(str(response.status))
            conn.close()
        except OSError as error:
            phase.attacked(type(error).__name__)


def login_brute(port: int, phase: Phase, stop: threading.Event, source: str) -> None:
    """Wrong passwords for the admin account, as fast as the server answers."""
    i = 0
    while not stop.is_set():
        i += 1
        try:
            conn = connect(port, source)
            conn.request("GET", "/admin/login/")
            page = conn.getresponse()
            html = page.read().decode()
            if page.status != 200:  # the login form itself refused (nginx limits both methods)
                phase.attacked(f"{page.status} on the form")
                conn.close()
                continue
            cookie = page.getheader("Set-Cookie", "").split(";")[0]
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            form = urlencode(
                {"username": ADMIN_USER, "password": f"guess-{i}", "csrfmiddlewaretoken": token}
            )
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
            conn.request("POST", "/admin/login/", form, headers)
            response = conn.getresponse()
            response.read()
            outcome = {200: "200 wrong password", 302: "302 LOGGED IN"}.get(response.status)
            phase.attacked(outcome or str(response.status))
            conn.close()
        except (OSError, AttributeError) as error:
            phase.attacked(type(error).__name__)


def warm_up(port: int) -> None:
    """Ask every probe search once, as a visitor before us would have (the site caches)."""
    for i in range(len(PROBE_QUERIES) * 3):
        query = urlencode({"q": PROBE_QUERIES[i % len(PROBE_QUERIES)], "page": 1 + i % 3})
        conn = connect(port, "127.0.0.250", timeout=60)
        conn.request("GET", f"/statements/?{query}")
        conn.getresponse().read()
        conn.close()


def run_phase(
    server: tuple[int, int],
    name: str,
    attackers: list[Callable],
    seconds: float,
    n: int,
    prober: Executor,
) -> Phase:
    """Run the attackers, and the probe for `seconds`; stop everything; return the measures."""
    port, pid = server
    phase, stop = Phase(name), threading.Event()
    source = f"127.0.{2 + n}.1"  # one attacking client per phase
    threads = [
        threading.Thread(target=attacker, args=(port, phase, stop, source))
        for attacker in attackers
    ]
    server_before, client_before = workers_cpu(pid), time.process_time()
    for thread in threads:
        thread.start()
    time.sleep(1)  # let the attack take hold before measuring
    phase.latencies, phase.probe = prober.submit(probe, port, f"127.0.1.{n}", seconds).result()
    stop.set()
    for thread in threads:
        thread.join(timeout=40)
    phase.cpu = (
        f"gunicorn workers {workers_cpu(pid) - server_before:.1f} s, "
        f"attacker's client {time.process_time() - client_before:.1f} s"
    )
    return phase


def workers_cpu(master: int) -> float:
    """CPU seconds (user + system) the gunicorn master's live workers have used (Linux /proc)."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        total = 0
        for child in children:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
    except OSError:
        return float("nan")
    return total / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    """The machine's load over 1, 5 and 15 minutes (the machine may be shared)."""
    return " / ".join(f"{value:.2f}" for value in os.getloadavg()) + f" on {os.cpu_count()} cores"


def manage(env: dict[str, str], *args: str) -> str:
    """Run manage.py; return its output's last line."""
    cmd = [sys.executable, str(ROOT / "manage.py"), *args]
    done = subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    return (done.stdout.strip().splitlines() or [""])[-1]


def prepare(env: dict[str, str], statements: int) -> int:
    """Migrate, make the corpus and its search index if missing, add the admin; return the count."""
    manage(env, "migrate", "--no-input")
    count = "from statements.models import Statement; print(Statement.objects.count())"
    if int(manage(env, "shell", "-c", count)) < statements // 2:
        print(f"Generating {statements:,} statements (first run only) ...", flush=True)
        manage(env, "generate_corpus", "--statements", str(statements), "--no-progress")
        manage(env, "rebuild_search_index", "--no-progress")  # searches read this index
    else:
        manage(env, "rebuild_search_index", "--if-missing", "--no-progress")
    user = (
        "from django.contrib.auth.models import User; "
        f"User.objects.filter(username='{ADMIN_USER}').exists() or "
        f"User.objects.create_superuser('{ADMIN_USER}', 'a@example.org', '{ADMIN_PASSWORD}')"
    )
    manage(env, "shell", "-c", user)
    return int(manage(env, "shell", "-c", count))


@contextmanager
def served(env: dict[str, str]):
    """gunicorn with the project's config on a free loopback port."""
    port = free_port()
    cmd = [
        str(Path(sys.executable).with_name("gunicorn")),
        "-c",
        str(ROOT / "config" / "gunicorn.conf.py"),
        f"--bind=127.0.0.1:{port}",
        "config.wsgi:application",
    ]
    env = {**env, "GUNICORN_ACCESSLOG": os.devnull, "GUNICORN_LOGLEVEL": "critical"}
    process = subprocess.Popen(cmd, cwd=ROOT, env=env)
    try:
        wait_until_up(f"http://127.0.0.1:{port}", process)
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


NGINX_TEMPS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def nginx_conf(upstream: int, listen: int, folder: Path) -> str:
    """deploy/nginx.conf pointed at this gunicorn and this port, its files in `folder`."""
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    temps = "".join(f"  {name}_temp_path {folder / name};\n" for name in NGINX_TEMPS)
    for old, new in [
        ("server web:8000;", f"server 127.0.0.1:{upstream};"),
        ("listen 80;", f"listen 127.0.0.1:{listen};"),
        ("alias /dumps/;", f"alias {folder}/dumps/;"),
        ("access_log /dev/stdout;", "access_log off;"),
        ("error_log /dev/stderr warn;", f"error_log {folder / 'error.log'} warn;\n{temps}"),
    ]:
        assert old in conf, f"deploy/nginx.conf no longer has {old!r}"
        conf = conf.replace(old, new)
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"{user}pid {folder / 'nginx.pid'};\n{conf}"


@contextmanager
def fronted(upstream: int):
    """Debian's nginx with the deployment's config in front of gunicorn; yield its port."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        sys.exit("--front nginx needs nginx: apt-get install nginx-light")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="abuse-nginx-") as tmp:
        folder = Path(tmp)
        (folder / "nginx.conf").write_text(nginx_conf(upstream, port, folder))
        cmd = [binary, "-p", tmp, "-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
        process = subprocess.Popen(cmd, stderr=subprocess.PIPE)
        try:
            wait_until_up(f"http://127.0.0.1:{port}", process)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=15, help="Length of each phase")
    parser.add_argument("--statements", type=int, default=20_000, help="Corpus size")
    parser.add_argument(
        "--only", action="append", help="Run only this phase (repeatable), e.g. 'login brute'"
    )
    parser.add_argument(
        "--front", choices=["none", "nginx"], default="none", help="A front server before gunicorn"
    )
    args = parser.parse_args()
    env = {**app_env(database_url()), "DJANGO_LOG_LEVEL": "CRITICAL"}
    if args.front == "nginx":
        env["DJANGO_BEHIND_PROXY"] = "1"  # clients are told apart by nginx's X-Real-IP
    env.pop("DJANGO_RATELIMIT_ENABLE", None)  # production: limits on
    # Every search computed, none from the page cache: the probe's few queries would otherwise be
    # answered from it after their first time, which measures the cache, not the server.
    env["PAGE_CACHE_SECONDS"] = "0"
    total = prepare(env, args.statements)
    phases = [
        ("baseline", []),
        ("slow readers", [slow_reader] * 6),
        (
            "slowloris",
            [lambda *a: slowloris(*a, trickle=True)] * 8
            + [lambda *a: slowloris(*a, trickle=False)] * 8,
        ),
        ("search burst", [expensive_search] * 8),
        ("login brute", [login_brute] * 4),
    ]
    if args.front == "nginx":
        phases.append(("search flood", [expensive_search] * 24))
    front = " behind nginx (deploy/nginx.conf)" if args.front == "nginx" else ""
    print(f"Archive: {total:,} statements; gunicorn -c config/gunicorn.conf.py{front}", flush=True)
    print(f"Load average before: {load_average()}", flush=True)
    results = []
    spawn = multiprocessing.get_context("spawn")
    with ExitStack() as stack:
        port, pid = stack.enter_context(served(env))
        if args.front == "nginx":
            port = stack.enter_context(fronted(port))
        server = (port, pid)
        prober = stack.enter_context(ProcessPoolExecutor(1, mp_context=spawn))
        warm_up(port)
        for n, (name, attackers) in enumerate(phases, start=1):
            if args.only and name not in args.only:
                continue
            phase = run_phase(server, name, attackers, args.seconds, n, prober)
            results.append(phase)
            print(phase.report(), flush=True)
    print(f"Load average after: {load_average()}", flush=True)
    return 0 if all("OK" in p.report() for p in results) else 1


if __name__ == "__main__":
    sys.exit(main())
