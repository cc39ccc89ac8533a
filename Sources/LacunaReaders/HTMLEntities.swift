/// HTML character references: the named ones that legislation pages use (Latin-1,
/// typography, a few symbols) and numeric ones, decoded as browsers do.
enum HTMLEntities {
    static let named: [String: String] = {
        var table: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
            "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
            "lrm": "\u{200E}", "rlm": "\u{200F}", "ndash": "–", "mdash": "—", "horbar": "―", "lsquo": "‘", "rsquo": "’",
            "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "dagger": "†", "Dagger": "‡", "bull": "•",
            "hellip": "…", "permil": "‰", "prime": "′", "Prime": "″", "lsaquo": "‹", "rsaquo": "›", "oline": "‾",
            "euro": "€", "trade": "™", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔",
            "minus": "−", "times": "×", "divide": "÷", "le": "≤", "ge": "≥", "ne": "≠", "plusmn": "±",
            "sect": "§", "para": "¶", "middot": "·", "deg": "°", "copy": "©", "reg": "®", "laquo": "«", "raquo": "»",
            "iexcl": "¡", "iquest": "¿", "cent": "¢", "pound": "£", "curren": "¤", "yen": "¥", "brvbar": "¦",
            "uml": "¨", "ordf": "ª", "ordm": "º", "not": "¬", "shy": "\u{AD}", "macr": "¯", "sup1": "¹", "sup2": "²",
            "sup3": "³", "acute": "´", "micro": "µ", "cedil": "¸", "frac14": "¼", "frac12": "½", "frac34": "¾",
            "OElig": "Œ", "oelig": "œ", "Scaron": "Š", "scaron": "š", "Yuml": "Ÿ", "fnof": "ƒ", "circ": "ˆ", "tilde": "˜",
            "Zcaron": "Ž", "zcaron": "ž", "check": "✓", "star": "☆", "loz": "◊", "infin": "∞", "sum": "∑", "prod": "∏",
            "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "lambda": "λ", "mu": "μ", "pi": "π",
            "sigma": "σ", "omega": "ω", "Alpha": "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ", "Omega": "Ω", "Sigma": "Σ",
            "Pi": "Π",
        ]
        // Latin-1 letters: À (192) … ÿ (255) by their entity names.
        let latin: [String] = [
            "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml",
            "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
            "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
            "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml",
            "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
            "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
        ]
        for (i, name) in latin.enumerated() {
            table[name] = String(Unicode.Scalar(UInt8(192 + i)))
        }
        return table
    }()

    /// Decodes the character references in `text`. Unknown names are left as written, as
    /// browsers do.
    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard c == "&" else { out.append(c); i = text.index(after: i); continue }
            var j = text.index(after: i)
            var name = ""
            while j < text.endIndex, name.count < 32, let a = text[j].asciiValue, (a >= 0x30 && a <= 0x39) || (a | 0x20 >= 0x61 && a | 0x20 <= 0x7A) || a == 0x23 {
                name.append(text[j])
                j = text.index(after: j)
            }
            var replacement: String?
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value: UInt32?
                if digits.hasPrefix("x") || digits.hasPrefix("X") {
                    value = digits.count > 1 && digits.count <= 9 ? UInt32(digits.dropFirst(), radix: 16) : nil
                } else {
                    value = !digits.isEmpty && digits.count <= 9 ? UInt32(digits) : nil
                }
                if let value { replacement = String(numeric(value)) }
            } else if let v = named[name] {
                replacement = v
            }
            if let replacement {
                out += replacement
                i = j
                if i < text.endIndex, text[i] == ";" { i = text.index(after: i) }
            } else {
                out.append("&")
                i = text.index(after: i)
            }
        }
        return out
    }

    /// A numeric reference as browsers read it: 0x80–0x9F are Windows-1252, invalid values
    /// are the replacement character.
    static func numeric(_ value: UInt32) -> Character {
        if value >= 0x80, value <= 0x9F, let mapped = TextDecoder.windows1252High[Int(value - 0x80)], let s = Unicode.Scalar(mapped) {
            return Character(s)
        }
        if value == 0 { return "\u{FFFD}" }
        guard let s = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return Character(s)
    }
}
