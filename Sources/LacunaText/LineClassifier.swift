import LacunaCore

/// What the tree built so far tells the classifier: the few facts a line's kind depends on.
struct TreeFacts {
    /// Some provision is open (a repeal marker needs one to repeal).
    var hasOpenProvision: Bool
    /// A section (or article) is open.
    var hasOpenSection: Bool
    /// No provision has been opened yet.
    var isEmpty: Bool
    /// The number of the last section opened: section numbers only go up.
    var lastSectionNumber: String?
    /// A heading is waiting for the provision it heads.
    var hasPendingHeading: Bool
}

/// Tells what each line of a statute is (``LineKind``): front and back matter, notes and
/// headings that are not law, the markers that open parts, sections and subdivisions, or
/// running text. It keeps the reading modes that hold over several lines — a table of
/// contents, an explanatory memorandum, illustrations, a quoted block an amending act
/// inserts — and asks the tree builder only for ``TreeFacts``.
///
/// Laws: lines are classified in order, each once; a kind depends only on the line, the lines
/// around it, the modes the lines before it opened and the facts given; classifying opens or
/// closes modes but never changes the tree.
struct LineClassifier {
    let lines: [TextLine]
    let conventions: SegmentationConventions

    private var inTableOfContents = false
    private var tableOfContentsLines: Set<String> = []
    private var inExplanatoryMemorandum = false
    private var inIllustrations = false
    /// Inside a quoted block of provisions that an amending act inserts or substitutes.
    private var insideInsertion = false

    init(lines: [TextLine], conventions: SegmentationConventions) {
        self.lines = lines
        self.conventions = conventions
    }

    /// The kind of non-blank line `index`, given the tree built from the lines before it.
    mutating func classify(_ index: Int, tree: TreeFacts) -> LineKind {
        let text = lines[index].text
        if let kind = modeLine(text, tree: tree) ?? noteLine(text, tree: tree) { return kind }
        guard let body = body(of: lines[index]) else { return .editorial }
        if let kind = structuralLine(body, tree: tree) { return kind }
        if body.isMarkdownHeading { return markdownHeadingLine(body, at: index) }
        if let kind = numberedLine(body, at: index, tree: tree) { return kind }
        if !text.hasPrefix("("), TextClassifier.isHeadingLike(text),
           lines.nextLineStartsProvision(after: index, lastSectionNumber: tree.lastSectionNumber) {
            return .heading(TextClassifier.cleanHeading(text))
        }
        return .text(body)
    }

    // MARK: modes

    /// A line read under (or opening) a mode that holds over several lines: a table of
    /// contents, an explanatory memorandum, illustrations; nil when no mode claims it.
    private mutating func modeLine(_ text: String, tree: TreeFacts) -> LineKind? {
        if inTableOfContents {
            let key = TextClassifier.normalised(text)
            if !tableOfContentsLines.contains(key) && text.utf8.count < 160 {
                tableOfContentsLines.insert(key)
                return .tableOfContents
            }
            // A repeated entry is the first heading of the body.
            inTableOfContents = false
        }
        // An explanatory memorandum after the clauses of a bill runs to the end of the text.
        if inExplanatoryMemorandum || (tree.hasOpenSection && TextClassifier.isExplanatoryHeading(text)) {
            inExplanatoryMemorandum = true
            return .explanatoryMemorandum
        }
        if TextClassifier.isIllustrationsHeading(text) {
            inIllustrations = true
            return .illustrationsHeading
        }
        if inIllustrations {
            guard LineClassifier.startsNumberedProvision(text) || TextClassifier.endsIllustrations(text) else { return .illustration }
            inIllustrations = false
        }
        if TextClassifier.isTableOfContentsHeading(text) {
            inTableOfContents = true
            return .tableOfContents
        }
        return nil
    }

    /// Whether a line opens a numbered provision (ending illustrations): a structural
    /// marker, a bare number, or "(1)".
    static func startsNumberedProvision(_ text: String) -> Bool {
        var probe = MarkerScanner(text)
        if probe.structural() != nil { return true }
        probe = MarkerScanner(text)
        if probe.bareNumber() != nil { return true }
        probe = MarkerScanner(text)
        return probe.parenthesised().map { $0.style == .parenNumber } ?? false
    }

    /// A line wholly in square brackets (a repeal marker, an editor's note or a marginal
    /// note), an amendment-history line or page furniture; nil for any other line.
    private func noteLine(_ text: String, tree: TreeFacts) -> LineKind? {
        if let inner = TextClassifier.bracketed(text) {
            if TextClassifier.isRepealMarker(inner), tree.hasOpenProvision { return .repealMarker }
            if TextClassifier.isEditorialNote(inner) { return .editorial }
            // A marginal note: the heading of the provision that follows.
            return .marginalNote(inner)
        }
        if TextClassifier.isHistoryLine(text) || TextClassifier.isPageFurniture(text) { return .editorial }
        return nil
    }

    // MARK: the body

    /// The line's text without a Markdown heading's hashes or an inserted provision's opening
    /// quote; nil for a Markdown heading with no words.
    private mutating func body(of line: TextLine) -> LineBody? {
        var body = LineBody(text: line.text, offset: line.start)
        if line.text.hasPrefix("#") {
            let stripped = line.text.drop { $0 == "#" || $0 == " " }
            body.offset += line.text.utf8.count - stripped.utf8.count
            body.text = String(stripped)
            body.isMarkdownHeading = true
            if body.text.isEmpty { return nil }
        }
        // Text an amending act inserts, in quotes: '"250. Trafficking in persons', '"(1A) Where'.
        // It is law and is segmented as written, but its numbers belong to the principal Act,
        // not to the amending act's own sequence.
        if let first = body.text.unicodeScalars.first, "\"“‘'".unicodeScalars.contains(first) {
            let afterQuote = String(body.text.unicodeScalars.dropFirst())
            var probe = MarkerScanner(afterQuote)
            if probe.structural() != nil || probe.bareNumber() != nil || { var p = MarkerScanner(afterQuote); return p.parenthesised() != nil }() {
                body.offset += body.text.utf8.count - afterQuote.utf8.count
                body.text = afterQuote
                insideInsertion = true
            }
        }
        body.inserted = insideInsertion
        // The quoted block ends with the line that closes the quotation.
        if insideInsertion, TextClassifier.closesQuotation(body.text) { insideInsertion = false }
        return body
    }

    // MARK: markers

    /// A part, chapter, article, section or § marker that opens a provision; nil when there
    /// is none or it is a reference to one.
    private func structuralLine(_ body: LineBody, tree: TreeFacts) -> LineKind? {
        var scanner = MarkerScanner(body.text)
        guard let marker = scanner.structural() else { return nil }
        let rest = String(decoding: Array(body.text.utf8)[marker.length...], as: UTF8.self)
        // "Section 4 of the principal Act is amended": a reference, not a provision.
        // ... and "section 25;" in lower case at the start of a line is a reference wrapped
        // from the line before: provisions are headed "Section 25", "SECTION 25", "Art. 2".
        let isReference = [.section, .article, .paragraphSign].contains(marker.style)
            && ((rest.unicodeScalars.first.map { $0.properties.isLowercase } ?? false)
                || (body.text.unicodeScalars.first.map { $0.properties.isLowercase } ?? false)
                // "Section 15.2 (extended jurisdiction) applies to ...": a sentence about another part of the law
                || (marker.style == .section && !TextClassifier.isAfter(marker.label, tree.lastSectionNumber)
                    && TextClassifier.startsLikeSentence(rest) && !TextClassifier.isHeadingLike(rest)))
        return isReference ? nil : .structural(marker, rest: rest, body: body)
    }

    /// A Markdown heading without a structural marker: a running head, the heading of an
    /// unnumbered section, or a sentence that happens to be marked up as a heading.
    private func markdownHeadingLine(_ body: LineBody, at index: Int) -> LineKind {
        if TextClassifier.isPageFurniture(body.text) || TextClassifier.isUpperCaseBanner(body.text)
            || lines.nextLineIsHeadingOrBlankEnd(after: index) {
            return .editorial
        }
        if !TextClassifier.startsLikeSentence(body.text) { return .headingSection(TextClassifier.cleanHeading(body.text)) }
        return .text(body)
    }

    /// A section opened by a number: alone on its line above its text, or before the
    /// section's heading or text; nil when the number is not a section's.
    private func numberedLine(_ body: LineBody, at index: Int, tree: TreeFacts) -> LineKind? {
        // "3." alone on its line, under its heading ("[Trafficking in persons]" or a Markdown
        // heading above it) and above its text: the number of the section that follows.
        if let label = TextClassifier.loneNumber(body.text), body.text.hasSuffix(".") || tree.hasPendingHeading,
           TextClassifier.isAfter(label, tree.lastSectionNumber), lines.nextLineStartsText(after: index) {
            return .loneNumber(label)
        }
        guard conventions.bareNumberIsSection || tree.isEmpty || !tree.hasOpenSection || LineClassifier.isHeadedNumber(body.text)
        else { return nil }
        var bare = MarkerScanner(body.text)
        guard let (label, hadPeriod) = bare.bareNumber(), body.inserted || TextClassifier.isAfter(label, tree.lastSectionNumber),
              !continuesSentence(index, number: label, hadPeriod: hadPeriod) else { return nil }
        let rest = String(decoding: Array(body.text.utf8)[bare.i...], as: UTF8.self)
        let restHasSubdivision: Bool = { var s = MarkerScanner(rest); return s.parenthesised() != nil }()
        guard conventions.bareNumberIsSection || restHasSubdivision || TextClassifier.isHeadingLike(rest)
            || TextClassifier.splitInlineHeading(rest.trimmingSpaces()) != nil else { return nil }
        return .numberedSection(label: label, markerEnd: body.offset + bare.i, rest: rest, inserted: body.inserted)
    }

    /// "370B. Attempt and abetment.—Whoever ...": a numbered, headed section in any tradition.
    static func isHeadedNumber(_ text: String) -> Bool {
        var probe = MarkerScanner(text)
        guard probe.bareNumber() != nil else { return false }
        return TextClassifier.splitInlineHeading(String(decoding: Array(text.utf8)[probe.i...], as: UTF8.self)) != nil
    }

    /// Whether a number at the start of line `index` is the rest of a sentence wrapped from the
    /// line before ("... the Health Act,\n2003 (Act No. 61 of 2003);") rather than a section:
    /// a year, or a number without its full stop, after a line that stops mid-sentence.
    func continuesSentence(_ index: Int, number: String, hadPeriod: Bool) -> Bool {
        guard index > 0, !lines[index - 1].isBlank, let last = lines[index - 1].text.unicodeScalars.last else { return false }
        let midSentence = last.properties.isLowercase || last == "," || last == "(" || ("0"..."9").contains(last)
        if let year = Int(number), (1800...2100).contains(year), midSentence || !hadPeriod { return true }
        return midSentence && !hadPeriod
    }
}
