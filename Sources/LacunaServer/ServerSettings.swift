import Foundation
import LacunaReaders

/// How `lacuna serve` listens, whom it lets in, and the limits every request runs within.
///
/// Laws: the defaults are the safe ones — loopback only, the CLI's `--max-size` for a body,
/// no more analyses at once than there are cores, a bounded queue behind them.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// When set, every request must carry it (`Authorization: Bearer`, or the login cookie).
    public var token: String?
    /// A batch store (`--db`) to show on the Database page.
    public var databasePath: String?
    /// The longest one analysis (or one diff) may take before the request is answered.
    public var timeLimit: Duration = .seconds(60)
    /// Analyses that run at once.
    public var concurrency = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Requests that may wait for a free slot; beyond them, `503` with `Retry-After`.
    public var queueLength = 64
    /// What `Retry-After` says, in seconds.
    public var retryAfter = 5
    /// Reports kept in memory for their downloads, and for how long.
    public var cachedReports = 32
    public var cacheLifetime: Duration = .seconds(30 * 60)

    public init() {}

    /// The environment variable that holds the token.
    public static let tokenVariable = "LACUNA_TOKEN"

    /// Whether `host` reaches this machine only.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
