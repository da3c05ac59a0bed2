"""A case's fine edited in the database file with the server stopped: `fazhi record verify` fails and names the case
and the record entry it contradicts (issue 14, 状态审计)."""
import os
import sqlite3


def test_record_verify_names_a_row_edited_past_fazhi(fazhi_sqlite):
    f = fazhi_sqlite
    f.start()
    f.stop()
    ok = f.run("record", "verify")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "案件与公示内容均与记录一致" in ok.stdout
    db = sqlite3.connect(os.path.join(f.workdir, "fazhi.sqlite"))
    number, = db.execute("SELECT number FROM cases WHERE fine IS NOT NULL ORDER BY number LIMIT 1").fetchone()
    db.execute("UPDATE cases SET fine = 1 WHERE number = ?", (number,))
    db.commit()
    db.close()
    bad = f.run("record", "verify")
    assert bad.returncode != 0
    assert number in bad.stdout + bad.stderr and "不一致" in bad.stdout + bad.stderr
