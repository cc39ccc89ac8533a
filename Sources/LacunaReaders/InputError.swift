import LacunaCore

/// A document that cannot be read, with the file and the problem in one line.
public struct InputError: LacunaError, Equatable {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var location: String? { path }
}
