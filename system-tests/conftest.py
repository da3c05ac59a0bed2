"""Fixtures for the system tests: the built `fazhi` binary, run as a user would run it."""
import os
import socket
import subprocess
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("FAZHI_BINARY", os.path.join(ROOT, ".build", "debug", "fazhi"))
DEMO_PASSWORD = "fazhi-demo-2026"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def database_urls():
    urls = ["sqlite"]
    if os.environ.get("FAZHI_TEST_POSTGRES_URL"):
        urls.append("postgres")
    return urls


class Fazhi:
    """One deployment: a working folder, a database, and the binary."""

    def __init__(self, workdir, kind):
        self.workdir = str(workdir)
        self.kind = kind
        self.env = dict(os.environ)
        self.env["FAZHI_LOG_FORMAT"] = "json"
        self.env["FAZHI_CHECKPOINT_INTERVAL"] = "0"
        self.pg_name = None
        if kind == "sqlite":
            self.env["FAZHI_DATABASE_URL"] = "sqlite:" + os.path.join(self.workdir, "fazhi.sqlite")
        else:
            base = os.environ["FAZHI_TEST_POSTGRES_URL"]
            self.pg_name = "sys_%d_%d" % (os.getpid(), int(time.time() * 1000) % 10**9)
            subprocess.run(["psql", base, "-qc", "CREATE DATABASE " + self.pg_name], check=True)
            self.env["FAZHI_DATABASE_URL"] = base.rsplit("/", 1)[0] + "/" + self.pg_name
        self.server = None
        self.port = None

    def run(self, *args, input=None, check=False):
        return subprocess.run([BINARY, *args], cwd=self.workdir, env=self.env, capture_output=True, text=True,
                              input=input, timeout=300, check=check)

    def start(self, demo=True):
        self.port = free_port()
        args = [BINARY, "serve", "--port", str(self.port)] + (["--demo"] if demo else [])
        self.log = open(os.path.join(self.workdir, "serve-%d.log" % self.port), "w")
        self.server = subprocess.Popen(args, cwd=self.workdir, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url("/healthz"), timeout=2)
                return
            except Exception:
                if self.server.poll() is not None:
                    raise RuntimeError(open(self.log.name).read())
                time.sleep(0.3)
        raise RuntimeError("server did not start")

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def kill(self):
        if self.server and self.server.poll() is None:
            self.server.kill()
            self.server.wait()

    def stop(self):
        if self.server and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.server.kill()

    def close(self):
        self.stop()
        if self.pg_name:
            subprocess.run(["psql", os.environ["FAZHI_TEST_POSTGRES_URL"], "-qc",
                            "DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.pg_name])


@pytest.fixture(params=database_urls())
def fazhi(request, tmp_path):
    f = Fazhi(tmp_path, request.param)
    yield f
    f.close()


@pytest.fixture
def fazhi_sqlite(tmp_path):
    f = Fazhi(tmp_path, "sqlite")
    yield f
    f.close()


def pytest_collection_modifyitems(items):
    """The time-boxed API fuzz runs last: scripts/test runs the Swift tests beside these, and the fuzz covers more of
    the API in its budget once they are done (the other tests take the time they need either way)."""
    items.sort(key=lambda item: "test_api_fuzz.py" in item.nodeid)
