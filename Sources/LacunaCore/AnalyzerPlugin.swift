import Foundation

/// How a tradition numbers and heads its provisions, for the segmenter.
public struct SegmentationConventions: Sendable, Hashable {
    /// What a bare number at the start of a line ("4. Offences", "279.01 (1) ...") is:
    /// a section (common law) or a point inside an article (civil law).
    public var bareNumberIsSection: Bool
    /// How a section-level provision is cited: `s.` (common law), `Art.` (civil law).
    public var sectionCitationPrefix: String

    public init(bareNumberIsSection: Bool, sectionCitationPrefix: String) {
        self.bareNumberIsSection = bareNumberIsSection
        self.sectionCitationPrefix = sectionCitationPrefix
    }

    public static let commonLaw = SegmentationConventions(bareNumberIsSection: true, sectionCitationPrefix: "s.")
    public static let civilLaw = SegmentationConventions(bareNumberIsSection: false, sectionCitationPrefix: "Art.")
}

/// A weighted cue for recognising a tradition from a document's wording.
public struct TraditionCue: Sendable, Hashable {
    /// A lowercase literal looked for in the lowercased text.
    public var literal: String
    public var weight: Double
    public init(_ literal: String, weight: Double) {
        self.literal = literal
        self.weight = weight
    }
}

/// An analyzer plugin: the idioms of one legal tradition.
///
/// A plugin is data: its manifest, its numbering conventions, its cues for auto-detection
/// and its declarative rule packs (YAML resources). It depends only on the core; the
/// registry in LacunaKit loads and compiles its packs.
///
/// Laws: `tradition` is unique in a registry; every rule in `rulePacks` names only
/// requirements of the catalog; requirements the plugin deliberately does not analyse are
/// listed in `leavesOut` with the reason.
public protocol AnalyzerPlugin: Sendable {
    var tradition: Tradition { get }
    var conventions: SegmentationConventions { get }
    var cues: [TraditionCue] { get }
    /// Rule pack files bundled with the plugin, applied in order after the shared packs.
    var rulePacks: [URL] { get }
    /// Requirement ids the plugin leaves out, with why.
    var leavesOut: [String: String] { get }
}
