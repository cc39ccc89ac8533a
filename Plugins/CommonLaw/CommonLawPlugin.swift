import Foundation
import LacunaCore

/// Common-law drafting: Acts in numbered sections ("3. (1) A person commits an offence
/// if ..."), interpretation sections with quoted defined terms, "is liable on conviction",
/// "it is a defence", "shall not be held criminally liable". Also the US Code (`§ 1590(a)`).
public struct CommonLawPlugin: AnalyzerPlugin {
    public init() {}
    public var tradition: Tradition { .commonLaw }
    public var conventions: SegmentationConventions { .commonLaw }
    public var cues: [TraditionCue] {
        [TraditionCue("commits an offence", weight: 3), TraditionCue("is guilty of", weight: 2),
         TraditionCue("liable on conviction", weight: 3), TraditionCue("on indictment", weight: 3),
         TraditionCue("summary conviction", weight: 3), TraditionCue("subsection (", weight: 2),
         TraditionCue("section ", weight: 0.5), TraditionCue("this act", weight: 1), TraditionCue("whoever", weight: 0.5),
         TraditionCue("it is a defence", weight: 2), TraditionCue("§ ", weight: 1), TraditionCue("u.s.c.", weight: 2),
         TraditionCue("interpretation", weight: 1), TraditionCue("\" means", weight: 1), TraditionCue("” means", weight: 1),
         TraditionCue("rigorous imprisonment", weight: 3), TraditionCue("which may extend to", weight: 2),
         TraditionCue("illustration", weight: 2), TraditionCue("explanation", weight: 1), TraditionCue("sub-section", weight: 2),
         TraditionCue("on conviction", weight: 2), TraditionCue("felony", weight: 3), TraditionCue("misdemeanor", weight: 3),
         TraditionCue("as used in this", weight: 2), TraditionCue("the offense of", weight: 2),
         // Canada's French text
         TraditionCue("déclaration de culpabilité", weight: 3), TraditionCue("mise en accusation", weight: 3),
         TraditionCue("procédure sommaire", weight: 3), TraditionCue("paragraphe (", weight: 2)]
    }
    public var rulePacks: [URL] {
        RulePackFiles.list(in: Bundle.module.url(forResource: "rules", withExtension: nil))
    }
    public var leavesOut: [String: String] { [:] }
}
