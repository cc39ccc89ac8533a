/// Patterns run together over many small texts (each section of a long Act, say): one pass of
/// a ``Prefilter`` over a text tells which of them could match it, and the others are not run
/// on it at all.
///
/// Laws: screening never changes an answer — ``ScreenedSubject/mayMatch(_:)`` is false only
/// when the pattern's required literals (``RequiredLiterals``) are absent from the text, so
/// the pattern could not have matched; a pattern that is not a member, or whose literals are
/// unknown, is always run.
public struct PatternGroup: Sendable {
    public let patterns: [Pattern]
    let prefilter: Prefilter
    let members: [ObjectIdentifier]

    public init(_ patterns: [Pattern]) {
        self.patterns = patterns
        // Only whether each could match is asked, never where: no literal's positions are
        // kept, so a scan of each small text only marks what it finds.
        prefilter = Prefilter(analyses: patterns.map { (RequiredLiterals.analysis(of: $0.source).required, nil) })
        members = patterns.map(ObjectIdentifier.init)
    }

    /// `subject`, with the members that cannot match it.
    public func screen(_ subject: Subject) -> ScreenedSubject {
        let mayMatch = prefilter.screen(subject.bytes).mayMatch
        var ruledOut: UInt64 = 0
        for (i, may) in mayMatch.enumerated() where !may && i < 64 { ruledOut |= 1 << UInt64(i) }
        return ScreenedSubject(subject: subject, members: members, ruledOut: ruledOut)
    }
}

/// A ``Subject`` screened by a ``PatternGroup``: a bit per member it rules out, so that many
/// small texts (every section of a long Act) cost no allocation beyond their bytes.
public struct ScreenedSubject: Sendable {
    public let subject: Subject
    let members: [ObjectIdentifier]
    let ruledOut: UInt64

    init(subject: Subject, members: [ObjectIdentifier], ruledOut: UInt64) {
        self.subject = subject
        self.members = members
        self.ruledOut = ruledOut
    }

    /// `subject` unscreened: every pattern runs on it.
    public init(unscreened subject: Subject) {
        self.init(subject: subject, members: [], ruledOut: 0)
    }

    /// Whether `pattern` could match: false only for a member of the group whose required
    /// literals the text lacks.
    public func mayMatch(_ pattern: Pattern) -> Bool {
        guard ruledOut != 0, let i = members.firstIndex(of: ObjectIdentifier(pattern)), i < 64 else { return true }
        return ruledOut & (1 << UInt64(i)) == 0
    }
}

extension Pattern {
    /// ``isMatch(in:limits:)`` on a screened text, without running when screened out.
    public func isMatch(in screened: ScreenedSubject, limits: MatchLimits = .default) throws -> Bool {
        try screened.mayMatch(self) && isMatch(in: screened.subject, limits: limits)
    }

    /// ``matches(in:limits:)`` on a screened text, without running when screened out.
    public func matches(in screened: ScreenedSubject, limits: MatchLimits = .default) throws -> [Match] {
        screened.mayMatch(self) ? try matches(in: screened.subject, limits: limits) : []
    }
}
