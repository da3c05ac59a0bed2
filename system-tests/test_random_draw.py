"""双随机 as anyone re-runs it: the published inputs of a drawn task, downloaded from the portal, give the published
result with the reference script in the repository (scripts/draw-verify.py); a changed input or revealed value does not;
`fazhi draw verify TASK` says the same."""
import json
import os
import re
import subprocess
import sys
import urllib.request

from conftest import ROOT


def test_a_published_draw_is_rerun_by_the_reference_script(fazhi_sqlite, tmp_path):
    app = fazhi_sqlite
    app.start()
    listing = urllib.request.urlopen(app.url("/random-inspections")).read().decode()
    ids = sorted(set(re.findall(r"/random-inspections/([0-9A-F-]{36})", listing)))
    drawn = [i for i in ids if "公开产生的随机数" in urllib.request.urlopen(app.url("/random-inspections/" + i)).read().decode()]
    assert drawn, "the demo has a drawn task"
    script = os.path.join(ROOT, "scripts", "draw-verify.py")

    def verify(doc):
        path = tmp_path / "draw.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        return subprocess.run([sys.executable, script, str(path)], capture_output=True, text=True)

    algorithms = set()
    for task in drawn:  # one body's draw (fazhi-draw-v1) and the joint one (v2, inspectors per department)
        published = json.loads(urllib.request.urlopen(app.url("/random-inspections/%s/draw.json" % task)).read())
        algorithms.add(published["algorithm"])
        ok = verify(published)
        assert ok.returncode == 0 and "result matches" in ok.stdout, ok.stdout + ok.stderr
        for change in ("revealed", "target", "inspector", "department"):
            doc = json.loads(json.dumps(published))
            if change == "revealed":
                doc["revealed"] += "1"
            elif change == "target":
                doc["targets"] = doc["targets"][1:]
            elif change == "inspector":
                doc["inspectors"] = doc["inspectors"][1:]
            elif doc.get("groups"):
                first = sorted(doc["groups"])[0]
                others = sorted(set(doc["groups"].values()) - {doc["groups"][first]})
                doc["groups"][first] = others[0]
            else:
                continue
            assert verify(doc).returncode == 1, change
    assert algorithms == {"fazhi-draw-v1", "fazhi-draw-v2"}, algorithms

    cli = app.run("draw", "verify", task)
    assert cli.returncode == 0 and "抽取结果：一致" in cli.stdout, cli.stdout + cli.stderr
    assert app.run("draw", "verify", "00000000-0000-0000-0000-000000000000").returncode != 0
