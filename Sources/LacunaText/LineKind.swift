/// What one line of a statute is, as the segmenter reads it: the answer of the
/// ``LineClassifier``, on which the ``ProvisionTreeBuilder`` acts.
///
/// Laws: every non-blank line the builder has not already used gets exactly one kind; a kind
/// carries everything the builder needs from the line (a body's text and byte offset, the
/// words after a marker), so the builder reads no line text to decide what a line is.
enum LineKind: Equatable {
    /// An entry of a table of contents, or the heading that opens one.
    case tableOfContents
    /// A line of an explanatory memorandum, from its heading to the end of the text.
    case explanatoryMemorandum
    /// "Illustrations." — worked examples follow.
    case illustrationsHeading
    /// A worked example under "Illustrations".
    case illustration
    /// "[Repealed]" inside a provision: repeals the section (or article) it stands in.
    case repealMarker
    /// An editor's note, an amendment-history line, page furniture, or a Markdown heading
    /// with no words or only a running head.
    case editorial
    /// "[Trafficking in persons]": a marginal note, the heading of the provision that follows.
    case marginalNote(String)
    /// "Part II", "Article 3 bis", "Section 13", "§ 1590": a structural marker, the words
    /// after it, and the body it was read from.
    case structural(Marker, rest: String, body: LineBody)
    /// "# Offences" over running text: the heading of an unnumbered section.
    case headingSection(String)
    /// "3." alone on its line, above the section's text: the number of that section.
    case loneNumber(String)
    /// "370B. Attempt and abetment.—Whoever ...": a section opened by a bare number; the words
    /// after the number and where the number ends.
    case numberedSection(label: String, markerEnd: Int, rest: String, inserted: Bool)
    /// A heading line above the provision that follows (cleaned of its closing marks).
    case heading(String)
    /// Running text, perhaps led by subdivision markers: "(1)", "(a)", "1.", "a)", "First:".
    case text(LineBody)
}

/// A line's text as the markers are read from it: without a Markdown heading's hashes or the
/// opening quote of a provision an amending act inserts.
struct LineBody: Equatable {
    var text: String
    /// The byte offset of `text` in the document.
    var offset: Int
    /// The line is a Markdown heading ("## 4. Offences").
    var isMarkdownHeading = false
    /// The line is inside a quoted block an amending act inserts: its numbers belong to the
    /// principal Act, not to the amending act's own sequence.
    var inserted = false
}
