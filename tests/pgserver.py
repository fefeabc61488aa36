"""A real, throwaway PostgreSQL server for the tests (issue 11): no mock, no Docker.

Debian's PostgreSQL (installed by `.ci/run` via scripts/system-deps.sh when missing) is
started with `initdb` in its own temporary folder on a free loopback port, as an
unprivileged user, and stopped after:

    server = PostgresServer()
    server.start()
    url = server.create_database("t1")          # postgresql://ppid@127.0.0.1:PORT/t1
    ...
    server.cleanup()                            # also runs at exit

initdb and pg_ctl refuse to run as root, and the tests run as root in CI: as root the
server runs as the `postgres` system user (else `nobody`), through `setpriv` (else
`runuser`); as any other user it runs as that user. The superuser inside the cluster
is `ppid`, with trust authentication, reachable only on 127.0.0.1 and a Unix socket in
the folder. fsync and full_page_writes are off: that only risks data on an OS crash,
never on a killed server process, so kill() and restart() keep every committed
transaction (synchronous_commit stays on for that; see _CONFIG).

Each server has its own folder (/tmp/ppid-pg-XXXX) and port, so a server left behind by
a killed test run never blocks the next one; start() also stops and removes such
leftovers (folders whose owning process on this host is gone).

No pytest import here: the module is plain Python, imported by the tests (pytest puts
tests/ on sys.path because tests/conftest.py lives there and tests/ has no __init__.py).
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "ppid"
HOST = "127.0.0.1"
FOLDER_PREFIX = "ppid-pg-"
_OWNER_FILE = "owner"
_TIMEOUT = 120  # seconds for any one pg_ctl/initdb call

# A throwaway test server: speed over durability; no parallel workers (they need
# /dev/shm, which is 64 MB in a default Docker container), no JIT (slow to start).
# synchronous_commit stays ON: with it off a commit returns before its WAL leaves the
# server's memory, so kill() (an immediate stop) lost committed rows in the tests; with
# fsync off, on costs only a write() to the page cache (measured: no difference, ~60 us
# per single-row commit either way).
_CONFIG = {
    "listen_addresses": f"'{HOST}'",
    "fsync": "off",
    "synchronous_commit": "on",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "128MB",
    "max_parallel_workers_per_gather": "0",
    "jit": "off",
    "log_min_messages": "warning",
}


class PostgresNotFound(RuntimeError):
    """No PostgreSQL server binaries (initdb, pg_ctl, postgres) on this machine."""


class PostgresServerError(RuntimeError):
    """initdb, pg_ctl or the server itself failed; the message carries their output."""


def find_bindir() -> Path:
    """The folder with initdb/pg_ctl/postgres: `pg_config --bindir`, else the newest
    /usr/lib/postgresql/<version>/bin."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=30)
            if out.returncode == 0 and out.stdout.strip():
                candidates.append(Path(out.stdout.strip()))

    def version(path: str) -> tuple[int, ...]:
        match = re.search(r"/postgresql/([0-9.]+)/bin$", path)
        return tuple(int(p) for p in match.group(1).split(".") if p) if match else ()

    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)]
    for bindir in candidates:
        if all(os.access(bindir / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    raise PostgresNotFound(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: neither `pg_config --bindir` "
        "nor /usr/lib/postgresql/*/bin has them. Install them with "
        "`apt-get install postgresql postgresql-contrib` (scripts/system-deps.sh does it in `make test`)."
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _server_account() -> tuple[int, int, str] | None:
    """(uid, gid, name) to run the server as when we are root; None when we are not."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            entry = pwd.getpwnam(name)
            if entry.pw_uid != 0:
                return entry.pw_uid, entry.pw_gid, name
    raise PostgresServerError("running as root, and neither a `postgres` nor a `nobody` user exists to run the server")


def _process_start(pid: int) -> str | None:
    """The start time (in clock ticks since boot) of a live process, None if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]  # field 22, counted after the command name


class PostgresServer:
    """One throwaway PostgreSQL cluster in its own temporary folder, on its own port."""

    def __init__(self, bindir: str | os.PathLike[str] | None = None, folder: str | os.PathLike[str] | None = None,
                 settings: dict[str, str] | None = None) -> None:
        """``folder``: keep the cluster there across runs (the benchmarks' cached register):
        made with initdb only when it holds none, stopped but never removed by cleanup().
        ``settings``: server settings for every start (``-c name=value``), over _CONFIG's."""
        self.bindir: Path = Path(bindir) if bindir is not None else find_bindir()
        self.host: str = HOST
        self.user: str = SUPERUSER
        self.port: int | None = None  # chosen by the first start(), kept by restart()
        self.folder: Path | None = None  # /tmp/ppid-pg-XXXX, made by the first start()
        self.kept: Path | None = Path(folder).absolute() if folder is not None else None
        self.settings: dict[str, str] = dict(settings or {})
        self.start_seconds: float | None = None  # how long the last start() took
        self._account = _server_account()
        self._cleaned = False

    # -- paths -----------------------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        return self._require_folder() / "data"

    @property
    def log_path(self) -> Path:
        return self._require_folder() / "postgres.log"

    def _require_folder(self) -> Path:
        if self.folder is None:
            raise PostgresServerError("the server has not been started yet")
        return self.folder

    # -- life cycle ------------------------------------------------------------------------

    def start(self) -> None:
        """Start the server, creating the cluster (initdb) on the first call; returns once it
        accepts connections on 127.0.0.1:port. A later start() reuses the data and the port."""
        if self._cleaned:
            raise PostgresServerError("this server has been cleaned up; make a new PostgresServer")
        began = time.monotonic()
        if self.folder is None and self.kept is not None:
            self._open_kept_folder()
        if self.folder is None:
            reap_stale_servers()
            self._make_folder()
            atexit.register(self.cleanup)
            self._initdb()
        if not self.is_running():
            first = self.port is None
            for attempt in range(3):
                if self.port is None:
                    self.port = free_port()
                options = " ".join([f"-p {self.port}", f"-c unix_socket_directories='{self.folder}'",
                                    *(f"-c {key}={value}" for key, value in self.settings.items())])
                try:
                    self._pg_ctl("start", "-w", "-t", "60", "-l", str(self.log_path), "-o", options)
                    break
                except PostgresServerError:
                    # Another process took the free port between our check and the bind.
                    if first and attempt < 2 and "could not bind" in self.log_tail():
                        self.port = None
                        continue
                    raise
        self._wait_ready()
        self.start_seconds = time.monotonic() - began

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (mode: "smart", "fast" or "immediate"); nothing if it is not running."""
        if mode not in ("smart", "fast", "immediate"):
            raise ValueError(f"unknown shutdown mode {mode!r}")
        if self.folder is None or not self.is_running():
            return
        self._pg_ctl("stop", "-w", "-t", "60", "-m", mode)

    def kill(self) -> None:
        """Stop at once, as a crash would (`pg_ctl stop -m immediate`): the next start()
        runs crash recovery; committed transactions survive."""
        self.stop("immediate")

    def restart(self) -> None:
        """Stop (fast) and start again on the same port and data folder."""
        self.stop()
        self.start()

    def is_running(self) -> bool:
        """Whether a postmaster runs on this server's data folder (`pg_ctl status`)."""
        if self.folder is None or not (self.data_dir / "PG_VERSION").exists():
            return False
        result = self._run([self.bindir / "pg_ctl", "status", "-D", self.data_dir], check=False)
        return result.returncode == 0

    def postmaster_pid(self) -> int | None:
        """The postmaster's process id from postmaster.pid, None when there is no such file."""
        if self.folder is None:
            return None
        try:
            return int((self.data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return None

    def cleanup(self) -> None:
        """Stop the server (fast, else immediate) and remove its folder. Idempotent; also
        registered with atexit by the first start()."""
        if self._cleaned:
            return
        self._cleaned = True
        with contextlib.suppress(Exception):
            atexit.unregister(self.cleanup)
        if self.folder is None:
            return
        try:
            self.stop("fast")
        except Exception:
            with contextlib.suppress(Exception):
                self.stop("immediate")
        if self.kept is None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.cleanup()

    # -- databases -------------------------------------------------------------------------

    def url(self, dbname: str = "postgres") -> str:
        """postgresql://ppid@127.0.0.1:{port}/{dbname}"""
        if self.port is None:
            raise PostgresServerError("the server has not been started yet")
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """CREATE DATABASE name (TEMPLATE template STRATEGY FILE_COPY when a template is
        given; the template must have no open connections). Returns the new database's url."""
        from psycopg import sql

        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement += sql.SQL(" TEMPLATE {} STRATEGY FILE_COPY").format(sql.Identifier(template))
        self._admin(statement)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """DROP DATABASE IF EXISTS name WITH (FORCE): open connections to it are ended."""
        from psycopg import sql

        self._admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def _admin(self, statement: object) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True, connect_timeout=10) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    # -- diagnostics -----------------------------------------------------------------------

    def log_tail(self, chars: int = 4000) -> str:
        """The end of the server log, for error messages."""
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except (OSError, PostgresServerError):
            return ""

    def __repr__(self) -> str:
        return f"PostgresServer(folder={self.folder}, port={self.port}, bindir={self.bindir})"

    # -- internals -------------------------------------------------------------------------

    def _open_kept_folder(self) -> None:
        """Use the kept folder: initdb when it has no cluster yet; a server an earlier run
        left running there is stopped first (its port is not known to us)."""
        folder = self.kept
        assert folder is not None
        folder.mkdir(parents=True, exist_ok=True)
        if self._account is not None:
            uid, gid, _ = self._account
            os.chown(folder, uid, gid)
            os.chmod(folder, 0o700)
        self.folder = folder
        atexit.register(self.cleanup)
        if not (self.data_dir / "PG_VERSION").exists():
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self._initdb()
        elif self.is_running():
            self.stop("fast")

    def _make_folder(self) -> None:
        # Directly under /tmp when root: pytest's own tmp folders are 0700 root, which the
        # server's user could not traverse.
        parent = "/tmp" if self._account is not None and os.path.isdir("/tmp") else None
        folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=parent))
        self.folder = folder
        (folder / _OWNER_FILE).write_text(f"{os.getpid()} {_process_start(os.getpid())} {socket.gethostname()}\n")
        if self._account is not None:
            uid, gid, _ = self._account
            os.chown(folder, uid, gid)
            os.chmod(folder, 0o700)

    def _initdb(self) -> None:
        base = [self.bindir / "initdb", "-D", self.data_dir, "-A", "trust", "-U", SUPERUSER,
                "--encoding=UTF8", "--no-sync", "--no-instructions"]
        # C.UTF-8 keeps byte-order collation but lets lower()/upper() and pg_trgm see
        # non-ASCII letters as letters; plain C (--no-locale) only when it is missing.
        result = self._run([*base, "--locale=C.UTF-8"], check=False)
        if result.returncode != 0:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self._run([*base, "--no-locale"])
        settings = dict(_CONFIG, unix_socket_directories=f"'{self.folder}'")
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# ppid-desk test server (tests/pgserver.py)\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())

    def _pg_ctl(self, *args: str) -> None:
        self._run([self.bindir / "pg_ctl", *args[:1], "-D", self.data_dir, *args[1:]])

    def _wait_ready(self, timeout: float = 60) -> None:
        # pg_ctl -w waits for the postmaster; check the TCP port itself answers as well.
        pg_isready = self.bindir / "pg_isready"
        deadline = time.monotonic() + timeout
        while True:
            if os.access(pg_isready, os.X_OK):
                ready = subprocess.run(
                    [pg_isready, "-q", "-h", self.host, "-p", str(self.port), "-U", SUPERUSER, "-d", "postgres",
                     "-t", "2"], env=self._env(), timeout=30, check=False,
                ).returncode == 0
            else:
                with socket.socket() as sock:
                    sock.settimeout(2)
                    ready = sock.connect_ex((self.host, self.port or 0)) == 0
            if ready:
                return
            if time.monotonic() > deadline or not self.is_running():
                raise PostgresServerError(f"the server does not accept connections on {self.host}:{self.port}\n"
                                          f"{self.log_tail()}")
            time.sleep(0.05)

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG") and k not in ("LC_ALL", "LANG")}
        env["LC_ALL"] = "C"
        if self.folder is not None:
            env["HOME"] = str(self.folder)
        return env

    def _run(self, command: list[object], check: bool = True) -> subprocess.CompletedProcess[str]:
        argv = [str(part) for part in command]
        if self._account is not None:
            argv = _as_user(self._account) + argv
        result = subprocess.run(argv, capture_output=True, text=True, env=self._env(), timeout=_TIMEOUT,
                                cwd=self.folder, stdin=subprocess.DEVNULL)
        if check and result.returncode != 0:
            raise PostgresServerError(
                f"{' '.join(argv)} failed ({result.returncode}):\n{result.stdout}{result.stderr}\n{self.log_tail()}"
            )
        return result


def _as_user(account: tuple[int, int, str]) -> list[str]:
    uid, gid, name = account
    if shutil.which("setpriv"):
        return ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", "--"]
    if shutil.which("runuser"):
        return ["runuser", "-u", name, "--"]
    raise PostgresServerError("running as root and neither setpriv nor runuser (util-linux) is available")


def reap_stale_servers() -> list[Path]:
    """Stop and remove the servers of earlier test runs on this host whose process is gone
    (a killed run never reaches atexit). Best effort; returns the folders removed."""
    removed: list[Path] = []
    parents = {Path(tempfile.gettempdir()).resolve(), Path("/tmp").resolve()}
    for path in sorted(p for parent in parents for p in parent.glob(FOLDER_PREFIX + "*")):
        with contextlib.suppress(Exception):
            if _reap(path):
                removed.append(path)
    return removed


def _reap(folder: Path) -> bool:
    try:
        pid, started, host = (folder / _OWNER_FILE).read_text().split()
    except (OSError, ValueError):
        return False  # being made right now, or not ours
    if host != socket.gethostname() or _process_start(int(pid)) == started:
        return False  # another host's (a container sharing /tmp), or its run is alive
    owner = folder.stat().st_uid
    if os.geteuid() not in (0, owner):
        return False
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        bindir = find_bindir()
        account = None if os.geteuid() == owner else (owner, pwd.getpwuid(owner).pw_gid, pwd.getpwuid(owner).pw_name)
        argv = [*(_as_user(account) if account else []), str(bindir / "pg_ctl"), "stop", "-D", str(data),
                "-m", "immediate", "-w", "-t", "30"]
        subprocess.run(argv, capture_output=True, timeout=_TIMEOUT, cwd=folder, stdin=subprocess.DEVNULL, check=False)
    shutil.rmtree(folder, ignore_errors=True)
    return True


def require_password(server: "PostgresServer", user: str, password: str) -> None:
    """Make ``user`` (with a database of the same name) who must give ``password`` over TCP
    on loopback (scram-sha-256), as an office's server does; the superuser stays trusted."""
    import psycopg

    hba = server.data_dir / "pg_hba.conf"
    hba.write_text(f"host all {user} {server.host}/32 scram-sha-256\n" + hba.read_text())
    with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'")
        conn.execute(f"CREATE DATABASE {user} OWNER {user}")
        conn.execute("SELECT pg_reload_conf()")
