import LacunaText

/// Reads an HTML page into the text a browser shows of the law: one block (paragraph,
/// heading, list item, table row) per line, with navigation, scripts, styles, forms, hidden
/// elements, site headers and footers and deleted text (`<del>`) left out. When the page marks
/// its main content (`<main>` or `role="main"`), only that is read.
///
/// Numbered lists (`<ol>`) get the numbers the browser draws (`1.`, `a.`, `iv.`) unless the
/// item already begins with its own number, as legislation pages that style lists away do.
/// Table rows become lines with tab-separated cells.
///
/// The tokenizer is linear and keeps no recursion; the open-element stack is capped, so
/// deeply nested or unbalanced markup costs time in proportion to its size only.
struct HTMLReader {
    static let maxStack = 2048

    /// The charset a page declares in its first kilobyte (`<meta charset>` or
    /// `http-equiv` content), lowercased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        guard let r = head.range(of: "charset") else { return nil }
        var rest = head[r.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    /// Whether the text starts like an HTML document or fragment.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        // Fast refusal: after a byte-order mark and white space, markup starts with '<'.
        var k = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x09 { k += 1 }
        guard k < bytes.count, bytes[k] == 0x3C else { return false }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        var t = Substring(head)
        if t.hasPrefix("\u{FEFF}") { t = t.dropFirst() }
        // Skip leading white space and comments.
        while true {
            t = t.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
            if t.hasPrefix("<!--"), let end = t.range(of: "-->") { t = t[end.upperBound...]; continue }
            if t.hasPrefix("<?xml"), let end = t.range(of: "?>") { t = t[end.upperBound...]; continue }
            break
        }
        if t.hasPrefix("<!doctype html") { return true }
        guard t.hasPrefix("<") else { return false }
        let name = t.dropFirst().prefix { $0.isLetter || $0.isNumber }
        return HTMLReader.knownStartElements.contains(String(name))
    }

    static let knownStartElements: Set<String> = [
        "html", "head", "body", "meta", "title", "link", "style", "script", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6",
        "main", "article", "section", "nav", "header", "table", "ul", "ol", "span", "a", "b", "i", "center", "font", "pre",
        "br", "hr", "blockquote",
    ]

    // MARK: tokens

    enum Token {
        case text(String)
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
    }

    static let rawTextElements: Set<String> = ["script", "style", "noscript", "template", "textarea", "title", "xmp",
                                               "iframe", "noembed", "noframes", "plaintext"]

    /// Splits HTML into tokens; comments, doctypes and processing instructions are dropped
    /// and the content of script-like elements comes as no token at all.
    /// Longer than 80 lines: one linear pass over the bytes whose states share the cursor.
    static func tokenize(_ b: [UInt8], _ body: (Token) -> Void) {
        var i = 0
        let n = b.count
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        func find(_ needle: [UInt8], from: Int, caseless: Bool = false) -> Int? {
            guard needle.count > 0, from <= n - needle.count else { return nil }
            var k = from
            while k <= n - needle.count {
                var m = 0
                while m < needle.count, (caseless ? b[k + m] | 0x20 : b[k + m]) == needle[m] { m += 1 }
                if m == needle.count { return k }
                k += 1
            }
            return nil
        }
        while i < n {
            if b[i] != 0x3C {
                var j = i
                while j < n, b[j] != 0x3C { j += 1 }
                body(.text(String(decoding: b[i..<j], as: UTF8.self)))
                i = j
                continue
            }
            // b[i] == '<'
            guard i + 1 < n else { body(.text("<")); i += 1; continue }
            let next = b[i + 1]
            if next == 0x21 {  // <!
                if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    i = (find(Array("-->".utf8), from: i + 4).map { $0 + 3 }) ?? n
                } else {
                    i = (b[(i + 2)...].firstIndex(of: 0x3E).map { $0 + 1 }) ?? n
                }
                continue
            }
            if next == 0x3F {  // <?
                i = (b[(i + 2)...].firstIndex(of: 0x3E).map { $0 + 1 }) ?? n
                continue
            }
            let closing = next == 0x2F
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < n, isLetter(b[nameStart]) else {
                if closing {  // "</ " or "</>": a bogus comment
                    i = (b[(i + 2)...].firstIndex(of: 0x3E).map { $0 + 1 }) ?? n
                } else {
                    body(.text("<"))
                    i += 1
                }
                continue
            }
            var j = nameStart
            while j < n, !isSpace(b[j]), b[j] != 0x2F, b[j] != 0x3E { j += 1 }
            let name = String(decoding: b[nameStart..<j], as: UTF8.self).lowercased()
            // Attributes, to the closing '>' outside quotes.
            var attributes: [String: String] = [:]
            var selfClosing = false
            var k = j
            while k < n, b[k] != 0x3E {
                if isSpace(b[k]) || b[k] == 0x2F {
                    if b[k] == 0x2F, k + 1 < n, b[k + 1] == 0x3E { selfClosing = true }
                    k += 1
                    continue
                }
                let a = k
                while k < n, !isSpace(b[k]), b[k] != 0x3D, b[k] != 0x3E, !(b[k] == 0x2F && k + 1 < n && b[k + 1] == 0x3E) { k += 1 }
                let attrName = String(decoding: b[a..<k], as: UTF8.self).lowercased()
                var value = ""
                var p = k
                while p < n, isSpace(b[p]) { p += 1 }
                if p < n, b[p] == 0x3D {
                    p += 1
                    while p < n, isSpace(b[p]) { p += 1 }
                    if p < n, b[p] == 0x22 || b[p] == 0x27 {
                        let quote = b[p]
                        let vs = p + 1
                        var ve = vs
                        while ve < n, b[ve] != quote { ve += 1 }
                        value = String(decoding: b[vs..<min(ve, n)], as: UTF8.self)
                        k = min(ve + 1, n)
                    } else {
                        let vs = p
                        var ve = vs
                        while ve < n, !isSpace(b[ve]), b[ve] != 0x3E { ve += 1 }
                        value = String(decoding: b[vs..<ve], as: UTF8.self)
                        k = ve
                    }
                } else {
                    k = max(k, a + 1)
                }
                if !attrName.isEmpty, attributes[attrName] == nil, attributes.count < 64 {
                    attributes[attrName] = HTMLEntities.decode(Substring(value))
                }
            }
            i = min(k + 1, n)
            if closing {
                body(.end(name: name))
                continue
            }
            body(.start(name: name, attributes: attributes, selfClosing: selfClosing))
            if rawTextElements.contains(name) && !selfClosing {
                // Skip to the matching end tag; the content is never shown as text.
                if let end = find(Array("</\(name)".utf8), from: i, caseless: true) {
                    i = end
                } else {
                    i = n
                }
            }
        }
    }

    // MARK: rendering

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "param", "source", "track", "wbr", "keygen", "frame"]
    static let droppedElements: Set<String> = ["script", "style", "noscript", "template", "head", "nav", "aside", "form",
                                               "button", "select", "textarea", "svg", "math", "iframe", "object", "embed",
                                               "canvas", "audio", "video", "map", "dialog", "menu", "title", "datalist",
                                               "del", "noembed", "noframes", "xmp", "plaintext"]
    static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "search", "complementary", "menubar",
                                            "menu", "toolbar", "dialog", "alertdialog", "doc-noteref", "doc-footnote",
                                            "doc-endnotes", "doc-backlink"]
    static let droppedClasses: Set<String> = ["sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                                              "hidden", "d-none", "breadcrumb", "breadcrumbs", "skip-link", "skiplink",
                                              "footnote-ref", "noteref", "fnref", "footnotes"]
    static let blockElements: Set<String> = ["address", "article", "aside", "blockquote", "body", "center", "dd", "details",
                                             "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
                                             "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
                                             "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p",
                                             "pre", "section", "summary", "table", "caption", "tr", "ul", "tbody",
                                             "thead", "tfoot"]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    struct Open {
        var name: String
        var hides: Bool
        var isMain: Bool
    }

    struct List {
        var ordered: Bool
        var type: String
        var next: Int
        var step: Int
        var showsNumbers: Bool
    }

    struct Row {
        var cells = 0
    }

    /// The text of an HTML document (already decoded to a string).
    static func text(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var hasMain = false
        tokenize(bytes) { token in
            if !hasMain, case let .start(name, attributes, _) = token, name == "main" || attributes["role"] == "main" { hasMain = true }
        }
        var renderer = Renderer(onlyMain: hasMain)
        tokenize(bytes) { renderer.handle($0) }
        return renderer.finish()
    }

    struct Renderer {
        let onlyMain: Bool
        var stack: [Open] = []
        var openCounts: [String: Int] = [:]
        var hidden = 0
        var mainDepth = 0
        var pre = 0
        var lists: [List] = []
        var rows: [Row] = []
        var cellDepth = 0
        var contentDepth = 0   // open main/article elements: headers and footers inside them are content
        var lines: [String] = []
        var line = ""
        var pendingSpace = false
        var pendingMarker: String?

        init(onlyMain: Bool) { self.onlyMain = onlyMain }

        var shows: Bool { hidden == 0 && (!onlyMain || mainDepth > 0) }

        mutating func handle(_ token: Token) {
            switch token {
            case let .text(raw):
                guard shows else { return }
                addText(HTMLEntities.decode(Substring(raw)))
            case let .start(name, attributes, selfClosing):
                open(name, attributes, selfClosing: selfClosing)
            case let .end(name):
                close(name)
            }
        }

        mutating func open(_ name: String, _ attributes: [String: String], selfClosing: Bool) {
            // Implied ends, as browsers apply them.
            if HTMLReader.blockElements.contains(name), stack.last?.name == "p" { popOne() }
            if name == "li" { closeWithin("li", boundaries: ["ol", "ul", "menu", "dir"]) }
            if name == "dt" || name == "dd" { closeWithin("dt", boundaries: ["dl"]); closeWithin("dd", boundaries: ["dl"]) }
            if name == "tr" { closeWithin("td", boundaries: ["table"]); closeWithin("th", boundaries: ["table"]); closeWithin("tr", boundaries: ["table"]) }
            if name == "td" || name == "th" { closeWithin("td", boundaries: ["tr", "table"]); closeWithin("th", boundaries: ["tr", "table"]) }
            if name == "option" { closeWithin("option", boundaries: ["select"]) }

            if name == "br" { if shows { breakLine(force: true) }; return }
            if name == "hr" { if shows { breakLine() }; return }
            if HTMLReader.voidElements.contains(name) { return }
            if selfClosing {
                // XHTML's <div/> and <a id="x"/>: an element with nothing in it.
                if HTMLReader.blockElements.contains(name), shows { breakLine() }
                return
            }
            let hides = HTMLReader.hides(name, attributes, inContent: contentDepth > 0)
            let isMain = name == "main" || attributes["role"] == "main"
            guard stack.count < HTMLReader.maxStack else { return }
            stack.append(Open(name: name, hides: hides, isMain: isMain))
            openCounts[name, default: 0] += 1
            if hides { hidden += 1 }
            if isMain { mainDepth += 1 }
            if name == "main" || name == "article" { contentDepth += 1 }
            if name == "pre" || name == "listing" { pre += 1 }

            switch name {
            case "ol", "ul", "menu", "dir":
                let ordered = name == "ol"
                let type = attributes["type"] ?? "1"
                let style = (attributes["style"] ?? "").lowercased().replacingOccurrences(of: " ", with: "")
                let none = style.contains("list-style:none") || style.contains("list-style-type:none")
                let reversed = attributes["reversed"] != nil
                let start = attributes["start"].flatMap { Int($0.trimming(" ")) } ?? (reversed ? -1 : 1)
                lists.append(List(ordered: ordered, type: type, next: start, step: reversed ? -1 : 1, showsNumbers: ordered && !none))
            case "li":
                if var list = lists.last {
                    if let v = attributes["value"].flatMap({ Int($0.trimming(" ")) }) { list.next = v }
                    let style = (attributes["style"] ?? "").lowercased().replacingOccurrences(of: " ", with: "")
                    if list.showsNumbers && !style.contains("list-style-type:none") && !style.contains("list-style:none") {
                        pendingMarker = HTMLReader.listMarker(list.next, type: list.type)
                    }
                    list.next += list.step
                    lists[lists.count - 1] = list
                }
            case "tr":
                rows.append(Row())
            case "td", "th":
                if shows, var row = rows.last {
                    if row.cells > 0 { line += "\t"; pendingSpace = false }
                    row.cells += 1
                    rows[rows.count - 1] = row
                }
                cellDepth += 1
            case "q":
                if shows { addText("“") }
            default: break
            }
            if HTMLReader.blockElements.contains(name), shows {
                if HTMLReader.headings.contains(name) { blankLine() } else { breakLine() }
            }
        }

        mutating func close(_ name: String) {
            if name == "br" { if shows { breakLine(force: true) }; return }
            if name == "p", openCounts["p", default: 0] == 0 { if shows { breakLine() }; return }
            guard openCounts[name, default: 0] > 0 else { return }
            while let top = stack.last {
                popOne()
                if top.name == name { break }
            }
        }

        /// Closes an open `name` element if there is one above the nearest boundary element,
        /// looking no deeper than 64 elements (so that hostile nesting cannot make every item
        /// cost a walk down the whole stack).
        mutating func closeWithin(_ name: String, boundaries: Set<String>) {
            guard openCounts[name, default: 0] > 0 else { return }
            var index = stack.count - 1
            let floor = max(0, stack.count - 64)
            while index >= floor, stack[index].name != name, !boundaries.contains(stack[index].name) { index -= 1 }
            guard index >= floor, stack[index].name == name else { return }
            while stack.count > index { popOne() }
        }

        mutating func popOne() {
            guard let top = stack.popLast() else { return }
            openCounts[top.name, default: 1] -= 1
            let wasShowing = shows
            switch top.name {
            case "ol", "ul", "menu", "dir": _ = lists.popLast()
            case "tr":
                _ = rows.popLast()
            case "td", "th": cellDepth = max(0, cellDepth - 1)
            case "q": if wasShowing { addText("”") }
            case "li": pendingMarker = nil
            default: break
            }
            if HTMLReader.blockElements.contains(top.name), wasShowing {
                if top.name == "tr" {
                    let saved = cellDepth
                    cellDepth = 0
                    breakLine()
                    cellDepth = saved
                } else {
                    breakLine()
                }
            }
            if top.hides { hidden -= 1 }
            if top.isMain { mainDepth -= 1 }
            if top.name == "main" || top.name == "article" { contentDepth -= 1 }
            if top.name == "pre" || top.name == "listing" { pre -= 1 }
        }

        mutating func addText(_ text: String) {
            if pre > 0 {
                var first = true
                for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    if !first { breakLine(force: true) }
                    first = false
                    if pendingSpace, !line.isEmpty { line += " " }
                    pendingSpace = false
                    insertMarker(before: piece)
                    line += piece.replacingOccurrences(of: "\r", with: "")
                }
                return
            }
            for scalar in text.unicodeScalars {
                switch scalar {
                case " ", "\t", "\n", "\r", "\u{0C}":
                    pendingSpace = true
                default:
                    if let marker = pendingMarker {
                        pendingMarker = nil
                        insertMarker(marker, before: text)
                    }
                    if pendingSpace, !line.isEmpty, !line.hasSuffix("\t") { line += " " }
                    pendingSpace = false
                    line.unicodeScalars.append(scalar)
                }
            }
        }

        mutating func insertMarker(before text: Substring) {
            guard let marker = pendingMarker else { return }
            pendingMarker = nil
            insertMarker(marker, before: String(text))
        }

        /// Writes a list number unless the item's text already starts with one.
        mutating func insertMarker(_ marker: String, before text: String) {
            let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if ProvisionMarkers.startsWithMarker(String(trimmed.prefix(40))) { return }
            if pendingSpace, !line.isEmpty { line += " " }
            pendingSpace = true
            line += marker
        }

        mutating func breakLine(force: Bool = false) {
            if cellDepth > 0 { pendingSpace = true; return }
            let trimmed = line.trimming(" ")
            if !trimmed.isEmpty || force { lines.append(trimmed) }
            line = ""
            pendingSpace = false
        }

        /// Ends the line and leaves a blank one (before headings).
        mutating func blankLine() {
            breakLine()
            if cellDepth == 0, let last = lines.last, !last.isEmpty { lines.append("") }
        }

        mutating func finish() -> String {
            breakLine()
            return ReaderLines.joinCollapsingBlanks(lines)
        }
    }

    static func hides(_ name: String, _ attributes: [String: String], inContent: Bool) -> Bool {
        if droppedElements.contains(name) { return true }
        if (name == "header" || name == "footer") && !inContent { return true }
        if attributes["hidden"] != nil { return true }
        if attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let role = attributes["role"]?.lowercased(), droppedRoles.contains(role) { return true }
        if let style = attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if let classes = attributes["class"]?.lowercased().split(separator: " "),
           classes.contains(where: { droppedClasses.contains(String($0)) }) { return true }
        return false
    }

    /// The number a browser draws for an `<ol>` item.
    static func listMarker(_ n: Int, type: String) -> String {
        switch type {
        case "a": return DocxNumbering.letters(n) + "."
        case "A": return DocxNumbering.letters(n).uppercased() + "."
        case "i": return DocxNumbering.roman(n) + "."
        case "I": return DocxNumbering.roman(n).uppercased() + "."
        default: return "\(n)."
        }
    }
}

extension String {
    /// The string without `c` at either end.
    func trimming(_ c: Character) -> String {
        var s = Substring(self)
        while s.first == c { s = s.dropFirst() }
        while s.last == c { s = s.dropLast() }
        return String(s)
    }
}
