import LacunaCore

extension Analyzer {
    /// Analyses `path` and explains the finding for `requirement` (`lacuna explain`).
    public func explain(requirement: String, path: String, tradition: TraditionChoice?) throws -> Explanation {
        guard let req = catalog[requirement] else { throw UsageError("unknown requirement \(requirement)") }
        let analysis = try analyze(path: path, tradition: tradition)
        guard let explanation = Explanation(req, in: analysis) else { throw UsageError("unknown requirement \(requirement)") }
        return explanation
    }
}
