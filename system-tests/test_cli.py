"""The `fazhi` commands as an administrator uses them from the shell."""
import json
import sqlite3
import urllib.request
import os


def test_deadline_prints_exactly_the_due_date(fazhi_sqlite):
    r = fazhi_sqlite.run("deadline", "--from", "2025-09-30", "--days", "5", "--unit", "workday")
    assert r.returncode == 0
    assert r.stdout == "2025-10-14\n"
    r = fazhi_sqlite.run("deadline", "--from", "2025-09-30", "--days", "5", "--unit", "day")
    assert r.stdout == "2025-10-09\n"


def test_deadline_refuses_a_year_without_data(fazhi_sqlite):
    r = fazhi_sqlite.run("deadline", "--from", "2026-12-30", "--days", "5", "--unit", "workday")
    assert r.returncode != 0
    assert "2027" in r.stderr
    assert r.stdout == ""
    bad = fazhi_sqlite.run("deadline", "--from", "2025-02-30", "--days", "5")
    assert bad.returncode != 0 and "--from" in bad.stderr


def test_deployer_adds_a_year_without_rebuild(fazhi_sqlite):
    os.makedirs(os.path.join(fazhi_sqlite.workdir, "calendar"))
    with open(os.path.join(fazhi_sqlite.workdir, "calendar", "cn-2027.csv"), "w") as f:
        f.write("date,kind,holiday,notice_year\n2027-01-01,off,元旦,2027\n")
    r = fazhi_sqlite.run("deadline", "--from", "2026-12-31", "--days", "1", "--unit", "workday")
    assert r.returncode == 0 and r.stdout == "2027-01-04\n"


def test_user_commands_migrate_and_verify(fazhi):
    assert fazhi.run("migrate").returncode == 0
    assert fazhi.run("demo").returncode == 0
    r = fazhi.run("user", "add", "--username", "cli.user", "--name", "命令行", "--org", "清河县司法局",
                  "--password", "Command12345", "--role", "复议工作人员")
    assert r.returncode == 0, r.stderr + r.stdout
    dup = fazhi.run("user", "add", "--username", "cli.user", "--name", "重复", "--org", "清河县司法局", "--password", "Command12345")
    assert dup.returncode != 0 and "已被使用" in (dup.stderr + dup.stdout)
    assert fazhi.run("user", "passwd", "cli.user", "--password", "Another12345").returncode == 0
    assert fazhi.run("user", "role", "cli.user", "--role", "officer").returncode == 0
    assert fazhi.run("user", "role", "cli.user", "--role", "officer", "--revoke").returncode == 0
    token = fazhi.run("user", "token", "cli.user").stdout.strip()
    assert token.startswith("fz_")
    cp = fazhi.run("record", "checkpoint")
    assert cp.returncode == 0 and "检查点" in cp.stdout
    v = fazhi.run("record", "verify")
    assert v.returncode == 0, v.stderr + v.stdout
    assert "校验通过" in v.stdout


def test_record_verify_names_the_tampered_entry(fazhi_sqlite):
    assert fazhi_sqlite.run("demo").returncode == 0
    assert fazhi_sqlite.run("record", "verify").returncode == 0
    db = sqlite3.connect(os.path.join(fazhi_sqlite.workdir, "fazhi.sqlite"))
    db.execute("UPDATE record_entries SET action = 'delete' WHERE seq = 5")
    db.commit()
    db.close()
    v = fazhi_sqlite.run("record", "verify")
    assert v.returncode != 0
    assert "第5条" in v.stderr + v.stdout


def test_backup_while_serving_restores_and_verifies(fazhi_sqlite):
    fazhi_sqlite.start()
    target = os.path.join(fazhi_sqlite.workdir, "backup.sqlite")
    r = fazhi_sqlite.run("backup", target)
    assert r.returncode == 0, r.stderr
    again = fazhi_sqlite.run("backup", target)
    assert again.returncode != 0  # never overwrites
    fazhi_sqlite.stop()
    env = dict(fazhi_sqlite.env)
    env["FAZHI_DATABASE_URL"] = "sqlite:" + target
    import subprocess
    from conftest import BINARY
    v = subprocess.run([BINARY, "record", "verify"], cwd=fazhi_sqlite.workdir, env=env, capture_output=True, text=True)
    assert v.returncode == 0, v.stderr + v.stdout


def test_server_answers_and_logs_json(fazhi_sqlite):
    fazhi_sqlite.start()
    body = json.load(urllib.request.urlopen(fazhi_sqlite.url("/api/v1/deadline?from=2025-09-30&days=5&unit=workday")))
    assert body["due"] == "2025-10-14"
    fazhi_sqlite.stop()
    lines = [l for l in open(fazhi_sqlite.log.name, encoding="utf-8") if l.startswith("{")]
    assert lines and all("level" in json.loads(l) for l in lines)


def test_first_start_without_demo(fazhi_sqlite):
    """A real deployment: region, organisation and the first administrator from the shell."""
    f = fazhi_sqlite
    # Reading the commands first prepares nothing: no database, no demo, in the folder it is run in.
    shown = f.run("--help")
    assert shown.returncode == 0 and "migrate" in shown.stdout + shown.stderr, shown.stdout + shown.stderr
    assert "Migrator" not in shown.stdout + shown.stderr
    assert not os.path.exists(os.path.join(f.workdir, "fazhi.sqlite")) or \
        os.path.getsize(os.path.join(f.workdir, "fazhi.sqlite")) == 0
    assert f.run("migrate").returncode == 0
    assert f.run("region", "add", "330110", "示例县").returncode == 0
    bad = f.run("region", "add", "33011", "错误")
    assert bad.returncode != 0 and "6位" in bad.stderr + bad.stdout
    r = f.run("org", "add", "示例县人民政府", "--region", "330110")
    assert r.returncode == 0, r.stderr + r.stdout
    assert f.run("org", "add", "示例县司法局", "--region", "330110", "--parent", "示例县人民政府").returncode == 0
    r = f.run("user", "add", "--username", "root", "--name", "管理员", "--org", "示例县人民政府",
              "--password", "FirstAdmin123", "--role", "system_admin")
    assert r.returncode == 0, r.stderr + r.stdout
    assert f.run("record", "verify").returncode == 0


def test_a_bad_setting_is_one_line_not_a_crash(fazhi_sqlite):
    """A wrong or unset database URL is the operator's typo: every command says which setting and exits 1, with no
    Swift backtrace."""
    import subprocess
    from conftest import BINARY
    env = dict(fazhi_sqlite.env)
    env["FAZHI_DATABASE_URL"] = "mysql://db/fazhi"
    for args in (["migrate"], ["serve"], ["bench", "record"]):
        r = subprocess.run([BINARY, *args], cwd=fazhi_sqlite.workdir, env=env, capture_output=True, text=True,
                           timeout=60)
        assert r.returncode == 1, (args, r.returncode, r.stderr[-500:])
        assert "FAZHI_DATABASE_URL" in r.stderr and "sqlite:" in r.stderr, r.stderr[-500:]
        assert "Fatal error" not in r.stderr and "Backtrac" not in r.stderr, r.stderr[-500:]
