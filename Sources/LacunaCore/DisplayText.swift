/// Text from a document or a file name made safe to show: every character that could act on
/// a terminal, or hide or reorder what is shown, is replaced by a visible stand-in.
///
/// Replaced: C0 controls (U+0000–U+001F) but those kept (line break and tab by default),
/// shown as their Control Pictures (`␛` for ESC, `␇` for BEL, `␍` for a carriage return);
/// DEL as `␡`; C1 controls (U+0080–U+009F) and the bidirectional embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) as `[U+009B]`. A CR LF pair is a line break.
///
/// Laws: the result holds no replaced character; text without any comes back unchanged
/// (the same string); applying it twice changes nothing more.
public enum DisplayText {
    public static func visible(_ s: String, keeping kept: Set<Unicode.Scalar> = ["\n", "\t"]) -> String {
        guard s.unicodeScalars.contains(where: { needsReplacing($0, kept) }) else { return s }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for c in s.unicodeScalars {
            defer { previous = c }
            if c == "\n", previous == "\r", kept.contains("\n") {
                // CR LF: the CR was held back; the pair is one line break.
                out.append(c)
                continue
            }
            if previous == "\r", kept.contains("\n") { out.append(contentsOf: picture(of: "\r").unicodeScalars) }
            if c == "\r", kept.contains("\n"), !kept.contains("\r") { continue }  // decided at the next character
            if needsReplacing(c, kept) { out.append(contentsOf: picture(of: c).unicodeScalars) } else { out.append(c) }
        }
        if previous == "\r", kept.contains("\n"), !kept.contains("\r") { out.append(contentsOf: picture(of: "\r").unicodeScalars) }
        return String(out)
    }

    /// Whether `c` is replaced (unless kept).
    public static func isUnsafe(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (0x7F...0x9F).contains(c.value) || (0x202A...0x202E).contains(c.value) || (0x2066...0x2069).contains(c.value)
    }

    static func needsReplacing(_ c: Unicode.Scalar, _ kept: Set<Unicode.Scalar>) -> Bool {
        isUnsafe(c) && !kept.contains(c)
    }

    /// The visible stand-in for an unsafe character.
    public static func picture(of c: Unicode.Scalar) -> String {
        switch c.value {
        case 0..<0x20: String(Unicode.Scalar(0x2400 + c.value)!)
        case 0x7F: "\u{2421}"
        default: "[U+" + String(String(c.value, radix: 16, uppercase: true).reversed()).padding(4) + "]"
        }
    }
}

private extension String {
    /// Reversed hex digits, padded with zeros to `n` and put back in order.
    func padding(_ n: Int) -> String {
        String((self + String(repeating: "0", count: max(0, n - count))).reversed())
    }
}
