/// Which plugin(s) analyse a document: detected, or given by the user. Mixed systems combine
/// plugins (`common-law+islamic-law`): packs of all, numbering conventions of the first.
public struct TraditionChoice: Sendable, Hashable, CustomStringConvertible {
    public var traditions: [Tradition]
    public var detected: Bool

    public init(traditions: [Tradition], detected: Bool) {
        self.traditions = traditions
        self.detected = detected
    }

    /// Parses `auto`, `common-law`, `civil-law+islamic-law`; nil means auto-detect.
    public static func parse(_ text: String, known: [Tradition]) throws -> TraditionChoice? {
        if text == "auto" { return nil }
        let parts = text.split(separator: "+").map { Tradition(String($0)) }
        for p in parts where !known.contains(p) {
            throw UsageError("unknown tradition \(p) (known: auto, \(known.map(\.rawValue).joined(separator: ", ")), or several joined by +)")
        }
        return TraditionChoice(traditions: parts, detected: false)
    }

    public var primary: Tradition { traditions[0] }
    public var description: String { traditions.map(\.rawValue).joined(separator: "+") }
}
