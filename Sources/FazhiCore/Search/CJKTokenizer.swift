/// Tokens for Chinese full-text search. FTS5's trigram tokenizer and pg_trgm cannot match a 2-character word
/// and zhparser/pg_bigm are not packaged, so the app cuts CJK text into overlapping bigrams itself ("食品安全" →
/// 食品 品安 安全) and the databases index those tokens as plain words. ASCII letters and digits form words.
public enum CJKTokenizer {
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }

    /// An ASCII letter or digit: compared by value (the scalar's Unicode properties, looked up for every character of
    /// an import's search text, were a quarter of cutting it into tokens).
    static func isASCIIWordCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    enum Run { case cjk([Unicode.Scalar]), word(String) }

    static func runs(_ text: String) -> [Run] {
        var out: [Run] = []
        var cjk: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !cjk.isEmpty { out.append(.cjk(cjk)); cjk = [] }
            if !word.isEmpty { out.append(.word(String(word).lowercased())); word = String.UnicodeScalarView() }
        }
        for s in text.unicodeScalars {
            if isCJK(s) {
                if !word.isEmpty { flush() }
                cjk.append(s)
            } else if isASCIIWordCharacter(s) {
                if !cjk.isEmpty { flush() }
                word.append(s)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// The distinct tokens to index for a text: bigrams of every CJK run (a lone character stands for itself)
    /// and ASCII words.
    public static func indexTokens(_ text: String) -> [String] {
        // CJK tokens are told apart by their scalars (a bigram's two 21-bit values in one number): a set of strings
        // hashed every bigram through Unicode normalisation — a twentieth of an import. Words are ASCII.
        var seenCJK = Set<UInt64>(), seenWords = Set<String>()
        var out: [String] = []
        for run in runs(text) {
            switch run {
            case .word(let w): if seenWords.insert(w).inserted { out.append(w) }
            case .cjk(let c):
                if c.count == 1 {
                    if seenCJK.insert(UInt64(c[0].value)).inserted { out.append(String(Character(c[0]))) }
                } else {
                    for i in 0..<(c.count - 1) {
                        let pair = UInt64(c[i].value) << 21 | UInt64(c[i + 1].value) | 1 << 63
                        guard seenCJK.insert(pair).inserted else { continue }
                        var s = String.UnicodeScalarView(); s.append(c[i]); s.append(c[i + 1]); out.append(String(s))
                    }
                }
            }
        }
        return out
    }

    /// `indexTokens(text)` joined by spaces, written straight into one string's bytes: an import indexes every row,
    /// and the runs, the token strings and the sets that kept them apart were a fifth of preparing a 权责清单 row.
    public static func indexText(_ text: String) -> String {
        let (bytes, tokens) = tokenBytes(text)
        return joined(bytes, tokens)
    }

    /// `indexText` with its tokens in byte order, which is PostgreSQL's order for the search index's tokens
    /// (`COLLATE "C"`, M045): its GIN index sorts each document's tokens before inserting them, and PostgreSQL's sort
    /// first checks whether its input is already in order, which then costs one pass instead of a sort (the sorts were
    /// a fifteenth of the backend's time in a 权责清单 import). Order means nothing to either database's index.
    public static func indexTextInByteOrder(_ text: String) -> String {
        let (bytes, tokens) = tokenBytes(text)
        // Ordered by their first eight bytes read as one number, then byte by byte where those are the same: tokens
        // hold no NUL byte, so one padded with zeros comes before the longer ones it begins. (Compared as slices of
        // bytes, the sort cost the preparing core twice what it saved the database.)
        let keyed = tokens.map { (key: prefixKey(bytes, $0), range: $0) }
        let sorted = keyed.sorted { a, b in
            a.key != b.key ? a.key < b.key : bytes[a.range].lexicographicallyPrecedes(bytes[b.range])
        }
        return joined(bytes, sorted.map(\.range))
    }

    /// A token's first eight bytes, big-endian, zeros after a shorter token's end.
    static func prefixKey(_ bytes: [UInt8], _ token: Range<Int>) -> UInt64 {
        var key: UInt64 = 0
        for i in 0..<8 { key = key << 8 | UInt64(i < token.count ? bytes[token.lowerBound + i] : 0) }
        return key
    }

    /// The tokens' bytes joined by spaces, in the order given.
    static func joined(_ bytes: [UInt8], _ tokens: [Range<Int>]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + tokens.count)
        for token in tokens {
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            out.append(contentsOf: bytes[token])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The distinct tokens of `indexTokens`, in its order, as ranges of one buffer: an import indexes every row, and
    /// the runs, the token strings and the sets that kept them apart were a fifth of preparing a 权责清单 row.
    static func tokenBytes(_ text: String) -> (bytes: [UInt8], tokens: [Range<Int>]) {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 2)
        var tokens: [Range<Int>] = []
        var seen = SeenTokens()
        var previous: Unicode.Scalar?  // the CJK character before, in a run of them
        var loneCJK = false  // the run so far is one CJK character, not yet written
        var word: [UInt8] = []
        func emit(_ token: UInt64, _ write: (inout [UInt8]) -> Void) {
            guard seen.insert(token) else { return }
            let start = out.count
            write(&out)
            tokens.append(start..<out.count)
        }
        func endCJK() {
            if loneCJK, let c = previous { emit(UInt64(c.value)) { append(c, to: &$0) } }
            previous = nil
            loneCJK = false
        }
        func endWord() {
            guard !word.isEmpty else { return }
            if seen.insert(word: word) {
                tokens.append(out.count..<(out.count + word.count))
                out.append(contentsOf: word)
            }
            word.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            if isCJK(s) {
                endWord()
                if let p = previous {
                    emit(UInt64(p.value) << 21 | UInt64(s.value) | 1 << 63) {
                        append(p, to: &$0)
                        append(s, to: &$0)
                    }
                    loneCJK = false
                } else {
                    loneCJK = true
                }
                previous = s
            } else if isASCIIWordCharacter(s) {
                endCJK()
                // ASCII: lowercased by its byte.
                let b = UInt8(truncatingIfNeeded: s.value)
                word.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b)
            } else {
                endCJK()
                endWord()
            }
        }
        endCJK()
        endWord()
        return (out, tokens)
    }

    static func append(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(s) { out.append($0) }
    }

    /// The tokens written so far: a short list searched in turn (most documents have a few dozen tokens), sets once it
    /// grows.
    struct SeenTokens {
        private var cjk: [UInt64] = []
        private var words: [[UInt8]] = []
        private var cjkSet: Set<UInt64>?
        private var wordSet: Set<[UInt8]>?
        private static let listed = 48

        /// Whether the CJK token (its scalars as one number) is new; it is then kept.
        mutating func insert(_ token: UInt64) -> Bool {
            if let inserted = cjkSet?.insert(token).inserted { return inserted }
            if cjk.contains(token) { return false }
            cjk.append(token)
            if cjk.count > Self.listed { cjkSet = Set(cjk) }
            return true
        }

        /// Whether the word is new; it is then kept.
        mutating func insert(word: [UInt8]) -> Bool {
            if let inserted = wordSet?.insert(word).inserted { return inserted }
            if words.contains(word) { return false }
            words.append(word)
            if words.count > Self.listed { wordSet = Set(words) }
            return true
        }
    }

    /// The tokens a query must all match, or nil when the query has a lone CJK character, which bigrams cannot
    /// find (the store then falls back to a substring match).
    public static func queryTokens(_ query: String) -> [String]? {
        let rs = runs(query)
        for r in rs { if case .cjk(let c) = r, c.count == 1 { return nil } }
        let t = indexTokens(query)
        return t.isEmpty ? nil : t
    }
}
