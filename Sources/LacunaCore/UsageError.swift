/// A mistake in how Lacuna was called: an unknown option value, requirement or tradition
/// (exit status 2 in the CLI). It concerns no file.
public struct UsageError: LacunaError, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var location: String? { nil }
    public var problem: String { message }
}
