/// Lays out one line of JSON as `JSONEncoder` does with `.prettyPrinted`: two spaces per
/// level, `"key" : value`, one member or element per line, and an empty object or array
/// as an opening line, an empty line and its closing bracket.
///
/// With ``CompactJSON`` it writes the JSON report several times faster than `JSONEncoder`
/// (a tenth of a served analysis was spent encoding).
///
/// Laws: only whitespace outside strings is added — the value read back is the same; for
/// what ``CompactJSON`` writes (no whitespace of its own outside strings), the result is
/// byte for byte `JSONEncoder`'s with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes` (the golden reports check it on every sample).
public enum JSONIndenter {
    public static func indent(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 3 / 2)
        var depth = 0
        var inString = false, escaped = false
        var opened = false   // the last byte written opened an object or array
        func newline(_ level: Int) {
            out.append(0x0A)
            for _ in 0..<level { out.append(0x20); out.append(0x20) }
        }
        for c in compact {
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
                continue
            }
            let closes = c == UInt8(ascii: "}") || c == UInt8(ascii: "]")
            if opened {
                opened = false
                if closes { out.append(0x0A) } else { newline(depth) }
            }
            switch c {
            case UInt8(ascii: "\""):
                inString = true
                out.append(c)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(c)
                depth += 1
                opened = true
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline(depth)
                out.append(c)
            case UInt8(ascii: ","):
                out.append(c)
                newline(depth)
            case UInt8(ascii: ":"):
                out.append(contentsOf: [0x20, c, 0x20])
            default:
                out.append(c)
            }
        }
        return out
    }
}
