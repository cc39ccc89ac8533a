/// The judgement on one requirement, as defined in the project's JUDGING contract.
public enum Status: String, Codable, Sendable, CaseIterable, Comparable {
    /// Operative law does what the requirement asks, for every case it covers.
    case met
    /// The text does part of it (some victims, some forms, discretion where a duty is asked, a narrower test).
    case partial
    /// Nothing in the text does it.
    case missing
    /// The text says the opposite of what the requirement asks; outranks met and partial.
    case conflict

    /// Severity order used to sort findings: conflict, missing, partial, met.
    public var severity: Int {
        switch self {
        case .conflict: 3
        case .missing: 2
        case .partial: 1
        case .met: 0
        }
    }

    /// Whether the status is a gap (anything but `met`).
    public var isGap: Bool { self != .met }

    public static func < (a: Status, b: Status) -> Bool { a.severity < b.severity }
}
