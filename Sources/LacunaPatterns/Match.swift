/// One match of a ``Pattern``: the whole span and the capture groups, as UTF-8 byte ranges
/// into the ``Subject`` that was searched.
public struct Match: Sendable, Equatable {
    /// The span of the whole match.
    public let range: Range<Int>
    /// Group spans by number; index 0 is the whole match; nil where a group did not take part.
    public let groups: [Range<Int>?]
    /// Group names by number, for the named groups of the pattern.
    public let names: [Int: String]

    /// The span of the named group, if it took part in the match.
    public func range(named name: String) -> Range<Int>? {
        guard let number = names.first(where: { $0.value == name })?.key, number < groups.count else { return nil }
        return groups[number]
    }

    /// The span of a group by number, if it took part.
    public func range(at number: Int) -> Range<Int>? {
        number < groups.count ? groups[number] : nil
    }
}
