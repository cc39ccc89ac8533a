import LacunaCore

extension Analyzer {
    /// Reads the review file at `path` and applies it to `analysis`'s report
    /// (``Report/apply(_:catalog:)``).
    ///
    /// - Throws: ``ReviewError`` naming the file and line of the problem.
    public func applyReview(path: String, to analysis: inout Analysis) throws {
        try analysis.report.apply(ReviewFileLoader.load(path: path), catalog: catalog)
    }
}
