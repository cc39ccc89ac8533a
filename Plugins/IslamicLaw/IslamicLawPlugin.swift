import Foundation
import LacunaCore

/// Codified statutes of States whose criminal law draws on Sharia, mostly read in English
/// translation: laws in numbered articles ("Article (2)"), "shall be considered",
/// "deals in a natural person", "temporary imprisonment", riyal and dinar fines,
/// "Majlis-e-Shoora", and the Egyptian and Gulf model of trafficking laws.
public struct IslamicLawPlugin: AnalyzerPlugin {
    public init() {}
    public var tradition: Tradition { .islamicLaw }
    public var conventions: SegmentationConventions { .civilLaw }
    public var cues: [TraditionCue] {
        [TraditionCue("riyal", weight: 6), TraditionCue("dinar", weight: 6), TraditionCue("dirham", weight: 6),
         TraditionCue("sharia", weight: 5), TraditionCue("shari'a", weight: 5), TraditionCue("majlis", weight: 5),
         TraditionCue("emir", weight: 3), TraditionCue("in the name of god", weight: 5), TraditionCue("in the name of allah", weight: 5),
         TraditionCue("deals in", weight: 2), TraditionCue("temporary imprisonment", weight: 3),
         TraditionCue("people's assembly", weight: 3), TraditionCue("people’s assembly", weight: 3),
         TraditionCue("shura", weight: 4), TraditionCue("diya", weight: 4), TraditionCue("qisas", weight: 4),
         TraditionCue("islamic", weight: 3), TraditionCue("hudood", weight: 4), TraditionCue("zina", weight: 3)]
    }
    public var rulePacks: [URL] {
        RulePackFiles.list(in: Bundle.module.url(forResource: "rules", withExtension: nil))
    }
    public var leavesOut: [String: String] { [:] }
}
