/// The kind of a provision in the provision tree, outermost first.
public enum ProvisionKind: String, Codable, Sendable, CaseIterable, Comparable {
    case part, chapter, section, subsection, paragraph, subparagraph, clause

    /// Nesting depth: parts contain chapters contain sections, and so on.
    public var level: Int { ProvisionKind.allCases.firstIndex(of: self)! }
    public static func < (a: ProvisionKind, b: ProvisionKind) -> Bool { a.level < b.level }
    /// The kind at nesting depth `level`, if there is one.
    public init?(level: Int) {
        guard ProvisionKind.allCases.indices.contains(level) else { return nil }
        self = ProvisionKind.allCases[level]
    }
}

/// One node of a document's provision tree: a part, a section or article, a subsection,
/// a paragraph or point, with its label as the law writes it and its exact span.
public struct Provision: Codable, Sendable, Equatable {
    public var kind: ProvisionKind
    /// The number as written: `279.01`, `(1)`, `(a)`, `3 bis`, `1.`; empty when unnumbered.
    public var label: String
    /// How the law cites it, with its ancestors: `s. 279.01(1)(a)`, `Art. 3 bis(2)`, `§ 1590(a)`.
    public var citation: String
    /// The heading or marginal note, when there is one.
    public var heading: String?
    /// UTF-8 byte span of the whole provision, children included.
    public var range: Range<Int>
    /// Index of the parent provision in ``Document/provisions``.
    public var parent: Int?
    /// The style of the label (`section`, `article`, `paragraph-sign`), used to cite it.
    public var style: String

    public init(kind: ProvisionKind, label: String, citation: String, heading: String?,
                range: Range<Int>, parent: Int?, style: String) {
        self.kind = kind
        self.label = label
        self.citation = citation
        self.heading = heading
        self.range = range
        self.parent = parent
        self.style = style
    }
}
