import Foundation
import LacunaCore

/// The analyses behind recently shown report pages, kept in memory (never on disk) so the
/// page's download links can render them in other formats.
///
/// Laws: at most `capacity` entries, each for at most `lifetime`; the oldest go first; a key
/// is 128 random bits, so one report cannot be found from another's link.
actor ReportCache {
    struct Entry: Sendable {
        var analysis: Analysis
        var stored: ContinuousClock.Instant
    }

    let capacity: Int
    let lifetime: Duration
    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    init(capacity: Int, lifetime: Duration) {
        self.capacity = max(1, capacity)
        self.lifetime = lifetime
    }

    func put(_ analysis: Analysis) -> String {
        expire()
        let key = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        entries[key] = Entry(analysis: analysis, stored: .now)
        order.append(key)
        while order.count > capacity { entries[order.removeFirst()] = nil }
        return key
    }

    func get(_ key: String) -> Analysis? {
        expire()
        return entries[key]?.analysis
    }

    private func expire() {
        let now = ContinuousClock.now
        while let first = order.first, let e = entries[first], now - e.stored > lifetime {
            entries[first] = nil
            order.removeFirst()
        }
    }
}
