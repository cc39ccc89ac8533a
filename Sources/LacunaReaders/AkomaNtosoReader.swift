/// Reads an Akoma Ntoso (OASIS LegalDocML) document using its structure: every
/// hierarchical element (part, chapter, section, article, subsection, paragraph, point, ...)
/// becomes lines built from its `<num>`, `<heading>` and content, one line per element, the
/// number written as the law shows it. The segmenter then finds exactly the tree the XML
/// declares instead of guessing it from layout.
///
/// Left out: `<meta>`, `<preface>` (but its document title, as the first line), `<preamble>`,
/// `<coverPage>`, `<toc>`, `<conclusions>`, footnotes (`<authorialNote>`, `<noteRef>`) and
/// deleted text (`<del>`). Inserted text (`<ins>`) is kept; editorial remarks (`<remark>`)
/// are kept in square brackets, which the resolver treats as not law; an element whose
/// `status` is `repealed` or `removed` shows as its number and heading with `[Repealed]`.
final class AkomaNtosoReader: XMLEventHandler {
    static let hierarchy: Set<String> = [
        "alinea", "article", "book", "chapter", "clause", "division", "indent", "level", "list", "paragraph", "part",
        "point", "proviso", "rule", "section", "subchapter", "subclause", "subdivision", "sublist", "subparagraph",
        "subpart", "subrule", "subsection", "subtitle", "title", "tome", "transitional", "hcontainer", "item",
    ]
    /// Levels at or above a section: their header line stands alone.
    static let upperLevels: Set<String> = ["article", "book", "chapter", "division", "part", "section", "subchapter",
                                           "subpart", "title", "tome", "subtitle", "rule", "transitional"]
    static let skipped: Set<String> = ["meta", "preamble", "coverPage", "toc", "authorialNote", "noteRef", "conclusions",
                                       "del", "img", "proprietary", "componentRef", "documentRef", "eop"]
    static let blocks: Set<String> = ["p", "block", "blockContainer", "tblock", "formula", "listIntroduction",
                                      "listWrapUp", "intro", "wrapUp", "content", "crossHeading", "longTitle",
                                      "subFlow", "foreign", "tr"]
    static let partWords: Set<String> = ["part", "chapter", "book", "title", "division", "subpart", "subchapter", "tome",
                                         "article", "art", "art.", "section", "sec", "sec.", "s.", "rule", "schedule", "§"]

    struct Container {
        var kind: String
        var num = ""
        var heading = ""
        var headerDone = false
        var repealed = false
    }

    enum Frame {
        case transparent
        case skip
        case container
        case capture(String)       // num, heading, subheading of the enclosing container
        case block
        case remark
        case quotedStructure(String)
        case quotedText(String)
        case cell
        case prefaceTitle
        case preface
    }

    private var namespace: String?
    private var frames: [Frame] = []
    private var containers: [Container] = []
    private var skip = 0
    private var preface = 0
    private var cells = 0
    private var capture = ""
    private var remark = ""
    private var inRemark = 0
    private var lines: [String] = []
    private var line = ""
    private var pendingSpace = false
    /// A number (`(1)`) waiting for the first line of its content.
    private var pendingPrefix = ""
    private var pendingQuote = ""
    private(set) var isAkomaNtoso = false

    func finish() -> String {
        flushLine()
        if !pendingPrefix.isEmpty { lines.append(pendingPrefix); pendingPrefix = "" }
        return ReaderLines.joinCollapsingBlanks(lines)
    }

    // Longer than 80 lines: one case per Akoma Ntoso element the reader treats specially,
    // clearest as one dispatch.
    func start(_ name: String, namespace ns: String, attributes: [String: String]) {
        if namespace == nil {
            namespace = ns
            isAkomaNtoso = name == "akomaNtoso"
            frames.append(.transparent)
            return
        }
        if skip > 0 || ns != namespace {
            skip += 1
            frames.append(.skip)
            return
        }
        let status = attributes["status"]?.lowercased()
        let removed = status == "repealed" || status == "removed"

        // Inside a container, anything but its num and heading ends its header.
        if case .container? = frames.last, !["num", "heading", "subheading"].contains(name) {
            finishHeader()
            // A repealed element shows as its number and heading only.
            if containers.last?.repealed == true {
                skip += 1
                frames.append(.skip)
                return
            }
        }

        if preface > 0 {
            if name == "docTitle" || name == "shortTitle" {
                capture = ""
                frames.append(.prefaceTitle)
            } else {
                frames.append(.transparent)
            }
            return
        }
        if name == "preface" {
            preface += 1
            frames.append(.preface)
            return
        }
        if AkomaNtosoReader.skipped.contains(name) || (removed && !AkomaNtosoReader.hierarchy.contains(name)) {
            skip += 1
            frames.append(.skip)
            return
        }
        if AkomaNtosoReader.hierarchy.contains(name) {
            flushLine()
            if AkomaNtosoReader.upperLevels.contains(name) {
                flushPrefix()
                if lines.last?.isEmpty == false { lines.append("") }
            }
            containers.append(Container(kind: name, repealed: removed))
            frames.append(.container)
            return
        }
        if (name == "num" || name == "heading" || name == "subheading"), case .container? = frames.last {
            capture = ""
            frames.append(.capture(name))
            return
        }
        switch name {
        case "remark":
            inRemark += 1
            if inRemark == 1 { remark = "" }
            frames.append(.remark)
        case "quotedStructure":
            flushLine()
            pendingQuote += attributes["startQuote"] ?? ""
            frames.append(.quotedStructure(attributes["endQuote"] ?? ""))
        case "quotedText":
            addText(attributes["startQuote"] ?? "")
            frames.append(.quotedText(attributes["endQuote"] ?? ""))
        case "td", "th":
            if cells == 0, !line.isEmpty { line += "\t"; pendingSpace = false }
            cells += 1
            frames.append(.cell)
        case "eol", "br":
            flushLine()
            frames.append(.transparent)
        case "heading", "num", "subheading":
            flushLine()
            frames.append(.block)
        default:
            if AkomaNtosoReader.blocks.contains(name) {
                flushLine()
                frames.append(.block)
            } else {
                frames.append(.transparent)
            }
        }
    }

    func end(_ name: String, namespace ns: String) {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .skip:
            skip -= 1
        case .transparent:
            break
        case .preface:
            preface -= 1
        case .prefaceTitle:
            let title = AkomaNtosoReader.collapse(capture)
            if !title.isEmpty {
                flushLine()
                lines.append(title)
                lines.append("")
            }
        case .container:
            finishHeader()
            flushLine()
            _ = containers.popLast()
        case let .capture(kind):
            let text = AkomaNtosoReader.collapse(capture)
            if !containers.isEmpty {
                switch kind {
                case "num": containers[containers.count - 1].num = text
                case "heading": containers[containers.count - 1].heading = text
                default:
                    let h = containers[containers.count - 1].heading
                    containers[containers.count - 1].heading = h.isEmpty ? text : h + " — " + text
                }
            }
        case .block:
            flushLine()
        case .remark:
            inRemark -= 1
            if inRemark == 0 {
                let text = AkomaNtosoReader.collapse(remark)
                if !text.isEmpty { addText(text.hasPrefix("[") ? text : "[" + text + "]") }
            }
        case let .quotedStructure(endQuote):
            flushLine()
            if !endQuote.isEmpty, !lines.isEmpty {
                lines[lines.count - 1] += endQuote
            }
            pendingQuote = ""
        case let .quotedText(endQuote):
            addText(endQuote)
        case .cell:
            cells -= 1
        }
    }

    func characters(_ text: String) {
        guard skip == 0 else { return }
        if preface > 0 {
            if case .prefaceTitle? = frames.last { capture += text }
            return
        }
        if case .capture? = frames.last {
            capture += text
            return
        }
        if inRemark > 0 {
            remark += text
            return
        }
        // Text straight inside a numbered element (no <content>): the header comes first.
        if case .container? = frames.last, text.contains(where: { !$0.isWhitespace }) {
            finishHeader()
            if containers.last?.repealed == true { return }
        }
        addText(text)
    }

    // MARK: lines

    private func finishHeader() {
        guard var c = containers.last, !c.headerDone else { return }
        c.headerDone = true
        containers[containers.count - 1] = c
        let label = AkomaNtosoReader.label(c.num, kind: c.kind)
        if !c.heading.isEmpty {
            flushLine()
            flushPrefix()
            let header = label.isEmpty ? c.heading : label + AkomaNtosoReader.separator(after: label) + c.heading
            lines.append(pendingQuote + header)
            pendingQuote = ""
            if c.repealed { lines.append("[Repealed]") }
        } else if !label.isEmpty {
            if c.repealed {
                flushPrefix()
                lines.append(pendingQuote + label + " [Repealed]")
                pendingQuote = ""
            } else if !pendingPrefix.isEmpty, !AkomaNtosoReader.upperLevels.contains(c.kind) {
                pendingPrefix += " " + label
            } else {
                flushPrefix()
                pendingPrefix = label
            }
        } else if c.repealed {
            lines.append("[Repealed]")
        }
    }

    private func flushPrefix() {
        guard !pendingPrefix.isEmpty else { return }
        lines.append(pendingQuote + pendingPrefix)
        pendingQuote = ""
        pendingPrefix = ""
    }

    private func addText(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r":
                pendingSpace = true
            default:
                if pendingSpace, !line.isEmpty, !line.hasSuffix("\t") { line += " " }
                pendingSpace = false
                line.unicodeScalars.append(scalar)
            }
        }
    }

    private func flushLine() {
        if cells > 0 { pendingSpace = true; return }
        let text = line.trimming(" ")
        line = ""
        pendingSpace = false
        guard !text.isEmpty else { return }
        var out = text
        if !pendingPrefix.isEmpty {
            out = pendingPrefix + " " + text
            pendingPrefix = ""
        }
        lines.append(pendingQuote + out)
        pendingQuote = ""
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// The number as the law shows it, with the level's name when the XML gives only the
    /// figure of a part, chapter or article (`II` in a `<part>` is `Part II`).
    static func label(_ num: String, kind: String) -> String {
        guard !num.isEmpty else { return "" }
        let first = num.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if partWords.contains(first) || partWords.contains(where: { first.hasPrefix($0) && $0.count > 3 }) { return num }
        switch kind {
        case "part", "chapter", "book", "title", "division", "subpart", "subchapter", "tome":
            return kind.prefix(1).uppercased() + kind.dropFirst() + " " + num
        case "article":
            return "Article " + num
        default:
            return num
        }
    }

    /// Between a number and its heading: a space after `3.` or a bare `3`, a dash after a
    /// worded number (`Article 5 — Heading`, `Part II — Offences`).
    static func separator(after label: String) -> String {
        guard let last = label.last, let first = label.first else { return " " }
        if last == "." || last == ")" || last == ":" { return " " }
        if first.isNumber || first == "(" { return " " }
        return " — "
    }
}
