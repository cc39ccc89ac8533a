import LacunaCore

/// Numbering scheme of the subdivisions of one section: common law `(1)(a)(i)(A)` or the US
/// Code `(a)(1)(A)(i)`.
enum SubdivisionScheme { case subsectionFirst, letterFirst }

/// Builds the provision tree from classified lines: opens parts, chapters, sections and
/// subdivisions with their labels, citations and headings, closes them where the next one of
/// their level (or higher) begins, and records what is not law — headings, numbers, notes,
/// repealed provisions, front matter.
///
/// Laws: lines are read once, in order, each through ``LineClassifier``; provisions come out
/// in document order with each parent before and around its children; every span lies within
/// the text; excluded spans come out sorted and merged.
struct ProvisionTreeBuilder {
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
    var currentIndex = 0
    /// Lines already used (a part heading read with its part line).
    var consumed: Set<Int> = []

    init(source: SourceText, conventions: SegmentationConventions) {
        self.source = source
        self.conventions = conventions
        self.lines = RunInSplitter.split(TextLine.split(source.utf8), bytes: source.utf8)
    }

    mutating func run() {
        var classifier = LineClassifier(lines: lines, conventions: conventions)
        for index in lines.indices {
            currentIndex = index
            if lines[index].isBlank || consumed.contains(index) { continue }
            apply(classifier.classify(index, tree: facts), to: lines[index])
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

    /// What the classifier may ask of the tree built so far.
    var facts: TreeFacts {
        TreeFacts(hasOpenProvision: !stack.isEmpty, hasOpenSection: hasOpenSection, isEmpty: provisions.isEmpty,
                  lastSectionNumber: lastSectionNumber, hasPendingHeading: pendingHeading != nil)
    }

    var hasOpenSection: Bool { stack.contains { provisions[$0].kind == .section } }

    // MARK: lines

    /// Acts on one classified line: records what is not law, opens what the line opens.
    mutating func apply(_ kind: LineKind, to line: TextLine) {
        let whole = line.start..<line.end
        switch kind {
        case .tableOfContents:
            exclude(whole, .tableOfContents)
        case .explanatoryMemorandum, .editorial:
            exclude(whole, .editorial)
        case .illustrationsHeading:
            exclude(whole, .heading)
        case .illustration:
            exclude(whole, .illustration)
        case .repealMarker:
            // The marker repeals the section (or article) it stands in.
            if let top = stack.last { repealed.insert(stack.last { provisions[$0].kind == .section } ?? top) }
            exclude(whole, .editorial)
        case .marginalNote(let heading), .heading(let heading):
            pendingHeading = (heading, line.start)
            exclude(whole, .heading)
        case .structural(let marker, let rest, let body):
            // An inserted provision's number belongs to the principal Act's sequence.
            let previous = lastSectionNumber
            openStructural(marker, line: line, markerEnd: body.offset + marker.length, rest: rest)
            if body.inserted { lastSectionNumber = previous }
        case .headingSection(let heading):
            openSection(label: "", style: "heading", heading: heading, start: line.start)
            exclude(whole, .heading)
        case .loneNumber(let label):
            lastSectionNumber = label
            openSection(label: label, style: "section", heading: nil, start: line.start)
            exclude(whole, .numbering)
        case .numberedSection(let label, let markerEnd, let rest, let inserted):
            if !inserted { lastSectionNumber = label }
            openSectionWithRest(label: label, style: "section", line: line, markerEnd: markerEnd, rest: rest)
        case .text(let body):
            parseSubdivisions(body.text, at: body.offset, line: line)
        }
    }

    // MARK: opening provisions

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
            if heading.isEmpty, let next = lines.nextNonBlankIndex(after: currentIndex),
               TextClassifier.isHeadingLike(lines[next].text), !lines[next].startsProvision,
               { var s = MarkerScanner(lines[next].text); return s.bareNumber() == nil }(),
               !lines[next].text.hasPrefix("["), lines.nextLineStartsProvision(after: next, lastSectionNumber: lastSectionNumber) || TextClassifier.isUpperCaseBanner(lines[next].text) {
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
        let headsSubdivisions = !trimmed.isEmpty && trimmed.utf8.count < 160 && lines.nextLineStartsSubdivision(after: currentIndex)
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
        if TextClassifier.mayBeFindingOrIntent(scanner.bytes[scanner.i...]),
           TextClassifier.isFindingOrIntent(String(decoding: scanner.bytes[scanner.i...], as: UTF8.self)) {
            exclude(offset + scanner.i..<line.end, .frontMatter)
        }
    }

    /// Opens the subdivision `marker` starts: its level from the section's numbering scheme
    /// and the items open above it, its citation from its parent's.
    mutating func openSubdivision(_ marker: Marker, start: Int) {
        let scheme = recordScheme(for: marker)
        let (level, labelText) = self.level(of: marker, scheme: scheme)
        let kind = nestedKind(of: marker, level: level)
        let label = marker.style == .point ? "\(marker.label)." : (marker.style == .letterPoint ? "\(marker.label))" : "(\(marker.label))")
        open(kind: kind, label: label, style: marker.style.rawValue, citation: parentCitation(above: kind, labelText: labelText) + labelText,
             heading: pendingHeading?.text, start: start)
    }

    /// The numbering scheme of the open section, decided by its first subdivision: "(a)"
    /// first is the US Code's `(a)(1)(A)(i)`, anything else common law's `(1)(a)(i)(A)`.
    mutating func recordScheme(for marker: Marker) -> SubdivisionScheme? {
        let sectionIndex = stack.last { provisions[$0].kind <= .section }
        var scheme = sectionIndex.flatMap { schemes[$0] }
        if scheme == nil, let s = sectionIndex {
            scheme = marker.style == .parenLower && !Marker.romanNumerals.contains(marker.label) && marker.label != "i"
                ? .letterFirst : .subsectionFirst
            if marker.style == .parenLower && marker.label == "a" { scheme = .letterFirst }
            schemes[s] = scheme
        }
        return scheme
    }

    /// The level a marker's style gives in `scheme`, and how its citation writes its label.
    func level(of marker: Marker, scheme: SubdivisionScheme?) -> (ProvisionKind, String) {
        switch marker.style {
        case .parenNumber:
            return (scheme == .letterFirst ? .paragraph : .subsection, "(\(marker.label))")
        case .parenLower:
            let continuesLetters = previousSiblingLetter(before: marker.label)
            if Marker.romanNumerals.contains(marker.label) && !continuesLetters {
                return (scheme == .letterFirst ? .clause : .subparagraph, "(\(marker.label))")
            }
            return (scheme == .letterFirst ? .subsection : .paragraph, "(\(marker.label))")
        case .parenUpper:
            return (scheme == .letterFirst ? .subparagraph : .clause, "(\(marker.label))")
        case .point:
            // "(a)1. For labor ...", "2. ...": numbered items under a lettered paragraph, as US
            // state codes write them, are its subparagraphs ("(3)(a)1."); not when the letter
            // itself is an item of a numbered point ("1. ... (a) ... (b) ... 2. ...").
            if let letter = letterAbovePoint(), let deeper = ProvisionKind(level: provisions[letter].kind.level + 1) {
                return (deeper, "\(marker.label).")
            }
            return (.paragraph, " no. \(marker.label)")
        case .letterPoint:
            return (.subparagraph, "(\(marker.label))")
        default:
            return (.paragraph, "(\(marker.label))")
        }
    }

    /// The level of a lettered item once the items open above it are seen: under a numbered
    /// point, or after the item before it at that item's depth.
    func nestedKind(of marker: Marker, level: ProvisionKind) -> ProvisionKind {
        var kind = level
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
           ProvisionTreeBuilder.follows(marker.label, provisions[top].label) {
            kind = provisions[top].kind
        }
        return kind
    }

    /// The citation of the provision a subdivision of `kind` opens under (the section's,
    /// then each subdivision's label), or "" at the top.
    func parentCitation(above kind: ProvisionKind, labelText: String) -> String {
        var probe = stack
        while let top = probe.last, provisions[top].kind >= kind { probe.removeLast() }
        guard let parent = probe.last else { return "" }
        // Unnumbered sections are cited by their heading: "Trafficking in persons (1)".
        if provisions[parent].style == "heading" && !labelText.hasPrefix(" ") { return provisions[parent].citation + " " }
        return provisions[parent].citation
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
            if provisions[i].label.hasPrefix("("), ProvisionTreeBuilder.follows(label, provisions[i].label) { return true }
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

    /// "... as provided for in section\n(2) of the Act": the line before ends with a word that
    /// a provision number follows in a reference, so "(2)" continues it.
    func referenceWrapsOnto(_ line: TextLine) -> Bool {
        guard currentIndex > 0, lines[currentIndex].start == line.start, !lines[currentIndex - 1].isBlank else { return false }
        let text = lines[currentIndex - 1].text
        // Cheap first: the lower-cased line can end with " section" only if its last bytes
        // are those letters in some case (no other character lower-cases to them), so most
        // lines are answered on their bytes without lower-casing them.
        let mayEnd = TextClassifier.withUTF8(text) { b in
            ProvisionTreeBuilder.referenceWordEnds.contains { word in
                word.count <= b.count && TextClassifier.equalsLowered(b, (b.count - word.count)..<b.count, word)
            }
        }
        guard mayEnd else { return false }
        let previous = text.lowercased()
        return ProvisionTreeBuilder.referenceWords.contains { previous.hasSuffix(" " + $0) }
    }

    /// The words after which a provision number continues a reference on the next line.
    static let referenceWords = ["section", "sections", "subsection", "subsections", "paragraph", "paragraphs", "subparagraph",
                                 "article", "articles", "regulation", "rule", "item", "clause", "s.", "art."]
    static let referenceWordEnds = referenceWords.map { Array((" " + $0).utf8) }

    /// Everything before the first part, chapter or section is front matter (title, long
    /// title, preamble, enacting words), and so are long-title and preamble paragraphs
    /// wherever they stand.
    mutating func markFrontMatter() {
        let firstStructural = provisions.first { $0.kind <= .section }?.range.lowerBound
        let frontEnd = firstStructural ?? 0
        if let cited = TextClassifier.shortTitle(in: TextClassifier.leadingCharacters(of: source, TextClassifier.shortTitleReach)) {
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
                while j < lines.count, !lines[j].isBlank, !lines[j].startsProvision { end = lines[j].end; j += 1 }
                excluded.append(ExcludedSpan(range: start..<end, reason: .frontMatter))
                i = j
                continue
            }
            i += 1
        }
        excluded = excluded.sortedAndMerged()
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
