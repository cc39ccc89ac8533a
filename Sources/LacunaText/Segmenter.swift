import LacunaCore

/// The provision tree of a text before resolution, and the spans segmentation already knows
/// are not law (headings, editorial notes, front matter, tables of contents, repealed text).
public struct Segmentation: Sendable {
    public var provisions: [Provision]
    public var excluded: [ExcludedSpan]
    public var title: String?
}

/// Builds the provision tree of a statute from its lines: parts and chapters, sections and
/// articles (`279.01`, `§ 1590`, `Article 3 bis`, `Section 13`, headed but unnumbered
/// sections), subsections, paragraphs and points, with exact byte spans and labels as the
/// law writes them.
///
/// Laws: deterministic; provisions come out in document order with each parent before and
/// around its children; every span lies within the text.
public struct Segmenter: Sendable {
    public let conventions: SegmentationConventions

    public init(conventions: SegmentationConventions) {
        self.conventions = conventions
    }

    public func segment(_ source: SourceText) -> Segmentation {
        var state = SegmenterState(source: source, conventions: conventions)
        state.run()
        return Segmentation(provisions: state.provisions, excluded: state.excluded.sortedAndMerged(), title: state.title)
    }
}

/// Numbering scheme of the subdivisions of one section: common law `(1)(a)(i)(A)` or the US
/// Code `(a)(1)(A)(i)`.
private enum SubdivisionScheme { case subsectionFirst, letterFirst }

private struct SegmenterState {
    let source: SourceText
    let conventions: SegmentationConventions
    let lines: [TextLine]

    var provisions: [Provision] = []
    var excluded: [ExcludedSpan] = []
    var title: String?
    var stack: [Int] = []
    var pendingHeading: (text: String, start: Int)?
    var lastSectionNumber: String?
    var schemes: [Int: SubdivisionScheme] = [:]
    var repealed: Set<Int> = []
    var inTableOfContents = false
    var inIllustrations = false
    var inExplanatoryMemorandum = false
    var currentIndex = 0
    /// Inside a quoted block of provisions that an amending act inserts or substitutes.
    var insideInsertion = false
    /// Lines already used (a part heading read with its part line).
    var consumed: Set<Int> = []
    var tableOfContentsLines: Set<String> = []

    init(source: SourceText, conventions: SegmentationConventions) {
        self.source = source
        self.conventions = conventions
        self.lines = RunInSplitter.split(TextLine.split(source.utf8), bytes: source.utf8)
    }

    mutating func run() {
        var index = 0
        while index < lines.count {
            currentIndex = index
            handle(index)
            index += 1
        }
        closeAll(at: source.utf8.count)
        for p in repealed.sorted() {
            excluded.append(ExcludedSpan(range: provisions[p].range, reason: .repealed))
        }
        markFrontMatter()
        if !provisions.contains(where: { $0.kind <= .section }) {
            wrapInImplicitSection()
        }
    }

    // MARK: lines

    mutating func handle(_ index: Int) {
        let line = lines[index]
        if line.isBlank || consumed.contains(index) { return }
        let text = line.text

        if inTableOfContents {
            let key = TextClassifier.normalised(text)
            let repeatsEntry = tableOfContentsLines.contains(key)
            if !repeatsEntry && text.utf8.count < 160 {
                tableOfContentsLines.insert(key)
                exclude(line.start..<line.end, .tableOfContents)
                return
            }
            inTableOfContents = false
        }
        // An explanatory memorandum after the clauses of a bill runs to the end of the text.
        if inExplanatoryMemorandum || (hasOpenSection && TextClassifier.isExplanatoryHeading(text)) {
            inExplanatoryMemorandum = true
            exclude(line.start..<line.end, .editorial)
            return
        }
        if TextClassifier.isIllustrationsHeading(text) {
            inIllustrations = true
            exclude(line.start..<line.end, .heading)
            return
        }
        if inIllustrations {
            var probe = MarkerScanner(text)
            let startsNumberedProvision = probe.structural() != nil || { var p = MarkerScanner(text); return p.bareNumber() != nil }()
                || { var p = MarkerScanner(text); return p.parenthesised().map { $0.style == .parenNumber } ?? false }()
            if startsNumberedProvision || TextClassifier.endsIllustrations(text) {
                inIllustrations = false
            } else {
                exclude(line.start..<line.end, .illustration)
                return
            }
        }
        if TextClassifier.isTableOfContentsHeading(text) {
            inTableOfContents = true
            exclude(line.start..<line.end, .tableOfContents)
            return
        }

        if let inner = TextClassifier.bracketed(text) {
            if TextClassifier.isRepealMarker(inner), let top = stack.last {
                // The marker repeals the section (or article) it stands in.
                repealed.insert(stack.last { provisions[$0].kind == .section } ?? top)
                exclude(line.start..<line.end, .editorial)
            } else if TextClassifier.isEditorialNote(inner) {
                exclude(line.start..<line.end, .editorial)
            } else {
                // A marginal note: the heading of the provision that follows.
                pendingHeading = (inner, line.start)
                exclude(line.start..<line.end, .heading)
            }
            return
        }
        if TextClassifier.isHistoryLine(text) || TextClassifier.isPageFurniture(text) {
            exclude(line.start..<line.end, .editorial)
            return
        }

        var body = text
        var offset = line.start
        var isMarkdownHeading = false
        if text.hasPrefix("#") {
            let stripped = text.drop { $0 == "#" || $0 == " " }
            offset += text.utf8.count - stripped.utf8.count
            body = String(stripped)
            isMarkdownHeading = true
            if body.isEmpty { exclude(line.start..<line.end, .editorial); return }
        }

        // Text an amending act inserts, in quotes: '"250. Trafficking in persons', '"(1A) Where'.
        // It is law and is segmented as written, but its numbers belong to the principal Act,
        // not to the amending act's own sequence.
        if let first = body.unicodeScalars.first, "\"“‘'".unicodeScalars.contains(first) {
            let afterQuote = String(body.unicodeScalars.dropFirst())
            var probe = MarkerScanner(afterQuote)
            if probe.structural() != nil || probe.bareNumber() != nil || { var p = MarkerScanner(afterQuote); return p.parenthesised() != nil }() {
                offset += body.utf8.count - afterQuote.utf8.count
                body = afterQuote
                insideInsertion = true
            }
        }
        let inserted = insideInsertion
        // The quoted block ends with the line that closes the quotation.
        if insideInsertion, TextClassifier.closesQuotation(body) { insideInsertion = false }

        var scanner = MarkerScanner(body)
        if let marker = scanner.structural() {
            let rest = String(decoding: Array(body.utf8)[marker.length...], as: UTF8.self)
            // "Section 4 of the principal Act is amended": a reference, not a provision.
            // ... and "section 25;" in lower case at the start of a line is a reference wrapped
            // from the line before: provisions are headed "Section 25", "SECTION 25", "Art. 2".
            let isReference = [.section, .article, .paragraphSign].contains(marker.style)
                && ((rest.unicodeScalars.first.map { $0.properties.isLowercase } ?? false)
                    || (body.unicodeScalars.first.map { $0.properties.isLowercase } ?? false)
                    // "Section 15.2 (extended jurisdiction) applies to ...": a sentence about another part of the law
                    || (marker.style == .section && !TextClassifier.isAfter(marker.label, lastSectionNumber)
                        && TextClassifier.startsLikeSentence(rest) && !TextClassifier.isHeadingLike(rest)))
            if !isReference {
                let previous = lastSectionNumber
                openStructural(marker, line: line, markerEnd: offset + marker.length, rest: rest)
                if inserted { lastSectionNumber = previous }
                return
            }
        }
        if isMarkdownHeading {
            if TextClassifier.isPageFurniture(body) || TextClassifier.isUpperCaseBanner(body) || nextLineIsHeadingOrBlankEnd(after: index) {
                exclude(line.start..<line.end, .editorial)
                return
            }
            if !TextClassifier.startsLikeSentence(body) {
                openSection(label: "", style: "heading", heading: TextClassifier.cleanHeading(body), start: line.start)
                exclude(line.start..<line.end, .heading)
                return
            }
            parseSubdivisions(body, at: offset, line: line)
            return
        }

        let headedNumber: Bool = {
            // "370B. Attempt and abetment.—Whoever ...": a numbered, headed section in any tradition
            var probe = MarkerScanner(body)
            guard probe.bareNumber() != nil else { return false }
            return TextClassifier.splitInlineHeading(String(decoding: Array(body.utf8)[probe.i...], as: UTF8.self)) != nil
        }()
        // "3." alone on its line, under its heading ("[Trafficking in persons]" or a Markdown
        // heading above it) and above its text: the number of the section that follows.
        if let label = TextClassifier.loneNumber(body), body.hasSuffix(".") || pendingHeading != nil,
           TextClassifier.isAfter(label, lastSectionNumber), nextLineStartsText(after: index) {
            lastSectionNumber = label
            openSection(label: label, style: "section", heading: nil, start: line.start)
            exclude(line.start..<line.end, .numbering)
            return
        }
        if conventions.bareNumberIsSection || provisions.isEmpty || !hasOpenSection || headedNumber {
            var bare = MarkerScanner(body)
            if let (label, hadPeriod) = bare.bareNumber(), inserted || TextClassifier.isAfter(label, lastSectionNumber),
               !continuesSentence(index, number: label, hadPeriod: hadPeriod) {
                let rest = String(decoding: Array(body.utf8)[bare.i...], as: UTF8.self)
                let restHasSubdivision: Bool = { var s = MarkerScanner(rest); return s.parenthesised() != nil }()
                if conventions.bareNumberIsSection || restHasSubdivision || TextClassifier.isHeadingLike(rest)
                    || TextClassifier.splitInlineHeading(rest.trimmingSpaces()) != nil {
                    if !inserted { lastSectionNumber = label }
                    openSectionWithRest(label: label, style: "section", line: line, markerEnd: offset + bare.i, rest: rest)
                    return
                }
            }
        }

        if TextClassifier.isHeadingLike(text), !text.hasPrefix("("), nextLineStartsProvision(after: index) {
            pendingHeading = (TextClassifier.cleanHeading(text), line.start)
            exclude(line.start..<line.end, .heading)
            return
        }
        parseSubdivisions(body, at: offset, line: line)
    }

    var hasOpenSection: Bool { stack.contains { provisions[$0].kind == .section } }

    /// Whether a number at the start of line `index` is the rest of a sentence wrapped from the
    /// line before ("... the Health Act,\n2003 (Act No. 61 of 2003);") rather than a section:
    /// a year, or a number without its full stop, after a line that stops mid-sentence.
    func continuesSentence(_ index: Int, number: String, hadPeriod: Bool) -> Bool {
        guard index > 0, !lines[index - 1].isBlank, let last = lines[index - 1].text.unicodeScalars.last else { return false }
        let midSentence = last.properties.isLowercase || last == "," || last == "(" || ("0"..."9").contains(last)
        if let year = Int(number), (1800...2100).contains(year), midSentence || !hadPeriod { return true }
        return midSentence && !hadPeriod
    }

    mutating func openStructural(_ marker: Marker, line: TextLine, markerEnd: Int, rest: String) {
        switch marker.style {
        case .part, .chapter:
            let kind: ProvisionKind = marker.style == .part ? .part : .chapter
            let name = kind == .part ? "Part" : "Chapter"
            var heading = TextClassifier.cleanHeading(rest)
            open(kind: kind, label: marker.label, style: marker.style.rawValue,
                 citation: "\(name) \(marker.label)", heading: heading.isEmpty ? nil : heading, start: line.start)
            exclude(line.start..<line.end, .heading)
            // "PART II" then "OFFENCES" on the next line: that line is the part's heading.
            if heading.isEmpty, let next = nextNonBlankIndex(after: currentIndex),
               TextClassifier.isHeadingLike(lines[next].text), !startsProvision(lines[next]),
               { var s = MarkerScanner(lines[next].text); return s.bareNumber() == nil }(),
               !lines[next].text.hasPrefix("["), nextLineStartsProvision(after: next) || TextClassifier.isUpperCaseBanner(lines[next].text) {
                heading = TextClassifier.cleanHeading(lines[next].text)
                provisions[provisions.count - 1].heading = heading
                consumed.insert(next)
                exclude(lines[next].start..<lines[next].end, .heading)
            }
        case .paragraphSign where stack.contains(where: { provisions[$0].kind == .section && provisions[$0].style == Marker.Style.article.rawValue }):
            // Inside an article, "§ 1º" is one of its paragraphs (Brazilian and Portuguese
            // drafting), not a new section.
            openParagraphSign(marker, line: line, markerEnd: markerEnd, rest: rest)
        case .article, .paragraphSign, .section:
            lastSectionNumber = marker.label
            openSectionWithRest(label: marker.label, style: marker.style.rawValue, line: line, markerEnd: markerEnd, rest: rest)
        default:
            break
        }
    }

    mutating func openParagraphSign(_ marker: Marker, line: TextLine, markerEnd: Int, rest: String) {
        let sectionIndex = stack.last { provisions[$0].kind == .section }!
        open(kind: .subsection, label: "§ \(marker.label)", style: marker.style.rawValue,
             citation: provisions[sectionIndex].citation + ", § \(marker.label)", heading: nil, start: line.start)
        exclude(line.start..<markerEnd, .numbering)
        let body = rest.trimmingLeadingSpaces()
        if !body.isEmpty {
            parseSubdivisions(body, at: line.end - body.utf8.count, line: line)
        }
    }

    mutating func openSectionWithRest(label: String, style: String, line: TextLine, markerEnd: Int, rest: String) {
        var trimmed = rest.trimmingSpaces()
        // "17. Condition for assistance [Repealed by Act 4 of 2024]" or "17. (Repealed)":
        // the marker repeals the section it heads.
        if let marker = TextClassifier.inlineRepealMarker(in: trimmed) {
            trimmed = marker.remainder
            defer { repealed.insert(provisions.count - 1) }
            openSectionWithRestChecked(label: label, style: style, line: line, markerEnd: markerEnd, rest: trimmed, wholeLineHeading: true)
            return
        }
        openSectionWithRestChecked(label: label, style: style, line: line, markerEnd: markerEnd, rest: rest, wholeLineHeading: false)
    }

    mutating func openSectionWithRestChecked(label: String, style: String, line: TextLine, markerEnd: Int, rest: String, wholeLineHeading: Bool) {
        let trimmed = rest.trimmingSpaces()
        // A heading and the text on one line: "Sec. 4. Acts of Trafficking in Persons. – It
        // shall be unlawful ...", or a heading in parentheses as Korean, Japanese and Chinese
        // statutes are translated, "Article 5 (Trafficking in Persons) (1) A person who ...".
        if !wholeLineHeading,
           let split = TextClassifier.splitParenthesisedHeading(trimmed) ?? TextClassifier.splitInlineHeading(trimmed) {
            openSection(label: label, style: style, heading: split.heading, start: line.start)
            let bodyOffset = line.end - split.body.utf8.count
            exclude(line.start..<bodyOffset, .heading)
            if !split.body.isEmpty { parseSubdivisions(split.body, at: bodyOffset, line: line) }
            return
        }
        if wholeLineHeading {
            openSection(label: label, style: style, heading: trimmed.isEmpty ? nil : TextClassifier.cleanHeading(trimmed), start: line.start)
            exclude(line.start..<line.end, .heading)
            return
        }
        // "45 Defence for victims who commit an offence" followed by "(1) ...": a heading,
        // even when its words would read as a sentence.
        let dashHeading = trimmed.hasSuffix("—") || trimmed.hasSuffix(".—") || trimmed.hasSuffix(".–")
        let headsSubdivisions = !trimmed.isEmpty && trimmed.utf8.count < 160 && nextLineStartsSubdivision(after: currentIndex)
            && (!";:,.—–-".contains(trimmed.last!) || (dashHeading && TextClassifier.isHeadingLike(TextClassifier.cleanHeading(trimmed))))
        if !trimmed.isEmpty, TextClassifier.isHeadingLike(trimmed) || headsSubdivisions {
            openSection(label: label, style: style, heading: TextClassifier.cleanHeading(trimmed), start: line.start)
            exclude(line.start..<line.end, .heading)
        } else {
            openSection(label: label, style: style, heading: nil, start: line.start)
            exclude(line.start..<markerEnd, .numbering)
            if !trimmed.isEmpty {
                let restOffset = line.end - rest.utf8.count + (rest.utf8.count - rest.trimmingLeadingSpaces().utf8.count)
                parseSubdivisions(rest.trimmingLeadingSpaces(), at: restOffset, line: line)
            }
        }
    }

    mutating func openSection(label: String, style: String, heading: String?, start: Int) {
        var heading = heading
        var start = start
        if let pending = pendingHeading {
            heading = heading ?? pending.text
            start = min(start, pending.start)
        }
        let citation: String
        switch style {
        case "article": citation = "Art. \(label)"
        case "paragraph-sign": citation = "§ \(label)"
        case "heading": citation = heading ?? "text"
        default: citation = "\(conventions.sectionCitationPrefix) \(label)"
        }
        open(kind: .section, label: label, style: style, citation: citation, heading: heading, start: start)
    }

    /// Reads `(1)`, `(a)`, `1.`, `a)` markers at the start of `text` (several may follow each
    /// other: `(2) (i) Any person ...`) and opens a provision for each.
    mutating func parseSubdivisions(_ text: String, at offset: Int, line: TextLine) {
        if referenceWrapsOnto(line) { return }
        var scanner = MarkerScanner(text)
        while true {
            let before = scanner.i
            let marker = scanner.parenthesised() ?? scanner.point() ?? scanner.ordinalItem()
            guard let marker else { break }
            openSubdivision(marker, start: offset + before)
            exclude(offset + before..<offset + scanner.i, .numbering)
        }
        // "The Legislature finds that ...", "It is the intent of the Legislature ...": findings
        // and statements of intent explain the law like a preamble and do not enact it.
        if TextClassifier.isFindingOrIntent(String(decoding: scanner.bytes[scanner.i...], as: UTF8.self)) {
            exclude(offset + scanner.i..<line.end, .frontMatter)
        }
    }

    mutating func openSubdivision(_ marker: Marker, start: Int) {
        let sectionIndex = stack.last { provisions[$0].kind <= .section }
        var scheme = sectionIndex.flatMap { schemes[$0] }
        if scheme == nil, let s = sectionIndex {
            scheme = marker.style == .parenLower && !Marker.romanNumerals.contains(marker.label) && marker.label != "i"
                ? .letterFirst : .subsectionFirst
            if marker.style == .parenLower && marker.label == "a" { scheme = .letterFirst }
            schemes[s] = scheme
        }
        var kind: ProvisionKind
        var labelText = "(\(marker.label))"
        switch marker.style {
        case .parenNumber:
            kind = scheme == .letterFirst ? .paragraph : .subsection
        case .parenLower:
            let continuesLetters = previousSiblingLetter(before: marker.label)
            if Marker.romanNumerals.contains(marker.label) && !continuesLetters {
                kind = scheme == .letterFirst ? .clause : .subparagraph
            } else {
                kind = scheme == .letterFirst ? .subsection : .paragraph
            }
        case .parenUpper:
            kind = scheme == .letterFirst ? .subparagraph : .clause
        case .point:
            kind = .paragraph
            labelText = " no. \(marker.label)"
            // "(a)1. For labor ...", "2. ...": numbered items under a lettered paragraph, as US
            // state codes write them, are its subparagraphs ("(3)(a)1."); not when the letter
            // itself is an item of a numbered point ("1. ... (a) ... (b) ... 2. ...").
            if let letter = letterAbovePoint(), let deeper = ProvisionKind(level: provisions[letter].kind.level + 1) {
                kind = deeper
                labelText = "\(marker.label)."
            }
        case .letterPoint:
            kind = .subparagraph
        default:
            kind = .paragraph
        }
        // Items "(a)", "(b)" right under a numbered point "2." belong to it (subparagraph 2,
        // item (a), as Korean, Japanese and many civil-law texts write): nest them one level
        // deeper than the point rather than closing it.
        if marker.style == .parenLower || marker.style == .parenUpper, let top = stack.last,
           provisions[top].style == Marker.Style.point.rawValue, provisions[top].kind >= kind,
           !(provisions[top].parent.map { provisions[$0].style == marker.style.rawValue } ?? false),
           provisions[top].kind < .clause, let deeper = ProvisionKind(level: provisions[top].kind.level + 1) {
            kind = deeper
        }
        // ... and so do the items after the first: "(b)" follows "(a)" at its depth.
        if marker.style == .parenLower || marker.style == .parenUpper, let top = stack.last,
           provisions[top].style == marker.style.rawValue, provisions[top].kind > kind,
           SegmenterState.follows(marker.label, provisions[top].label) {
            kind = provisions[top].kind
        }
        // Citation: the section's, then each subdivision's label.
        var parentCitation = ""
        var probe = stack
        while let top = probe.last, provisions[top].kind >= kind { probe.removeLast() }
        if let parent = probe.last {
            parentCitation = provisions[parent].citation
            // Unnumbered sections are cited by their heading: "Trafficking in persons (1)".
            if provisions[parent].style == "heading" && !labelText.hasPrefix(" ") { parentCitation += " " }
        }
        open(kind: kind, label: marker.style == .point ? "\(marker.label)." : (marker.style == .letterPoint ? "\(marker.label))" : "(\(marker.label))"),
             style: marker.style.rawValue, citation: parentCitation + labelText, heading: pendingHeading?.text, start: start)
    }

    /// The lettered paragraph "(a)" that numbered items now opening belong to: the top of the
    /// stack, or the parent of the item before — when that letter is not itself under a point.
    func letterAbovePoint() -> Int? {
        guard let top = stack.last else { return nil }
        let lower = Marker.Style.parenLower.rawValue, point = Marker.Style.point.rawValue
        let letter: Int
        if provisions[top].style == lower {
            letter = top
        } else if provisions[top].style == point, let parent = provisions[top].parent, provisions[parent].style == lower,
                  provisions[top].kind.level == provisions[parent].kind.level + 1 {
            letter = parent
        } else {
            return nil
        }
        guard let above = provisions[letter].parent, provisions[above].style != point else { return nil }
        return letter
    }

    /// Whether the single letter `label` comes right after the one in `previous` ("(a)").
    static func follows(_ label: String, _ previous: String) -> Bool {
        let p = previous.filter { $0 != "(" && $0 != ")" }
        guard label.unicodeScalars.count == 1, p.unicodeScalars.count == 1,
              let a = p.unicodeScalars.first, let b = label.unicodeScalars.first else { return false }
        return b.value == a.value + 1
    }

    /// Whether `(i)`, `(v)` or `(x)` continues a run of letters (`(h)` then `(i)`).
    func previousSiblingLetter(before label: String) -> Bool {
        for i in stack.reversed() {
            if provisions[i].label.hasPrefix("("), SegmenterState.follows(label, provisions[i].label) { return true }
            if provisions[i].kind <= .subsection { break }
        }
        return false
    }

    mutating func open(kind: ProvisionKind, label: String, style: String, citation: String, heading: String?, start: Int) {
        pendingHeading = nil
        while let top = stack.last, provisions[top].kind >= kind {
            close(top, at: start)
            stack.removeLast()
        }
        let parent = stack.last
        provisions.append(Provision(kind: kind, label: label, citation: citation, heading: heading,
                                    range: start..<start, parent: parent, style: style))
        stack.append(provisions.count - 1)
    }

    mutating func close(_ index: Int, at end: Int) {
        let start = provisions[index].range.lowerBound
        provisions[index].range = start..<max(start, trimmedEnd(end))
    }

    func trimmedEnd(_ end: Int) -> Int {
        var e = end
        let b = source.utf8
        while e > 0, b[e - 1] == 0x0A || b[e - 1] == 0x0D || b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
        return e
    }

    mutating func closeAll(at end: Int) {
        while let top = stack.popLast() { close(top, at: end) }
        // Parents must contain children whose trimmed ends differ.
        for i in provisions.indices.reversed() {
            if let p = provisions[i].parent, provisions[p].range.upperBound < provisions[i].range.upperBound {
                provisions[p].range = provisions[p].range.lowerBound..<provisions[i].range.upperBound
            }
        }
    }

    mutating func exclude(_ range: Range<Int>, _ reason: ExclusionReason) {
        guard !range.isEmpty else { return }
        excluded.append(ExcludedSpan(range: range, reason: reason))
    }

    func nextNonBlank(after index: Int) -> TextLine? {
        var j = index + 1
        while j < lines.count {
            if !lines[j].isBlank { return lines[j] }
            j += 1
        }
        return nil
    }

    /// "... as provided for in section\n(2) of the Act": the line before ends with a word that
    /// a provision number follows in a reference, so "(2)" continues it.
    func referenceWrapsOnto(_ line: TextLine) -> Bool {
        guard currentIndex > 0, lines[currentIndex].start == line.start, !lines[currentIndex - 1].isBlank else { return false }
        let previous = lines[currentIndex - 1].text.lowercased()
        return ["section", "sections", "subsection", "subsections", "paragraph", "paragraphs", "subparagraph",
                "article", "articles", "regulation", "rule", "item", "clause", "s.", "art."]
            .contains { previous.hasSuffix(" " + $0) }
    }

    func nextNonBlankIndex(after index: Int) -> Int? {
        var j = index + 1
        while j < lines.count {
            if !lines[j].isBlank { return j }
            j += 1
        }
        return nil
    }

    func nextLineIsHeadingOrBlankEnd(after index: Int) -> Bool {
        guard let next = nextNonBlank(after: index) else { return true }
        return next.text.hasPrefix("#") || next.text.hasPrefix("[")
    }

    /// Whether the next line is the text of a provision: a subdivision or a sentence, not
    /// another number or heading.
    func nextLineStartsText(after index: Int) -> Bool {
        guard let next = nextNonBlank(after: index) else { return false }
        var s = MarkerScanner(next.text)
        return s.parenthesised() != nil || TextClassifier.startsLikeSentence(next.text)
    }

    func nextLineStartsSubdivision(after index: Int) -> Bool {
        guard let next = nextNonBlank(after: index) else { return false }
        var s = MarkerScanner(next.text)
        return s.parenthesised() != nil
    }

    func nextLineStartsProvision(after index: Int) -> Bool {
        guard let next = nextNonBlank(after: index) else { return false }
        var s = MarkerScanner(next.text)
        if s.structural() != nil { return true }
        s = MarkerScanner(next.text)
        if s.parenthesised() != nil { return true }
        s = MarkerScanner(next.text)
        if let (label, _) = s.bareNumber(), TextClassifier.isAfter(label, lastSectionNumber) { return true }
        return false
    }

    /// Everything before the first part, chapter or section is front matter (title, long
    /// title, preamble, enacting words), and so are long-title and preamble paragraphs
    /// wherever they stand.
    mutating func markFrontMatter() {
        let firstStructural = provisions.first { $0.kind <= .section }?.range.lowerBound
        let frontEnd = firstStructural ?? 0
        if let cited = TextClassifier.shortTitle(in: source.text) {
            title = cited
        } else if frontEnd > 0 {
            title = TextClassifier.title(in: lines.filter { $0.start < frontEnd })
            excluded.append(ExcludedSpan(range: 0..<frontEnd, reason: .frontMatter))
        } else {
            title = TextClassifier.title(in: Array(lines.prefix(3)))
        }
        var i = 0
        while i < lines.count {
            if TextClassifier.isPreambleStart(lines[i].text) {
                let start = lines[i].start
                var end = lines[i].end
                var j = i + 1
                while j < lines.count, !lines[j].isBlank, !startsProvision(lines[j]) { end = lines[j].end; j += 1 }
                excluded.append(ExcludedSpan(range: start..<end, reason: .frontMatter))
                i = j
                continue
            }
            i += 1
        }
        excluded = excluded.sortedAndMerged()
    }

    func startsProvision(_ line: TextLine) -> Bool {
        var s = MarkerScanner(line.text)
        if s.structural() != nil { return true }
        s = MarkerScanner(line.text)
        return s.parenthesised() != nil
    }

    mutating func wrapInImplicitSection() {
        let end = trimmedEnd(source.utf8.count)
        let shifted = provisions.map { p -> Provision in
            var q = p
            q.parent = (p.parent ?? -1) + 1
            return q
        }
        provisions = [Provision(kind: .section, label: "", citation: "", heading: nil, range: 0..<end, parent: nil, style: "implicit")] + shifted
    }
}

extension Array where Element == ExcludedSpan {
    /// Sorted by start, with overlapping or touching spans of the same reason merged, and
    /// spans of different reasons trimmed so none overlap.
    func sortedAndMerged() -> [ExcludedSpan] {
        let sorted = self.filter { !$0.range.isEmpty }.sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound
        }
        var out: [ExcludedSpan] = []
        for span in sorted {
            if var last = out.last, span.range.lowerBound <= last.range.upperBound {
                if span.range.upperBound <= last.range.upperBound { continue }
                if span.reason == last.reason {
                    last.range = last.range.lowerBound..<span.range.upperBound
                    out[out.count - 1] = last
                } else {
                    out.append(ExcludedSpan(range: last.range.upperBound..<span.range.upperBound, reason: span.reason))
                }
            } else {
                out.append(span)
            }
        }
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
    func trimmingLeadingSpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" })
    }
}
