import LacunaCore

extension Array where Element == ExcludedSpan {
    /// Sorted by start, with overlapping or touching spans of the same reason merged, and
    /// spans of different reasons trimmed so none overlap.
    func sortedAndMerged() -> [ExcludedSpan] {
        let sorted = self.filter { !$0.range.isEmpty }.sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound
        }
        var out: [ExcludedSpan] = []
        for span in sorted {
            if var last = out.last, span.range.lowerBound <= last.range.upperBound {
                if span.range.upperBound <= last.range.upperBound { continue }
                if span.reason == last.reason {
                    last.range = last.range.lowerBound..<span.range.upperBound
                    out[out.count - 1] = last
                } else {
                    out.append(ExcludedSpan(range: last.range.upperBound..<span.range.upperBound, reason: span.reason))
                }
            } else {
                out.append(span)
            }
        }
        return out
    }
}