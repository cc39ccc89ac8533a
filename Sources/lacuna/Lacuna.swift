import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit

/// The `lacuna` command: a thin layer of flags over LacunaKit.
///
/// `--version` is answered with ``VersionText`` (tool, catalog and rules versions); the
/// configuration's own `version` stays the bare tool version so that every command lists
/// the flag and parsing never loads the catalog.
@main
struct Lacuna: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lacuna",
        abstract: "Find where anti-trafficking legislation falls short of the UN Trafficking in Persons Protocol and the UNODC Model Law.",
        version: Analyzer.version,
        subcommands: [AnalyzeCommand.self, DiffCommand.self, ExplainCommand.self, OutlineCommand.self, CatalogCommand.self, RulesCommand.self, BatchCommand.self, MatrixCommand.self, BenchCommand.self, ServeCommand.self,
                      ManualCommand.self]
    )

    /// Exit codes: 0 ran, 1 `--fail-on` gaps found, 2 usage or input error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                let message = fullMessage(for: error)
                if VersionText.isVersionRequest(message) { printVersion() }
                print(message)
                Foundation.exit(0)
            }
            Say.line(CLIError.message(for: error))
            Foundation.exit(2)
        }
    }

    /// Prints the full version text and exits: 0, or 2 when the bundled data cannot be read.
    static func printVersion() -> Never {
        do {
            print(try VersionText.render(try Analyzer()))
            Foundation.exit(0)
        } catch {
            Say.line(CLIError.message(for: error))
            Foundation.exit(2)
        }
    }
}

enum CLIError {
    /// One line for the user: the file and the problem, never a stack trace.
    static func message(for error: Error) -> String {
        switch error {
        case let e as any LacunaError: e.description
        default: Lacuna.message(for: error)
        }
    }
}

/// One line on standard error after `lacuna: `. Messages name files and quote values as
/// the user or the document wrote them: control characters are shown, never sent raw.
enum Say {
    static func line(_ message: String) {
        FileHandle.standardError.write(Data(("lacuna: " + DisplayText.visible(message, keeping: []) + "\n").utf8))
    }

    static func warning(_ message: String) { line("warning: " + message) }
}

/// Writes to standard output, or to `--output`.
struct Output {
    let path: String?

    func write(_ text: String) throws { try write(Data(text.utf8)) }

    func write(_ data: Data) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw UsageError("\(path): cannot write the report: \(error.localizedDescription)")
        }
    }

    var isTerminal: Bool { path == nil && isatty(STDOUT_FILENO) == 1 }
}
