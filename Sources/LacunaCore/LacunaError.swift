/// A problem Lacuna reports to its user in one line: where it is (the file, with the line
/// and column when known) and what it is. Every error a front end shows adopts it, so a front
/// end names one protocol instead of an error type per layer.
///
/// Laws: `description` is `location: problem`, or `problem` alone when no file is concerned;
/// it is one line and never a stack trace; `problem` does not repeat the location.
public protocol LacunaError: Error, Sendable, CustomStringConvertible {
    /// The file the problem is in, as the user named it, with `:line` or `:line:column` when
    /// known (`bill.docx`, `pack.yml:12:5`); nil when the problem concerns no file.
    var location: String? { get }
    /// What is wrong, for the user.
    var problem: String { get }
}

extension LacunaError {
    public var description: String { location.map { "\($0): \(problem)" } ?? problem }
}
