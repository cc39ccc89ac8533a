import Foundation
import LacunaCore

/// Civil-law drafting: codes in articles and paragraphs ("Article 201 bis (1) Whoever ...
/// shall be punished by imprisonment from three to ten years"), points `1.` and `a)`,
/// `§ 232` in German-style codes, "security measures" for legal persons.
public struct CivilLawPlugin: AnalyzerPlugin {
    public init() {}
    public var tradition: Tradition { .civilLaw }
    public var conventions: SegmentationConventions { .civilLaw }
    public var cues: [TraditionCue] {
        [TraditionCue("whosoever", weight: 2), TraditionCue("shall be punished", weight: 1.5),
         TraditionCue("article ", weight: 1), TraditionCue("art. ", weight: 1), TraditionCue("penal code", weight: 1),
         TraditionCue("criminal code", weight: 0.5), TraditionCue("stgb", weight: 4), TraditionCue(" bis", weight: 2),
         TraditionCue("imprisonment from", weight: 3), TraditionCue("paragraph ", weight: 1),
         TraditionCue("security measures", weight: 2), TraditionCue("security precautions", weight: 2),
         TraditionCue("days' fine", weight: 2), TraditionCue("daily fine", weight: 2), TraditionCue("punitive fine", weight: 2),
         // French and Spanish codes
         TraditionCue("code pénal", weight: 1), TraditionCue("código penal", weight: 1), TraditionCue("artículo ", weight: 1),
         TraditionCue("alinéa", weight: 1), TraditionCue("est puni", weight: 1.5), TraditionCue("será castigado", weight: 1.5),
         TraditionCue("será reprimido", weight: 1.5), TraditionCue("será sancionado", weight: 1.5), TraditionCue("réclusion", weight: 1)]
    }
    public var rulePacks: [URL] {
        RulePackFiles.list(in: Bundle.module.url(forResource: "rules", withExtension: nil))
    }
    public var leavesOut: [String: String] { [:] }
}
