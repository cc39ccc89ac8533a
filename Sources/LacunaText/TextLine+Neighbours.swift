/// What the lines after a given one hold, as the segmenter asks when a line's kind depends on
/// the line that follows it (a heading above a provision, a number above its text).
extension Array where Element == TextLine {
    /// The index of the first non-blank line after `index`, if any.
    func nextNonBlankIndex(after index: Int) -> Int? {
        var j = index + 1
        while j < count {
            if !self[j].isBlank { return j }
            j += 1
        }
        return nil
    }

    /// The first non-blank line after `index`, if any.
    func nextNonBlank(after index: Int) -> TextLine? {
        nextNonBlankIndex(after: index).map { self[$0] }
    }

    /// Whether the next line is a Markdown or bracketed heading, or there is none.
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

    /// Whether the next line starts with a parenthesised subdivision: "(1)", "(a)".
    func nextLineStartsSubdivision(after index: Int) -> Bool {
        guard let next = nextNonBlank(after: index) else { return false }
        var s = MarkerScanner(next.text)
        return s.parenthesised() != nil
    }

    /// Whether the next line opens a provision: a structural marker, a parenthesised
    /// subdivision, or a bare number after `lastSectionNumber`.
    func nextLineStartsProvision(after index: Int, lastSectionNumber: String?) -> Bool {
        guard let next = nextNonBlank(after: index) else { return false }
        if next.startsProvision { return true }
        var s = MarkerScanner(next.text)
        if let (label, _) = s.bareNumber(), TextClassifier.isAfter(label, lastSectionNumber) { return true }
        return false
    }
}

extension TextLine {
    /// Whether the line starts with a structural marker or a parenthesised subdivision.
    var startsProvision: Bool {
        var s = MarkerScanner(text)
        if s.structural() != nil { return true }
        s = MarkerScanner(text)
        return s.parenthesised() != nil
    }
}
