import LacunaCore

/// Small builders of WordprocessingML (the XML inside a .docx): paragraphs, runs and tables
/// as strings, for ``DocxReporter``.
///
/// Laws: every piece of text goes through ``text(_:)``, so the XML is well formed whatever the
/// document holds — markup characters become entities, and characters XML 1.0 forbids (C0
/// controls other than tab and line break) and those that could hide or reorder text become
/// visible stand-ins (``DisplayText``). Line breaks become `<w:br/>`, tabs `<w:tab/>`.
enum WordML {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// Character formatting of a run.
    struct Style: OptionSet {
        let rawValue: Int
        static let bold = Style(rawValue: 1)
        static let italic = Style(rawValue: 2)
        static let mono = Style(rawValue: 4)
        static let muted = Style(rawValue: 8)
    }

    /// Escapes text for an XML element or attribute.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in DisplayText.visible(s, keeping: ["\n", "\t"]).unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The content of a run: text with its line breaks and tabs as Word's own elements.
    static func text(_ s: String) -> String {
        var out = "", piece = ""
        func flush() {
            if !piece.isEmpty { out += "<w:t xml:space=\"preserve\">\(escape(piece))</w:t>" }
            piece = ""
        }
        for c in DisplayText.visible(s, keeping: ["\n", "\t"]) {
            switch c {
            case "\n", "\r\n": flush(); out += "<w:br/>"
            case "\t": flush(); out += "<w:tab/>"
            default: piece.append(c)
            }
        }
        flush()
        return out
    }

    /// One run of text with its formatting.
    static func run(_ s: String, _ style: Style = [], color: String? = nil) -> String {
        var props = ""
        if style.contains(.mono) { props += "<w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\" w:cs=\"Consolas\"/>" }
        if style.contains(.bold) { props += "<w:b/>" }
        if style.contains(.italic) { props += "<w:i/>" }
        if let color { props += "<w:color w:val=\"\(color)\"/>" } else if style.contains(.muted) { props += "<w:color w:val=\"5F6368\"/>" }
        if style.contains(.mono) || style.contains(.muted) { props += "<w:sz w:val=\"18\"/>" }
        return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>") + text(s) + "</w:r>"
    }

    /// A paragraph of runs in a paragraph style (`Heading1`, `Quote` ...; nil for Normal).
    static func paragraph(_ runs: String, style: String? = nil, keepNext: Bool = false, pageBreakBefore: Bool = false) -> String {
        var props = ""
        if let style { props += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { props += "<w:keepNext/>" }
        if pageBreakBefore { props += "<w:pageBreakBefore/>" }
        return "<w:p>" + (props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>") + runs + "</w:p>"
    }

    /// A paragraph of plain text.
    static func paragraph(text s: String, style: String? = nil) -> String {
        paragraph(run(s), style: style)
    }

    /// A table cell: its paragraphs, an optional fill colour (hex, no `#`) and width in
    /// fiftieths of a percent.
    struct Cell {
        var content: String
        var fill: String?
        init(_ content: String, fill: String? = nil) {
            self.content = content
            self.fill = fill
        }
        /// A cell of one paragraph of runs.
        static func runs(_ runs: String, fill: String? = nil) -> Cell { Cell(paragraph(runs), fill: fill) }
    }

    /// A full-width table in the `LacunaTable` style; the first row is the header, repeated on
    /// every page; rows do not break across pages. `widths` are shares of the width (percent).
    static func table(header: [String], rows: [[Cell]], widths: [Int]) -> String {
        var t = "<w:tbl><w:tblPr><w:tblStyle w:val=\"LacunaTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        t += "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        for w in widths { t += "<w:gridCol w:w=\"\(w * 96)\"/>" }
        t += "</w:tblGrid>"
        t += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
        for (h, w) in zip(header, widths) { t += cell(Cell.runs(run(h, .bold), fill: "F1F3F5"), width: w) }
        t += "</w:tr>"
        for row in rows {
            t += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (c, w) in zip(row, widths) { t += cell(c, width: w) }
            t += "</w:tr>"
        }
        return t + "</w:tbl>"
    }

    static func cell(_ c: Cell, width: Int) -> String {
        var props = "<w:tcW w:w=\"\(width * 50)\" w:type=\"pct\"/>"
        if let fill = c.fill { props += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>" }
        return "<w:tc><w:tcPr>\(props)</w:tcPr>\(c.content)</w:tc>"
    }

    /// The fill colour of a status cell (light, so black text stays readable in print).
    static func fill(_ status: Status) -> String {
        switch status {
        case .met: "D7F0DE"
        case .partial: "FDE7C2"
        case .missing: "F8D7D4"
        case .conflict: "EAD6F5"
        }
    }

    /// The text colour of a status word.
    static func color(_ status: Status) -> String {
        switch status {
        case .met: "1B7F3B"
        case .partial: "8A5200"
        case .missing: "B3261E"
        case .conflict: "6A1B9A"
        }
    }
}
