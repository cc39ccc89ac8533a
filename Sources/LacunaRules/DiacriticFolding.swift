import Foundation

/// Rewrites a pattern so that every accented Latin letter in it also matches the same letter
/// without its accent: `être` finds "être" and "etre", `captación` finds "captacion". Text
/// from PDFs and old databases often loses its diacritics; the pattern's author writes the
/// word correctly once.
///
/// Laws: a pattern with no accented letter is returned unchanged (so English patterns never
/// change); outside a character class an accented letter `é` becomes the class `[ée]` (one
/// atom, so a quantifier after it still applies to one character); inside a class the bare
/// letter is added beside it (`[éè]` → `[éeèe]`); `œ` and `æ` outside a class become
/// `(?:œ|oe)` and `(?:æ|ae)`; escapes (`\é`, `\x{e9}`, `\p{L}`) are copied as written.
/// Case is left to the pattern's caseless flag (UCP folds É and é, Ñ and ñ).
public enum DiacriticFolding {
    public static func fold(_ pattern: String) -> String {
        guard pattern.unicodeScalars.contains(where: { $0.value >= 0xC0 }) else { return pattern }
        var out = ""
        var inClass = false
        var escaped = false
        var classStart = false
        for ch in pattern {
            if escaped {
                out.append(ch)
                escaped = false
                continue
            }
            switch ch {
            case "\\":
                out.append(ch)
                escaped = true
                classStart = false
                continue
            case "[" where !inClass:
                inClass = true
                classStart = true
                out.append(ch)
                continue
            case "]" where inClass && !classStart:
                inClass = false
                out.append(ch)
                continue
            default:
                break
            }
            classStart = classStart && ch == "^"
            if let bare = bareLetters(of: ch) {
                out += inClass ? String(ch) + (bare.count == 1 ? bare : "") : (bare.count == 1 ? "[\(ch)\(bare)]" : "(?:\(ch)|\(bare))")
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// The letters an accented Latin letter stands for without its marks ("e" for "é", "oe"
    /// for "œ"), or nil when `ch` is not one.
    static func bareLetters(of ch: Character) -> String? {
        switch ch {
        case "œ": return "oe"
        case "Œ": return "OE"
        case "æ": return "ae"
        case "Æ": return "AE"
        default: break
        }
        let scalars = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
        guard scalars.count > 1, let first = scalars.first, first.isASCII,
              first.properties.isAlphabetic else { return nil }
        return String(first)
    }
}
