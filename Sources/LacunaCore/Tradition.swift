/// A legal tradition, the key under which analyzer plugins are registered
/// (`common-law`, `civil-law`, `islamic-law`, and any a later plugin adds).
public struct Tradition: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let commonLaw = Tradition("common-law")
    public static let civilLaw = Tradition("civil-law")
    public static let islamicLaw = Tradition("islamic-law")

    public var description: String { rawValue }
    public static func < (a: Tradition, b: Tradition) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
