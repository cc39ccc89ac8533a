import Foundation
import Hummingbird
import LacunaCore
import LacunaKit
import LacunaStore
import Logging
import NIOCore

/// `lacuna serve`: the pages and the JSON API over one ``Analyzer`` — the same pipeline entry
/// the CLI calls, so a report from the server is the report `lacuna analyze` prints.
///
/// Laws: nothing sent to the server is written to disk or logged (bodies stay in memory;
/// a PDF goes through the reader's private temporary file, removed when it has been read);
/// no client-supplied name ever reaches the file system; every response carries the
/// security headers; analyses run within ``ServerSettings``' limits.
public struct LacunaServer: Sendable {
    public let settings: ServerSettings
    let analyzer: Analyzer
    /// The tradition a request that names none is read with (nil: detected).
    let defaultTradition: String
    /// Whether a text in a language no rule reads is reported on (else refused, as the CLI does).
    let languageAnyway: Bool
    let runner: PipelineRunner
    let cache: ReportCache
    let store: Store?

    public init(analyzer: Analyzer, settings: ServerSettings, tradition: String = "auto", languageAnyway: Bool = false) throws {
        self.analyzer = analyzer
        self.settings = settings
        self.defaultTradition = tradition
        self.languageAnyway = languageAnyway
        _ = try TraditionChoice.parse(tradition, known: analyzer.registry.traditions)
        runner = PipelineRunner(gate: AdmissionGate(slots: settings.concurrency, queueLength: settings.queueLength,
                                                    retryAfter: settings.retryAfter), limit: settings.timeLimit)
        cache = ReportCache(capacity: settings.cachedReports, lifetime: settings.cacheLifetime)
        if let path = settings.databasePath {
            guard FileManager.default.fileExists(atPath: path) else { throw UsageError("\(path): no such database (make one with lacuna batch --db)") }
            store = try Store(path: path)
        } else {
            store = nil
        }
    }

    /// Every route, behind the token guard and the security headers.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: TokenGuard(token: settings.token))
        addAPIRoutes(to: router)
        addPageRoutes(to: router)
        return router
    }

    /// The application on `settings.host:port`; `onRunning` is told the port it listens on.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "lacuna-serve")
        logger.logLevel = .warning
        return Application(router: router(), configuration: .init(address: .hostname(settings.host, port: settings.port)),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    /// Serves until SIGINT or SIGTERM; `onRunning` is told the port once the server listens.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(onRunning: onRunning).runService()
    }

    /// The body a request may send with one document: the `--max-size` limit and room for
    /// the form around it.
    var bodyLimit: Int { analyzer.ingester.maxBytes + 64 * 1024 }

    /// Reads, analyses and judges one upload through the pipeline entry, within the limits;
    /// the report in `reportLanguage` when given (else the pipeline's default).
    func analyze(_ upload: Upload, tradition: TraditionChoice?, title: String? = nil, reportLanguage: Language? = nil) async throws -> Analysis {
        let analyzer = self.analyzer, languageAnyway = self.languageAnyway
        return try await runner.run(upload.name) { (cancellation: Cancellation) in
            let source = try analyzer.ingester.decode(upload.bytes, path: upload.name)
            var analysis = try analyzer.analyze(source, tradition: tradition, cancellation: cancellation)
            if let reportLanguage { try analyzer.write(&analysis, in: reportLanguage) }
            if let title { analysis.setTitle(title) }
            if !languageAnyway, let problem = analysis.unreadLanguage { throw problem }
            return analysis
        }
    }

    /// Both drafts read with one tradition: the given one, else the old draft's (as `lacuna diff`).
    func diff(old: Upload, new: Upload, tradition: TraditionChoice?) async throws -> (ReportDiff, Analysis, Analysis) {
        let before = try await analyze(old, tradition: tradition)
        let after = try await analyze(new, tradition: tradition ?? before.tradition)
        return (ReportDiff(old: before, new: after), before, after)
    }

    /// A tradition as the CLI's `--tradition` reads it; empty or absent is the server's default.
    func tradition(_ text: String?) throws -> TraditionChoice? {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces)
        return try TraditionChoice.parse(t.isEmpty ? defaultTradition : t, known: analyzer.registry.traditions)
    }

    /// A report language as a request names it; empty or absent is the default (nil).
    func reportLanguage(_ text: String?) throws -> Language? {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces)
        return t.isEmpty || t == "auto" ? nil : try analyzer.reportLanguage(named: t)
    }

    /// The traditions a page offers.
    var traditions: [Tradition] { analyzer.registry.traditions }
}
