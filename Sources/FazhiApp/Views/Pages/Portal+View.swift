import FazhiCore
import Foundation

/// The portal's home (门户) and the record check page (记录核验).
enum PortalViews {
    static func home(latest: RecordCheckpoint?, size: Int, publicKey: String) -> HTML {
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
            <p>本门户公开本地区法治政府建设的法定公开事项。平台内每一项业务操作都写入不可悄然改写的“全过程记录”，并定期由平台密钥签名。</p>
            <h2>全过程记录</h2>
            <p>当前记录 \(size) 条。任何人都可以用公开的公钥核验检查点签名，并通过 <a href="/record">记录核验</a> 取得某条记录的包含证明。</p>
            \(cp)
            <h2>便民工具</h2>
            <p><a href="/deadline">法定期限计算</a>：按国务院办公厅公布的节假日和调休安排计算工作日与自然日期限。</p>
            """
    }

    struct Proof {
        let entry: Int
        let document: InclusionProofDocument
        let treeSize: Int
        let holds: Bool
    }

    static func record(entry: String?, proof: Proof?, invalid: Bool, latestSize: Int) -> HTML {
        var result: HTML = ""
        if let p = proof {
            let n = p.entry, doc = p.document
            result = """
                <div class="card"><p>第 \(n) 条记录的叶哈希：<span class="mono">\(doc.leafHash)</span></p>
                <p>包含证明（\(doc.proof.count) 个哈希）：</p><ol class="mono">\(HTML.join(doc.proof.map { "<li>\($0)</li>" }))</ol>
                <p>对照检查点（规模 \(p.treeSize)）：<b>\(p.holds ? "证明成立" : "证明不成立")</b></p>
                <p class="muted">JSON：<a href="/api/v1/record/proof?entry=\(n)&size=\(p.treeSize)">/api/v1/record/proof?entry=\(n)&amp;size=\(p.treeSize)</a></p></div>
                """
        } else if invalid {
            result = Views.flash("记录序号应为 1 至 \(latestSize) 之间的整数（以最新检查点为准）", error: true)
        }
        return """
            <p>记录按 RFC 6962（证书透明）方式组成默克尔树：叶哈希 = SHA-256(0x00‖记录)，节点哈希 = SHA-256(0x01‖左‖右)。输入记录序号，取得它在最新签名检查点中的包含证明。</p>
            <form method="get" action="/record" class="card"><label for="entry">记录序号</label><input id="entry" name="entry" type="number" min="1" value="\(entry)" required><button type="submit">取得证明</button></form>
            \(result)
            """
    }
}
