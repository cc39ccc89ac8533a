import ArgumentParser
import Dispatch
import Foundation
import LacunaCore
import LacunaKit
import LacunaServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web pages and the JSON API on this machine: analyse, compare drafts, read the requirements.",
        discussion: """
        Listens on 127.0.0.1 (this machine only) unless --host says otherwise. Nothing sent to the server is written to disk \
        or logged. With --token, every request needs the access token (from $\(ServerSettings.tokenVariable), or a new one \
        printed at start); $\(ServerSettings.tokenVariable) alone turns it on too. Ctrl-C stops the server.
        """
    )

    @Option(help: "The address to listen on; anything but loopback is reachable from other machines.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free one, printed at start).")
    var port = 8080

    @Option(help: ArgumentHelp("A batch database (lacuna batch --db) to show on the Database page.", valueName: "file"))
    var db: String?

    @Flag(help: "Require an access token: $\(ServerSettings.tokenVariable), or a new random one printed at start.")
    var token = false

    @Option(help: ArgumentHelp("The longest one analysis may take.", valueName: "seconds"))
    var timeLimit = 60

    @Option(help: ArgumentHelp("Analyses run at once (default: the number of cores).", valueName: "n"))
    var concurrency: Int?

    @Option(help: ArgumentHelp("Requests that may wait for a free slot; more are answered 503 with Retry-After.", valueName: "n"))
    var queue = 64

    @OptionGroup var options: AnalysisOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): a port is a number from 0 to 65535") }
        guard timeLimit >= 1 else { throw ValidationError("--time-limit \(timeLimit): at least 1 second") }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency \(concurrency): at least 1") }
        guard queue >= 0 else { throw ValidationError("--queue \(queue): 0 or more") }
    }

    func makeSettings() -> (ServerSettings, generatedToken: Bool) {
        var s = ServerSettings()
        s.host = host
        s.port = port
        s.databasePath = db
        s.timeLimit = .seconds(timeLimit)
        if let concurrency { s.concurrency = concurrency }
        s.queueLength = queue
        let fromEnvironment = ProcessInfo.processInfo.environment[ServerSettings.tokenVariable].flatMap { $0.isEmpty ? nil : $0 }
        s.token = fromEnvironment ?? (token ? ServeCommand.randomToken() : nil)
        return (s, token && fromEnvironment == nil)
    }

    static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    func run() throws {
        let (settings, generated) = makeSettings()
        let analyzer = try options.makeAnalyzer()
        let server = try LacunaServer(analyzer: analyzer, settings: settings, tradition: options.tradition,
                                      languageAnyway: options.languageAnyway)
        if !ServerSettings.isLoopback(host) {
            Say.warning("listening on \(host), not loopback: other machines can reach this server\(settings.token == nil ? " and there is no access token (use --token)" : "")")
        }
        let shown = host.contains(":") ? "[\(host)]" : host
        let token = generated ? settings.token : nil
        let banner: @Sendable (Int) async -> Void = { port in
            var line = "Lacuna is serving on http://\(shown):\(port)/ — open it in a browser; Ctrl-C stops it.\n"
            if let token { line += "access token: \(token)\n" }
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await server.run(onRunning: banner) } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.get() {
            throw UsageError("\(shown):\(port): cannot serve: \(error)")
        }
    }
}

/// The error the server stopped with, handed from its task to the main thread.
private final class Outcome: @unchecked Sendable {
    private var error: (any Error)?
    private let lock = NSLock()
    func set(_ e: any Error) { lock.withLock { error = e } }
    func get() -> (any Error)? { lock.withLock { error } }
}
