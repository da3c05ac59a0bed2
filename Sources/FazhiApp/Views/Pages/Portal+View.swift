import FazhiCore
import Foundation

/// The record check page (记录核验).
enum PortalViews {
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
