"""A province's deployment in small (issue 20): a PostgreSQL primary with a synchronous streaming replica made by
pg_basebackup, a TCP proxy standing where HAProxy stands in production, and two `fazhi serve` nodes.

- Two nodes on one primary: concurrent writes through both make one record that verifies; a login throttle reached
  through one node holds on the other; exactly one node signs checkpoints; both started together migrate once.
- Read routing: with the replica's replay paused, the portal read from the replica shows the old state to a passer-by
  while the user who just wrote sees their write (read from the primary for a few seconds); all see it once replayed.
- Failover: under a write load through both nodes the primary is killed (kill -9), the replica promoted
  (`pg_ctl promote`, what Patroni does) and the proxy pointed at it; every acknowledged write is there, the record
  verifies, and both nodes take writes again without a restart.

Skipped, saying why, where PostgreSQL's server programs cannot be found (scripts/test installs them)."""
import glob
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import BINARY, DEMO_PASSWORD, free_port


def pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.environ.get("FAZHI_PG_BIN") or (os.path.dirname(found[-1]) if found else None)


PG_BIN = pg_bin()
pytestmark = pytest.mark.skipif(
    not PG_BIN or not os.path.exists(os.path.join(PG_BIN or "", "pg_basebackup")),
    reason="PostgreSQL server programs (initdb, pg_basebackup) not installed: scripts/test installs Debian's postgresql")


def as_postgres(cmd):
    """Server programs refuse to run as root: run them as the postgres user, as scripts/pg-start does."""
    if os.getuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + cmd
    return cmd


class PgServer:
    def __init__(self, root, name):
        self.data = os.path.join(root, name)
        self.port = free_port()
        self.log = os.path.join(root, name + ".log")
        self.proc_started = False

    def start(self, *settings):
        opts = "-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=200 -c wal_level=replica " \
               "-c max_wal_senders=10 -c hot_standby=on -c wal_keep_size=256MB" % (self.port, os.path.dirname(self.data))
        for s in settings:
            opts += " -c " + s
        subprocess.run(as_postgres([os.path.join(PG_BIN, "pg_ctl"), "-D", self.data, "-l", self.log, "-w", "-o", opts,
                                    "start"]), check=True, capture_output=True)

    def url(self, db="fazhi"):
        return "postgres://fazhi@127.0.0.1:%d/%s" % (self.port, db)

    def psql(self, sql, db="fazhi"):
        r = subprocess.run([os.path.join(PG_BIN, "psql"), self.url(db), "-Atqc", sql], capture_output=True, text=True,
                           timeout=60)
        assert r.returncode == 0, r.stderr
        return r.stdout.strip()

    def kill9(self):
        pid = int(open(os.path.join(self.data, "postmaster.pid")).readline())
        os.kill(pid, 9)

    def stop(self):
        subprocess.run(as_postgres([os.path.join(PG_BIN, "pg_ctl"), "-D", self.data, "-m", "immediate", "stop"]),
                       capture_output=True)


class Proxy:
    """A TCP proxy to one backend, re-pointed on failover: what HAProxy does with Patroni's health checks."""

    def __init__(self, port):
        self.target = port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(256)
        self.port = self.listener.getsockname()[1]
        self.pairs = set()
        self.lock = threading.Lock()
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self.connect, args=(client,), daemon=True).start()

    def connect(self, client):
        try:
            backend = socket.create_connection(("127.0.0.1", self.target), timeout=2)
            backend.settimeout(None)
        except OSError:
            client.close()
            return
        pair = (client, backend)
        with self.lock:
            self.pairs.add(pair)
        threading.Thread(target=self.pump, args=(backend, client, pair), daemon=True).start()
        self.pump(client, backend, pair)

    def pump(self, src, dst, pair):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        self.drop(pair)

    def drop(self, pair):
        with self.lock:
            self.pairs.discard(pair)
        for s in pair:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def switch(self, port):
        """Points new connections at `port` and cuts the old ones (HAProxy's on-marked-down shutdown-sessions)."""
        self.target = port
        with self.lock:
            pairs = list(self.pairs)
        for p in pairs:
            self.drop(p)


class Node:
    def __init__(self, root, name, env):
        self.workdir = os.path.join(root, name)
        os.makedirs(self.workdir)
        self.env = dict(os.environ, **env)
        self.env["FAZHI_NODE_NAME"] = name
        self.env["FAZHI_LOG_FORMAT"] = "json"
        self.port = free_port()
        self.server = None

    def start(self, demo):
        self.log = open(os.path.join(self.workdir, "serve.log"), "w")
        args = [BINARY, "serve", "--port", str(self.port)] + (["--demo"] if demo else [])
        self.server = subprocess.Popen(args, cwd=self.workdir, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self):
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url("/healthz"), timeout=2)
                return
            except Exception:
                if self.server.poll() is not None:
                    raise RuntimeError(open(self.log.name).read()[-3000:])
                time.sleep(0.3)
        raise RuntimeError("node did not start: " + open(self.log.name).read()[-3000:])

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def run(self, *args):
        return subprocess.run([BINARY, *args], cwd=self.workdir, env=self.env, capture_output=True, text=True,
                              timeout=300)

    def stop(self):
        if self.server and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.server.kill()


@pytest.fixture(scope="module")
def cluster():
    root = tempfile.mkdtemp(prefix="fazhi-cluster-")
    if os.getuid() == 0:
        shutil.chown(root, "postgres")
    primary, standby = PgServer(root, "primary"), PgServer(root, "standby")
    subprocess.run(as_postgres([os.path.join(PG_BIN, "initdb"), "-D", primary.data, "-U", "fazhi", "--auth=trust",
                                "-E", "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
    primary.start("fsync=off")
    primary.psql("CREATE DATABASE fazhi", db="postgres")
    subprocess.run(as_postgres([os.path.join(PG_BIN, "pg_basebackup"), "-D", standby.data, "-h", "127.0.0.1", "-p",
                                str(primary.port), "-U", "fazhi", "-X", "stream", "-R", "--checkpoint=fast"]), check=True,
                   capture_output=True)
    standby.start("fsync=off")
    # Synchronous to the one standby: a commit is acknowledged once the standby has it on disk. Set after the copy,
    # so the standby, once promoted, does not wait for a standby of its own.
    primary.psql("ALTER SYSTEM SET synchronous_standby_names = '*'", db="postgres")
    primary.psql("SELECT pg_reload_conf()", db="postgres")
    deadline = time.time() + 30
    while primary.psql("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'", db="postgres") != "1":
        assert time.time() < deadline, "the standby did not start streaming"
        time.sleep(0.2)
    proxy = Proxy(primary.port)
    evidence = os.path.join(root, "evidence")  # the shared folder every node keeps evidence files in
    env = {
        "FAZHI_DATABASE_URL": "postgres://fazhi@127.0.0.1:%d/fazhi" % proxy.port,
        "FAZHI_DATABASE_READ_URL": standby.url(),
        "FAZHI_SYNCHRONOUS_COMMIT": "on",
        "FAZHI_READ_YOUR_WRITES_SECONDS": "5",
        "FAZHI_CHECKPOINT_INTERVAL": "2",
        "FAZHI_EVIDENCE_DIR": evidence,
    }
    nodes = [Node(root, "node-a", env), Node(root, "node-b", env)]
    # Started together, both with --demo: one migrates and loads the demo, the other waits and finds it there.
    for n in nodes:
        n.start(demo=True)
    for n in nodes:
        n.wait_ready()
    c = type("Cluster", (), {})()
    c.primary, c.standby, c.proxy, c.nodes, c.root = primary, standby, proxy, nodes, root
    yield c
    for n in nodes:
        n.stop()
    primary.stop()
    standby.stop()
    shutil.rmtree(root, ignore_errors=True)


def post_json(url, token, body):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, json.load(r)


class Browser:
    """A visitor with cookies, like a browser."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url):
        with self.opener.open(url, timeout=20) as r:
            return r.read().decode()

    def post(self, url, form):
        data = urllib.parse.urlencode(form).encode()
        try:
            with self.opener.open(urllib.request.Request(url, data=data, method="POST"), timeout=20) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def login(self, node, user, password=DEMO_PASSWORD):
        page = self.get(node.url("/login"))
        csrf = re.search(r'name="_csrf" value="([0-9a-f]+)"', page)
        form = {"username": user, "password": password}
        if csrf:
            form["_csrf"] = csrf.group(1)
        return self.post(node.url("/login"), form)


def writers(cluster, token, acknowledged, stop, per_node=4):
    lock = threading.Lock()

    def write(node, n):
        i = 0
        while not stop.is_set():
            try:
                status, body = post_json(node.url("/api/v1/tokens"), token, {"name": "%s-%d-%d" % (node.port, n, i)})
                if status == 201:
                    with lock:
                        acknowledged.append((node.port, body["id"]))
            except Exception:
                time.sleep(0.05)  # the database is away: unacknowledged writes may be lost, acknowledged ones not
            i += 1

    threads = [threading.Thread(target=write, args=(node, n)) for node in cluster.nodes for n in range(per_node)]
    for t in threads:
        t.start()
    return threads


def test_two_nodes_share_one_record_one_signer_and_the_throttles(cluster):
    a, b = cluster.nodes
    token = a.run("user", "token", "admin").stdout.strip()
    assert token.startswith("fz_")
    acknowledged, stop = [], threading.Event()
    threads = writers(cluster, token, acknowledged, stop)
    deadline = time.time() + 60
    while time.time() < deadline and len(acknowledged) < 120:
        time.sleep(0.1)
    stop.set()
    for t in threads:
        t.join()
    assert {port for port, _ in acknowledged} == {a.port, b.port}, "both nodes took writes"
    stored = set(cluster.primary.psql("SELECT upper(id::text) FROM api_tokens").split())
    assert {i for _, i in acknowledged} <= stored

    # One record, in one order, whatever node wrote: it verifies.
    v = a.run("record", "verify")
    assert v.returncode == 0, v.stdout + v.stderr
    # Exactly one node holds the signer's lease, and every periodic checkpoint is signed with its key.
    time.sleep(5)
    holders = cluster.primary.psql("SELECT holder FROM node_leases WHERE name = 'checkpoint'").split("\n")
    # The holder is the node's name and a mark its process drew at start (two processes given one name stay two).
    assert len(holders) == 1 and holders[0].split("#")[0] in ("node-a", "node-b") and "#" in holders[0]
    signer_keys = cluster.primary.psql("SELECT DISTINCT key_id FROM record_checkpoints WHERE tree_size > "
                                       "(SELECT min(tree_size) FROM record_checkpoints)").split()
    assert len(signer_keys) == 1, signer_keys
    metrics = urllib.request.urlopen(b.url("/metrics"), timeout=10).read().decode()
    assert 'fazhi_job_age_seconds{job="checkpoint"}' in metrics
    assert "fazhi_pg_synchronous_standbys 1" in metrics
    assert 'fazhi_read_replica_lag_seconds{replica="read0"}' in metrics

    # Five wrong passwords through node A lock the account on node B too.
    for _ in range(5):
        status, _ = Browser().login(a, "sfj.jiandu", "wrong-password-1")
        assert status in (401, 403, 422, 200)
    status, page = Browser().login(b, "sfj.jiandu")
    assert status == 429, (status, page[:300])


def test_reads_go_to_the_replica_and_a_writer_reads_their_own_write(cluster):
    a, b = cluster.nodes
    supervisor = Browser()
    status, _ = supervisor.login(b, "admin")
    page = supervisor.get(a.url("/console/bodies"))
    csrf = re.search(r'name="_csrf" value="([0-9a-f]+)"', page).group(1)
    org_id = re.search(r'<option value="([0-9A-F-]{36})">清河县交通运输局</option>', page).group(1)
    document = "清交〔2026〕%d号" % (int(time.time()) % 100000)

    def documents(visitor):
        return {x["announcementDocument"] for x in json.loads(visitor.get(b.url("/bodies?format=json")))["bodies"]}

    def disputes_received(token):  # 2026's 调解 受理数, through the statistics API (read from a replica), on node B
        req = urllib.request.Request(b.url("/api/v1/statistics/mediation?year=2026"),
                                     headers={"Authorization": "Bearer " + token})
        with urllib.request.urlopen(req, timeout=10) as r:
            return next(f["value"] for f in json.load(r)["figures"] if f["id"] == "received")

    api_writer = a.run("user", "token", "sfj.tiaojie").stdout.strip()  # a mediator
    api_bystander = a.run("user", "token", "sfj.tiaojie").stdout.strip()
    _, dispute = post_json(a.url("/api/v1/cases"), api_writer, {"procedure": "mediation"})
    cluster.standby.psql("SELECT pg_wal_replay_pause()")
    try:
        time.sleep(2.5)  # the replica's lag is measured every two seconds; a paused one still answers
        status, _ = supervisor.post(a.url("/console/bodies"), {
            "_csrf": csrf, "organisationId": org_id, "kind": "statutory", "legalBasis": "《中华人民共和国公路法》第八条",
            "scope": "交通运输", "confirmedOn": "2026-11-30", "announcementDocument": document})
        assert status in (200, 303), status
        # The writer reads their write, from whichever node: the primary serves them for a few seconds.
        assert document in documents(supervisor)
        # A passer-by reads the replica, which has not replayed it yet.
        assert document not in documents(Browser())
        # An API client carries no cookie: its token is marked by its write, on node A, and node B reads for it
        # from the primary — it counts the dispute it just received, which a client that did not write does not yet
        # see.
        status, _ = post_json(a.url("/api/v1/cases/%s/steps" % dispute["id"]), api_writer, {
            "action": "receive", "version": 0, "date": "2026-10-12", "officers": [], "inputs": {
                "mediationKind": "people", "disputeType": "traffic", "source": "application", "parties": ["王某", "刘某"],
                "disputeSummary": "两车刮擦事故赔偿", "committee": "清河县交通事故纠纷人民调解委员会", "amountInvolved": 4200}})
        assert status == 200
        assert disputes_received(api_writer) == disputes_received(api_bystander) + 1
    finally:
        cluster.standby.psql("SELECT pg_wal_replay_resume()")
    deadline = time.time() + 20
    while document not in documents(Browser()):
        assert time.time() < deadline, "the replica did not catch up"
        time.sleep(0.3)


def test_failover_loses_no_acknowledged_write(cluster):
    a, b = cluster.nodes
    token = a.run("user", "token", "admin").stdout.strip()
    acknowledged, stop = [], threading.Event()
    threads = writers(cluster, token, acknowledged, stop)
    deadline = time.time() + 60
    while time.time() < deadline and len(acknowledged) < 80:
        time.sleep(0.05)
    cluster.primary.kill9()  # mid-load
    before = len(acknowledged)
    subprocess.run(as_postgres([os.path.join(PG_BIN, "pg_ctl"), "-D", cluster.standby.data, "-w", "promote"]),
                   check=True, capture_output=True)
    cluster.proxy.switch(cluster.standby.port)
    # Both nodes write again through the new primary, without a restart.
    deadline = time.time() + 90
    while time.time() < deadline:
        after = {port for port, _ in acknowledged[before:]}
        if after == {a.port, b.port} and len(acknowledged) > before + 40:
            break
        time.sleep(0.2)
    stop.set()
    for t in threads:
        t.join()
    assert {port for port, _ in acknowledged[before:]} == {a.port, b.port}, "a node did not recover"
    stored = set(cluster.standby.psql("SELECT upper(id::text) FROM api_tokens").split())
    missing = [i for _, i in acknowledged if i not in stored]
    assert not missing, "acknowledged writes lost: %r" % missing[:5]
    v = a.run("record", "verify")
    assert v.returncode == 0, v.stdout + v.stderr
