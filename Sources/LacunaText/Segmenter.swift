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
/// law writes them. Two steps per line: the ``LineClassifier`` tells what the line is (a
/// ``LineKind``), the ``ProvisionTreeBuilder`` acts on it.
///
/// Laws: deterministic; provisions come out in document order with each parent before and
/// around its children; every span lies within the text.
public struct Segmenter: Sendable {
    public let conventions: SegmentationConventions

    public init(conventions: SegmentationConventions) {
        self.conventions = conventions
    }

    public func segment(_ source: SourceText) -> Segmentation {
        var builder = ProvisionTreeBuilder(source: source, conventions: conventions)
        builder.run()
        return Segmentation(provisions: builder.provisions, excluded: builder.excluded.sortedAndMerged(), title: builder.title)
    }
}
