import LacunaCore

/// A rule pack that cannot be loaded: the file, the line and column, and the problem.
public struct RulePackError: LacunaError, Equatable {
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    public var problem: String

    public init(file: String, line: Int?, column: Int?, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var location: String? {
        var where_ = file
        if let line { where_ += ":\(line)" }
        if let column { where_ += ":\(column)" }
        return where_
    }
}
