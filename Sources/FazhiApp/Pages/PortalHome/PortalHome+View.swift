import FazhiCore
import Foundation

enum PortalHomeView {
    static func home(_ q: PortalHome.Query) -> HTML {
        let sections = HTML.join(
            PortalService.Kind.allCases.map { kind in
                let items = q.services.filter { $0.kind == kind }
                guard !items.isEmpty else { return "" }
                let tiles = HTML.join(
                    items.map { s in
                        "<a class=\"tile\" href=\"\(s.path)\"><b>\(s.title)</b><span class=\"muted small\">\(s.detail)</span></a>"
                            as HTML
                    })
                return
                    "<section class=\"services\" id=\"services-\(kind.rawValue)\"><h2>\(kind.title)</h2><div class=\"tiles\">\(tiles)</div></section>"
            })
        let news = HTML.join(
            q.news.map { n in
                "<li><span class=\"muted\">\(n.date)</span> <span class=\"tag\">\(n.kind)</span> <a href=\"\(n.path)\">\(n.title)</a></li>"
                    as HTML
            })
        return """
            <p>本地区行政执法、行政复议、政府信息公开、规范性文件和重大行政决策等法定公开事项，以及可以在网上办理的申请，都在这里。</p>
            \(sections)
            <h2>最新公开</h2>
            \(q.news.isEmpty ? "<p class=\"muted\">尚无公开信息。</p>" as HTML : "<ul class=\"news\" id=\"latest\">\(news)</ul>")
            <p class="muted small">每一项办理都写入不可悄然改写的全过程记录，任何人都可以核验。<a href="/technical">技术说明</a></p>
            """
    }

    static func technical(latest: RecordCheckpoint?, size: Int, publicKey: String) -> HTML {
        let cp: HTML =
            latest.map { c in
                """
                <div class="card" id="checkpoint"><p>最新签名检查点：共 <b>\(c.treeSize)</b> 条记录，签署于 \(String(c.madeAt.prefix(19)).replacingOccurrences(of: "T", with: " "))（北京时间）</p>
                <p>根哈希：<span class="mono">\(c.rootHash)</span></p>
                <p>签名（Ed25519）：<span class="mono">\(c.signature)</span></p>
                <p>公钥：<span class="mono">\(publicKey)</span></p></div>
                """
            } ?? "<p class=\"muted\">尚未签署检查点。</p>"
        return """
            <h2>办理记录为什么改不了</h2>
            <p>平台上的每一次办理（登记、审批、送达、公示……）都按顺序写成一条记录，现有 <b>\(size)</b> 条。每条记录都算出一个“指纹”（哈希值），所有指纹再逐层合并成一个总指纹（根哈希）。改动任何一条记录，总指纹就会改变。</p>
            <p>平台定期用自己的密钥给总指纹“盖章”（数字签名），形成检查点并公开。任何人都可以用下面公开的公钥核对盖章是否真实；在<a href="/record">记录核验</a>页输入记录序号，可以取得这条记录确实包含在检查点中的证明。</p>
            \(cp)
            <h2>给技术人员</h2>
            <p>记录按 RFC 6962 的默克尔树组织：叶哈希 = SHA-256(0x00‖记录)，节点哈希 = SHA-256(0x01‖左‖右)；检查点以 Ed25519 签名。公开数据接口说明见 <a href="/openapi.json">/openapi.json</a>（JSON）；双随机抽取的复核方法见<a href="/random-inspections/algorithm">抽取算法</a>。</p>
            """
    }
}
