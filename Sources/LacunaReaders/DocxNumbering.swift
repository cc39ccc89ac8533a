/// Word's automatic numbering (`word/numbering.xml`, with the numbering that paragraph
/// styles carry in `word/styles.xml`), turned into the labels Word displays: `3.`, `(1)`,
/// `(a)`, `(iv)`, `2.1.3`.
///
/// Covered: `w:abstractNum` levels with `w:start`, `w:numFmt` (decimal, decimalZero,
/// lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none; others fall back to
/// decimal), `w:lvlText` with `%1`…`%9`, `w:lvlRestart`, `w:isLgl`; `w:num` instances with
/// `w:lvlOverride` (`w:startOverride` and whole-level overrides); numbering styles
/// (`w:numStyleLink` / `w:styleLink`); numbering inherited from paragraph styles
/// (`w:basedOn` chains). Lists that share an abstract definition share their counters unless
/// an instance restarts them with a start override, as Word does.
struct DocxNumbering {
    enum Format: String { case decimal, decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none, other }

    struct Level {
        var start = 1
        var format = Format.decimal
        var text = ""
        var restart: Int?       // w:lvlRestart (1-based level; 0 = never)
        var isLegal = false
        var style: String?      // w:pStyle: the paragraph style bound to this level
    }

    struct Abstract {
        var levels: [Int: Level] = [:]
        var numStyleLink: String?
        var styleLink: String?
    }

    struct Instance {
        var abstractId: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    struct Style {
        var basedOn: String?
        var numId: String?
        var ilvl: Int?
        var isDefaultParagraph = false
    }

    var abstracts: [String: Abstract] = [:]
    var instances: [String: Instance] = [:]
    var styles: [String: Style] = [:]
    var defaultParagraphStyle: String?

    /// Counters per list (an abstract definition, or an instance that restarts it).
    private var counters: [String: [Int: Int]] = [:]

    // MARK: which list a paragraph is in

    /// The numbering of a paragraph from its own `w:numPr` (numId/ilvl) and its style.
    /// Returns nil for an unnumbered paragraph (numId 0 removes inherited numbering).
    func resolve(numId: String?, ilvl: Int?, style: String?) -> (numId: String, ilvl: Int)? {
        var id = numId
        var level = ilvl
        if id == nil || level == nil {
            var current = style ?? defaultParagraphStyle
            var seen = Set<String>()
            while let s = current, seen.insert(s).inserted, seen.count < 32, let def = styles[s] {
                if id == nil, let n = def.numId { id = n }
                if level == nil, let l = def.ilvl { level = l }
                if id != nil && level != nil { break }
                current = def.basedOn
            }
            // A level bound to the style (w:pStyle in w:lvl) gives the level.
            if level == nil, let id, let s = style, let abstract = abstract(forNum: id) {
                level = abstract.levels.first { $0.value.style == s }?.key
            }
        }
        guard let id, id != "0", instances[id] != nil else { return nil }
        return (id, max(0, min(level ?? 0, 8)))
    }

    func abstract(forNum id: String) -> Abstract? {
        guard let instance = instances[id], var abstract = abstracts[instance.abstractId] else { return nil }
        // A numbering-style reference: the definition lives in the abstract that the style's
        // numbering points to.
        if let link = abstract.numStyleLink, let style = styles[link], let linkedNum = style.numId,
           let linked = instances[linkedNum], linked.abstractId != instance.abstractId, let target = abstracts[linked.abstractId] {
            abstract = target
        }
        return abstract
    }

    func level(_ ilvl: Int, ofNum id: String) -> Level {
        if let override = instances[id]?.levelOverrides[ilvl] { return override }
        return abstract(forNum: id)?.levels[ilvl] ?? Level(text: "")
    }

    // MARK: counting

    /// Counts a numbered paragraph and returns the label Word shows for it ("" for none).
    mutating func label(numId: String, ilvl: Int) -> String {
        guard let instance = instances[numId] else { return "" }
        let key = instance.startOverrides.isEmpty && instance.levelOverrides.isEmpty
            ? "abstract:\(instance.abstractId)" : "num:\(numId)"
        var levels = counters[key] ?? [:]
        let this = level(ilvl, ofNum: numId)
        if let current = levels[ilvl] {
            levels[ilvl] = current + 1
        } else {
            levels[ilvl] = instance.startOverrides[ilvl] ?? this.start
        }
        // Deeper levels restart when a higher level is used (unless lvlRestart says otherwise).
        for deeper in (ilvl + 1)..<9 where levels[deeper] != nil {
            let restart = level(deeper, ofNum: numId).restart
            if restart == nil || (restart! > 0 && ilvl < restart!) { levels[deeper] = nil }
        }
        counters[key] = levels
        return render(this, ilvl: ilvl, numId: numId, counters: levels)
    }

    func render(_ level: Level, ilvl: Int, numId: String, counters: [Int: Int]) -> String {
        switch level.format {
        case .none: return DocxNumbering.literal(level.text)
        case .bullet:
            let t = level.text
            // Symbol-font bullets are private-use characters: show a bullet.
            if t.isEmpty || t.unicodeScalars.contains(where: { (0xE000...0xF8FF).contains($0.value) }) { return "•" }
            return t
        default: break
        }
        var out = ""
        var scalars = Array(level.text.unicodeScalars)[...]
        while let s = scalars.first {
            scalars = scalars.dropFirst()
            if s == "%", let d = scalars.first, ("1"..."9").contains(d) {
                scalars = scalars.dropFirst()
                let referenced = Int(d.value - 0x31)
                let lv = self.level(referenced, ofNum: numId)
                let value = counters[referenced] ?? lv.start
                let format = level.isLegal ? Format.decimal : lv.format
                out += DocxNumbering.format(value, format)
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func literal(_ text: String) -> String {
        text.contains("%") ? "" : text
    }

    static func format(_ n: Int, _ format: Format) -> String {
        switch format {
        case .decimal, .other: return String(n)
        case .decimalZero: return n < 10 && n >= 0 ? "0\(n)" : String(n)
        case .lowerLetter: return letters(n)
        case .upperLetter: return letters(n).uppercased()
        case .lowerRoman: return roman(n)
        case .upperRoman: return roman(n).uppercased()
        case .bullet, .none: return ""
        }
    }

    /// Word's letters: a…z, then aa…zz, aaa…
    static func letters(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        let letter = Character(Unicode.Scalar(UInt8(0x61 + (n - 1) % 26)))
        return String(repeating: letter, count: min((n - 1) / 26 + 1, 50))
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = n
        var out = ""
        for (value, numeral) in table {
            while n >= value { out += numeral; n -= value }
        }
        return out
    }

    static func parseFormat(_ value: String?) -> Format {
        guard let value else { return .decimal }
        if let f = Format(rawValue: value) { return f }
        switch value {
        case "ordinal", "cardinalText", "ordinalText", "decimalEnclosedParen", "decimalEnclosedFullstop": return .decimal
        default: return .other
        }
    }
}

/// Reads `numbering.xml` into ``DocxNumbering``.
final class DocxNumberingParser: XMLEventHandler {
    var numbering: DocxNumbering
    private var abstractId: String?
    private var abstract = DocxNumbering.Abstract()
    private var numId: String?
    private var instance: DocxNumbering.Instance?
    private var overrideLevel: Int?
    private var levelIndex: Int?
    private var level = DocxNumbering.Level()

    init(numbering: DocxNumbering) { self.numbering = numbering }

    func start(_ name: String, namespace: String, attributes: [String: String]) {
        guard DocxReader.isWordNamespace(namespace) else { return }
        let val = DocxReader.attribute("val", attributes)
        switch name {
        case "abstractNum":
            abstractId = DocxReader.attribute("abstractNumId", attributes)
            abstract = DocxNumbering.Abstract()
        case "num":
            numId = DocxReader.attribute("numId", attributes)
            instance = DocxNumbering.Instance(abstractId: "")
        case "abstractNumId":
            if instance != nil, let val { instance!.abstractId = val }
        case "lvlOverride":
            overrideLevel = DocxReader.attribute("ilvl", attributes).flatMap { Int($0) }
        case "startOverride":
            if let l = overrideLevel, let v = val.flatMap({ Int($0) }) { instance?.startOverrides[l] = v }
        case "lvl":
            levelIndex = DocxReader.attribute("ilvl", attributes).flatMap { Int($0) }
            level = DocxNumbering.Level()
        case "start":
            if levelIndex != nil, let v = val.flatMap({ Int($0) }) { level.start = v }
        case "numFmt":
            if levelIndex != nil { level.format = DocxNumbering.parseFormat(val) }
        case "lvlText":
            if levelIndex != nil { level.text = val ?? "" }
        case "lvlRestart":
            if levelIndex != nil { level.restart = val.flatMap { Int($0) } }
        case "isLgl":
            if levelIndex != nil { level.isLegal = DocxReader.isOn(val) }
        case "pStyle":
            if levelIndex != nil { level.style = val }
        case "numStyleLink":
            if abstractId != nil { abstract.numStyleLink = val }
        case "styleLink":
            if abstractId != nil { abstract.styleLink = val }
        default: break
        }
    }

    func end(_ name: String, namespace: String) {
        guard DocxReader.isWordNamespace(namespace) else { return }
        switch name {
        case "lvl":
            if let i = levelIndex, (0...8).contains(i) {
                if let o = overrideLevel, instance != nil {
                    instance!.levelOverrides[o] = level
                } else if abstractId != nil {
                    abstract.levels[i] = level
                }
            }
            levelIndex = nil
        case "lvlOverride":
            overrideLevel = nil
        case "abstractNum":
            if let id = abstractId { numbering.abstracts[id] = abstract }
            abstractId = nil
        case "num":
            if let id = numId, let instance { numbering.instances[id] = instance }
            numId = nil
            instance = nil
        default: break
        }
    }

    func characters(_ text: String) {}
}

/// Reads the paragraph styles of `styles.xml` that carry numbering.
final class DocxStylesParser: XMLEventHandler {
    var numbering: DocxNumbering
    private var styleId: String?
    private var style = DocxNumbering.Style()
    private var inParagraphProperties = false
    private var depthInStyle = 0

    init(numbering: DocxNumbering) { self.numbering = numbering }

    func start(_ name: String, namespace: String, attributes: [String: String]) {
        guard DocxReader.isWordNamespace(namespace) else { return }
        let val = DocxReader.attribute("val", attributes)
        switch name {
        case "style":
            let type = DocxReader.attribute("type", attributes)
            if type == nil || type == "paragraph" || type == "numbering" {
                styleId = DocxReader.attribute("styleId", attributes)
                style = DocxNumbering.Style()
                if type == "paragraph", let isDefault = DocxReader.attribute("default", attributes) {
                    style.isDefaultParagraph = DocxReader.isOn(isDefault)
                }
            }
        case "basedOn":
            if styleId != nil { style.basedOn = val }
        case "pPr":
            if styleId != nil { inParagraphProperties = true }
        case "numId":
            if styleId != nil, inParagraphProperties { style.numId = val }
        case "ilvl":
            if styleId != nil, inParagraphProperties { style.ilvl = val.flatMap { Int($0) } }
        default: break
        }
    }

    func end(_ name: String, namespace: String) {
        guard DocxReader.isWordNamespace(namespace) else { return }
        switch name {
        case "pPr": inParagraphProperties = false
        case "style":
            if let id = styleId {
                numbering.styles[id] = style
                if style.isDefaultParagraph { numbering.defaultParagraphStyle = id }
            }
            styleId = nil
        default: break
        }
    }

    func characters(_ text: String) {}
}
