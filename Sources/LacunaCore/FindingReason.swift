/// How a finding's status was reached.
public enum FindingRoute: String, Codable, Sendable, Hashable, CaseIterable {
    /// The words quoted do what decides the status themselves.
    case direct
    /// Through a definition the trafficking offence uses (JUDGING rule 4).
    case definition
    /// Through an offence that needs no means at all (JUDGING rule 12).
    case noMeans = "no-means"
    /// Satisfying words narrowed by a qualifier (a power where a duty is asked, only some
    /// victims ...): JUDGING rules 10 and 14.
    case qualifier
    /// Through a rule of reading the evidence's rule names (a purpose punished only outside
    /// the offence, a fine that can stand alone ...).
    case reading
    /// Nothing was found (JUDGING rule 1: only the text given).
    case notFound = "not-found"
}

/// The short "why" of a finding: one sentence naming the way its status was reached and the
/// judging rule applied, in words. Built by the ``Judge``.
///
/// Laws: `why` is never empty; when `judgingRule` is set, `why` contains that rule's phrase
/// (``JudgingRule/phrase(_:)``); `route` is `.notFound` exactly when the status is missing.
public struct FindingReason: Sendable, Hashable {
    public var why: String
    public var route: FindingRoute
    public var judgingRule: Int?

    public init(why: String, route: FindingRoute, judgingRule: Int?) {
        self.why = why
        self.route = route
        self.judgingRule = judgingRule
    }

    /// The reason for a finding of `status` decided by `decisive` (nil for missing).
    ///
    /// - Parameters:
    ///   - summary: what the decisive evidence's rule looks for, in a line.
    ///   - travelled: the provision the offence uses, when the evidence was found there.
    ///   - inOffence: whether the evidence sits in a provision that creates the offence.
    public static func of(status: Status, decisive: Evidence?, summary: String?, area: String,
                          travelled: String?, inOffence: Bool) -> FindingReason {
        guard status != .missing, let e = decisive else {
            return FindingReason(why: "Nothing in this text does it; what the file leaves out may exist elsewhere in the law "
                                 + "(\(JudgingRule.cite(1))).", route: .notFound, judgingRule: 1)
        }
        let label = Self.label(status)
        let at = e.provision ?? "the text"
        let what = summary.map(Self.withoutCitation).map { ": \($0)" } ?? ""
        let cited = JudgingRule.cited(in: e.note ?? "") ?? summary.flatMap { JudgingRule.cited(in: $0) }
        if let q = e.qualifiers.first(where: { e.note?.hasPrefix("narrowed by \u{201C}\($0.quote)\u{201D}") == true }) {
            let rule = q.kind == "discretion" ? 10 : 14
            return FindingReason(why: "\(label): \(at) does it, but narrowed by \u{201C}\(q.quote)\u{201D} — \(q.summary) (\(JudgingRule.cite(rule))).",
                                 route: .qualifier, judgingRule: rule)
        }
        if cited == 12 {
            return FindingReason(why: "\(label) because the trafficking offence in \(at) needs no means at all — doing any of the acts "
                                 + "in order to exploit is enough, however it was done (\(JudgingRule.cite(12))).",
                                 route: .noMeans, judgingRule: 12)
        }
        if let travelled {
            return FindingReason(why: "\(label) through \(travelled), a definition or provision the trafficking offence uses, "
                                 + "which counts as part of the offence (\(JudgingRule.cite(4))).", route: .definition, judgingRule: 4)
        }
        if let cited {
            return FindingReason(why: "\(label) in \(at)\(what) (\(JudgingRule.cite(cited))).", route: .reading, judgingRule: cited)
        }
        if status == .conflict {
            return FindingReason(why: "\(label): \(at) orders what the requirement forbids\(what) (\(JudgingRule.cite(13))).",
                                 route: .direct, judgingRule: 13)
        }
        if area == "definition" && inOffence {
            return FindingReason(why: "\(label) in the trafficking offence itself, \(at)\(what) (\(JudgingRule.cite(5))).",
                                 route: .direct, judgingRule: 5)
        }
        return FindingReason(why: "\(label) in the words of \(at)\(what).", route: .direct, judgingRule: nil)
    }

    static func label(_ status: Status) -> String {
        switch status {
        case .met: "Met"
        case .partial: "Partly met"
        case .missing: "Missing"
        case .conflict: "In conflict"
        }
    }

    /// A rule summary without its own "(JUDGING rule N)" (the reason cites the rule in words).
    public static func withoutCitation(_ s: String) -> String {
        guard let r = s.firstByteRange(of: " (JUDGING rule") else { return s }
        guard let close = s[r.upperBound...].firstIndex(of: ")") else { return String(s[..<r.lowerBound]) }
        return String(s[..<r.lowerBound] + s[s.index(after: close)...])
    }
}
