"""A bounded schemathesis pass over /openapi.json (issue 14): whatever a client sends — as an officer and as the
administrator — every answer is a 2xx or a 4xx, the server stays up, and the record still verifies afterwards."""
import os
import shutil
import subprocess
import tempfile
import time

# Per user and database; the whole pass stays well inside CI's limit (see the note in scripts/test).
BUDGET_SECONDS = int(os.environ.get("FAZHI_FUZZ_SECONDS", "45"))


def schemathesis():
    exe = shutil.which("schemathesis") or shutil.which("st")
    assert exe, "schemathesis is installed by scripts/test"
    return exe


def test_no_request_makes_a_server_error(fazhi):
    # The officer's and the administrator's passes run at the same time against the one server: each pass keeps about
    # one core busy (schemathesis and the server take turns), so two at once fill the machine's two cores and the
    # test takes one budget instead of two. Two clients at once is also what a server meets; the administrator's pass
    # may change what the officer's may do while it runs (a 401 or 403 is an answer, not a failure), so a seed no longer
    # replays a run exactly.
    fazhi.start()
    tokens = {}
    for user in ("scj.zhifa1", "admin"):
        tokens[user] = fazhi.run("user", "token", user).stdout.strip()
        assert tokens[user].startswith("fz_")
    passes = []
    try:
        for user, token in tokens.items():
            out = tempfile.TemporaryFile(mode="w+")
            passes.append((user, out, subprocess.Popen(
                [schemathesis(), "run", fazhi.url("/openapi.json"), "--checks", "not_a_server_error",
                 "--header", "Authorization: Bearer " + token, "--max-examples", "10", "--seed", "1",
                 "--request-timeout", "30", "--max-time", str(BUDGET_SECONDS), "--generation-database", "none",
                 "--workers", "1"],
                stdout=out, stderr=subprocess.STDOUT, text=True)))
        deadline = time.monotonic() + BUDGET_SECONDS + 240
        for user, out, run in passes:
            try:
                run.wait(timeout=max(1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                run.kill()
                run.wait()
            out.seek(0)
            assert run.returncode == 0, user + " (exit %s):\n" % run.returncode + out.read()[-6000:]
    finally:
        # A pass that failed or hung takes the other down with it: no schemathesis outlives the test.
        for _, out, run in passes:
            if run.poll() is None:
                run.kill()
                run.wait()
            out.close()
    assert fazhi.server.poll() is None, "the server is still up"
    fazhi.stop()
    verify = fazhi.run("record", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr
