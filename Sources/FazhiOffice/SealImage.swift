import Foundation

/// A minimal PNG writer (8-bit palette with transparency, stored deflate blocks): enough for a seal image in a
/// .docx without an image library.
public enum PNGWriter {
    /// `pixels` holds one palette index per pixel, row by row; `palette` RGBA.
    public static func indexed(
        width: Int, height: Int, pixels: [UInt8], palette: [(UInt8, UInt8, UInt8, UInt8)]
    ) -> Data {
        var out = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func chunk(_ type: String, _ body: [UInt8]) {
            let t = Array(type.utf8)
            out += be32(UInt32(body.count)) + t + body + be32(crc32(t + body))
        }
        chunk("IHDR", be32(UInt32(width)) + be32(UInt32(height)) + [8, 3, 0, 0, 0])
        chunk("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] })
        chunk("tRNS", palette.map { $0.3 })
        var raw: [UInt8] = []
        raw.reserveCapacity((width + 1) * height)
        for y in 0..<height { raw.append(0); raw += pixels[(y * width)..<((y + 1) * width)] }
        chunk("IDAT", zlibStored(raw))
        chunk("IEND", [])
        return out
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            let last: UInt8 = i + n >= data.count ? 1 : 0
            out += [last, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for x in data { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        return out + be32(b << 16 | a)
    }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

/// The default seal drawn when a body has no seal image on file: a red ring with a five-pointed star, the form of
/// an official seal (公章) without its text. Deployers put each body's registered seal in `FAZHI_SEAL_DIR`.
public enum SealImage {
    public static let defaultPNG: Data = draw(size: 240)

    static func draw(size: Int) -> Data {
        let levels = 16
        let palette = (0..<levels).map { i in (UInt8(0xD0), UInt8(0x10), UInt8(0x10), UInt8(i * 255 / (levels - 1))) }
        let c = Double(size) / 2, outer = c - 2, inner = outer - Double(size) * 0.045
        // The star: five outer points on radius rs, inner points on rs × 0.382, point up.
        let rs = Double(size) * 0.2
        let star: [(Double, Double)] = (0..<10).map { k in
            let r = k % 2 == 0 ? rs : rs * 0.382
            let a = -Double.pi / 2 + Double(k) * Double.pi / 5
            return (c + r * cos(a), c + r * sin(a))
        }
        func inStar(_ x: Double, _ y: Double) -> Bool {
            var inside = false
            var j = star.count - 1
            for i in 0..<star.count {
                let (xi, yi) = star[i], (xj, yj) = star[j]
                if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
                j = i
            }
            return inside
        }
        var pixels = [UInt8](repeating: 0, count: size * size)
        let ss = 4
        for y in 0..<size {
            for x in 0..<size {
                var hits = 0
                for sy in 0..<ss {
                    for sx in 0..<ss {
                        let px = Double(x) + (Double(sx) + 0.5) / Double(ss),
                            py = Double(y) + (Double(sy) + 0.5) / Double(ss)
                        let d = ((px - c) * (px - c) + (py - c) * (py - c)).squareRoot()
                        if (d <= outer && d >= inner) || inStar(px, py) { hits += 1 }
                    }
                }
                pixels[y * size + x] = UInt8(hits * (levels - 1) / (ss * ss))
            }
        }
        return PNGWriter.indexed(width: size, height: size, pixels: pixels, palette: palette)
    }
}
