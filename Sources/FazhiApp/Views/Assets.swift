import Vapor

/// The stylesheet and the small script, served from the binary so the app needs no files beside it.
enum Assets {
    static let css = """
        :root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#f6f8fa;--brand:#b42318;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e}
        *{box-sizing:border-box}body{margin:0;font:15px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#fff}
        header.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.2rem;padding:.6rem 1rem;background:var(--brand);color:#fff}
        header.top a{color:#fff;text-decoration:none}header.top .brand{font-weight:700;font-size:1.1rem}
        header.top nav{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;flex:1}header.top nav a{opacity:.9;padding:.1rem 0}
        th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
        .navgroup{display:flex;flex-wrap:wrap;gap:.2rem .7rem;align-items:baseline}.navlabel{font-size:.75rem;opacity:.7;border:1px solid rgba(255,255,255,.5);border-radius:3px;padding:0 .25rem}
        .menu-toggle{position:absolute;opacity:0;width:1px;height:1px}.menu-button{display:none;cursor:pointer;border:1px solid rgba(255,255,255,.7);border-radius:4px;padding:.1rem .6rem}
        @media (max-width:700px){header.top nav{display:none;flex:1 1 100%;width:100%;flex-direction:column;gap:.5rem;order:3}.menu-toggle:checked~nav{display:flex}.menu-button{display:inline-block;margin-left:auto}.navgroup{gap:.3rem .9rem}.navgroup a{padding:.25rem 0}}
        header.top nav a.active{border-bottom:2px solid #fff;opacity:1}.me{display:flex;gap:.6rem;align-items:center}
        main{max-width:1100px;margin:0 auto;padding:1rem}main.narrow{max-width:560px}h1{font-size:1.4rem;margin:.4rem 0 1rem}
        h2{font-size:1.1rem;margin:1.4rem 0 .6rem;border-left:4px solid var(--brand);padding-left:.5rem}
        footer{color:var(--muted);font-size:.85rem;text-align:center;padding:2rem 1rem}
        table{border-collapse:collapse;width:100%;font-size:.93rem}th,td{border-bottom:1px solid var(--line);padding:.45rem .5rem;text-align:left;vertical-align:top}
        th{background:var(--bg);white-space:nowrap}th[data-sortable]{cursor:pointer}th[data-sortable]::after{content:" ⇅";color:var(--muted);font-size:.8em}
        .table-wrap{overflow-x:auto}.filter{margin:.3rem 0 .6rem;padding:.4rem .6rem;width:100%;max-width:320px;border:1px solid var(--line);border-radius:6px}
        form.card,.card{border:1px solid var(--line);border-radius:8px;padding:1rem;margin:.8rem 0;background:#fff}
        label{display:block;margin:.5rem 0 .2rem;font-weight:600}input,select,textarea{font:inherit;padding:.45rem .55rem;border:1px solid var(--line);border-radius:6px;width:100%;max-width:420px}
        button,.button{font:inherit;background:var(--brand);color:#fff;border:0;border-radius:6px;padding:.45rem 1rem;cursor:pointer;margin-top:.7rem;display:inline-block;text-decoration:none}
        button.secondary{background:#fff;color:var(--ink);border:1px solid var(--line)}button.link{background:none;padding:0;margin:0;color:inherit;text-decoration:underline}
        form.inline{display:inline}.flash{padding:.6rem .8rem;border-radius:6px;background:#dafbe1;margin:.6rem 0}.flash.error,.error{background:#ffebe9;color:var(--bad);padding:.6rem .8rem;border-radius:6px}
        .grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:0 1rem}.grid2 .wide{grid-column:1/-1}.grid2 .wide input{max-width:none}
        .refused li.greyed{color:#5f6b7a}.step-form .waits{margin:.3rem 0 .6rem;padding:.4rem .6rem;border-left:3px solid #c98a00;background:#fff8e6}.step summary .opens,.refused .opens{display:inline-block;margin-left:.5rem;padding:0 .4rem;border-radius:3px;background:#eef2f7;color:#1f4e85;font-size:.9em}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.6rem}.tile{display:flex;flex-direction:column;gap:.2rem;padding:.8rem 1rem;border:1px solid #d8dee6;border-radius:6px;background:#fff;text-decoration:none;color:inherit}.tile b{color:#1f4e85}.tile:hover{border-color:#3b6ea8;box-shadow:0 1px 4px rgba(0,0,0,.08)}.news{list-style:none;padding:0}.news li{padding:.3rem 0;border-bottom:1px solid #eef2f7}
        .chart{margin:1rem 0}.chart figcaption{font-weight:600;margin-bottom:.3rem}.chart svg{width:100%;max-width:760px;height:auto;font-size:12px}.chart text{fill:#1f2933}.chart rect.outer{fill:#9db8d9}.chart rect.inner{fill:#3b6ea8}.chart a:hover rect.outer{fill:#6f95c4}.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:middle}.swatch.outer{background:#9db8d9}.swatch.inner{background:#3b6ea8}
        .counts .bar-row{display:grid;grid-template-columns:8rem 1fr 3rem;align-items:center;gap:.5rem;margin:.2rem 0}.counts .bar{display:block;width:100%;height:.8rem;border:0;border-radius:3px;background:#eef2f7;-webkit-appearance:none;appearance:none}
        .counts .bar::-webkit-progress-bar{background:#eef2f7;border-radius:3px}.counts .bar::-webkit-progress-value{background:#3b6ea8;border-radius:3px}.counts .bar::-moz-progress-bar{background:#3b6ea8}
        dl.facts{display:grid;grid-template-columns:8rem 1fr;gap:.3rem 1rem}dl.facts dt{color:#555}dl.facts dd{margin:0}
        form.search{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:end}form.search label{width:100%}@media(min-width:700px){form.search label{width:auto}}
        #import-summary.error{color:var(--bad);font-weight:600}#import-summary.ok{color:var(--ok);font-weight:600}.outcome b{font-size:1.1em}
        .due.overdue{color:var(--bad);font-weight:700}.diff del{color:var(--bad)}.diff ins{text-decoration:none;background:#e6f4ea}.due.soon{color:var(--warn);font-weight:600}.due.ok{color:var(--ok)}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:.8rem}.stat{border:1px solid var(--line);border-radius:8px;padding:.8rem}
        .stat b{display:block;font-size:1.6rem}.tabs{display:flex;gap:.4rem;flex-wrap:wrap;margin:.4rem 0 .8rem}.tabs a{padding:.3rem .8rem;border:1px solid var(--line);border-radius:999px;text-decoration:none}.tabs a.active{background:#3b6ea8;color:#fff;border-color:#3b6ea8}.muted{color:var(--muted)}code,.mono{font-family:ui-monospace,Menlo,monospace;font-size:.85em;word-break:break-all}
        ul.pending{padding-left:1.2rem}ul.pending li{margin:.3rem 0}.pending .overdue a,a.overdue{color:var(--bad)}.tag{display:inline-block;background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:0 .5rem;margin:0 .2rem .2rem 0;font-size:.85em}
        input[type=checkbox],input[type=radio]{width:auto;margin:0 .45rem 0 0;vertical-align:-.1em}label:has(>input[type=checkbox]),label:has(>input[type=radio]),label.inline{font-weight:400;margin:.35rem 0}
        fieldset{border:1px solid var(--line);border-radius:6px;margin:.8rem 0;padding:.3rem .9rem .6rem}legend{font-weight:600;padding:0 .3rem}
        input.num{width:7rem;display:inline-block}table.form-table td{vertical-align:middle}table.form-table td.nowrap{white-space:nowrap}table.form-table input.num{width:6.5rem}table.form-table textarea{min-width:12rem}table.form-table select{width:auto;display:block;margin-bottom:.3rem}
        .hint{color:var(--muted);font-size:.9em}.small{font-size:.85em}.req{color:var(--bad)}
        details.step{border:1px solid var(--line);border-radius:8px;margin:.5rem 0;padding:.3rem .8rem}details.step>summary{cursor:pointer;font-weight:600;padding:.3rem 0}details.step form.card{border:0;padding:0 0 .5rem}
        fieldset.officers .scroll{max-height:12rem;overflow-y:auto}fieldset.ticks label.inline{display:inline-block;margin:.2rem 1.2rem .2rem 0}ol.timeline{padding-left:1.4rem}ol.timeline li{margin:.5rem 0}ul.refused li{margin:.3rem 0}tr.unused td{color:var(--warn)}tr.withdrawn td{color:var(--muted);text-decoration:line-through}tr.withdrawn td:last-child{text-decoration:none}pre.mono{white-space:pre-wrap}
            .article{color:var(--muted)}.token{background:#fff8c5;padding:.6rem;border-radius:6px}
        @media (max-width:640px){body{font-size:16px}header.top{padding:.5rem .7rem}main{padding:.7rem}th,td{padding:.4rem .3rem}.me{width:100%;justify-content:space-between}}
        """

    /// Sortable, filterable tables: any `table.data` gets a filter box and clickable headers (not one whose order is its
    /// meaning: `table.data.fixed-order`, e.g. the changes between two versions of a text).
    static let js = """
        document.querySelectorAll('table.data:not(.fixed-order)').forEach(function(t){
          var input=document.createElement('input');input.className='filter';input.type='search';input.placeholder='筛选（输入关键字）';
          var wrap=t.closest('.table-wrap')||t;wrap.parentNode.insertBefore(input,wrap);
          input.addEventListener('input',function(){var q=input.value.trim().toLowerCase();
            t.querySelectorAll('tbody tr').forEach(function(r){r.style.display=!q||r.textContent.toLowerCase().indexOf(q)>=0?'':'none';});});
          t.querySelectorAll('th').forEach(function(th,i){th.setAttribute('data-sortable','');var asc=true;
            th.addEventListener('click',function(){var rows=Array.prototype.slice.call(t.tBodies[0].rows);
              function key(r){var c=r.cells[i];if(!c)return'';var s=c.querySelector('[data-sort]');var v=s?s.getAttribute('data-sort'):c.textContent.trim();var n=parseFloat(v);return isNaN(n)||!/^-?[0-9.]+$/.test(v)?v:n;}
              rows.sort(function(a,b){var x=key(a),y=key(b);if(typeof x==='number'&&typeof y==='number')return asc?x-y:y-x;return asc?String(x).localeCompare(String(y),'zh-CN'):String(y).localeCompare(String(x),'zh-CN');});
              asc=!asc;rows.forEach(function(r){t.tBodies[0].appendChild(r);});});});
        });
        """

    /// A small seal-red favicon, so browsers do not ask for a missing one on every page.
    static let favicon =
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><rect width='16' height='16' rx='3' fill='#b42318'/><text x='8' y='12.5' font-size='11' text-anchor='middle' fill='#fff'>法</text></svg>"

    static func register(_ app: Application) {
        app.get("favicon.ico") { _ -> Response in
            let r = Response(status: .ok, body: .init(string: favicon));
            r.headers.replaceOrAdd(name: .contentType, value: "image/svg+xml")
            r.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400"); return r
        }
        app.get("assets", "app.css") { _ -> Response in
            let r = Response(status: .ok, body: .init(string: css));
            r.headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
            r.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600"); return r
        }
        app.get("assets", "app.js") { _ -> Response in
            let r = Response(status: .ok, body: .init(string: js));
            r.headers.replaceOrAdd(name: .contentType, value: "application/javascript; charset=utf-8")
            r.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600"); return r
        }
    }
}
