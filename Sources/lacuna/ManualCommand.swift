import ArgumentParser
import Foundation
import LacunaKit

/// `lacuna manual`: the manual page, `lacuna(1)`, generated from the command definitions
/// themselves, so it lists what the parser accepts and cannot drift from it.
///
/// Hidden from the help (it is for packagers: `scripts/package.sh` puts its output in the
/// release archive as `share/man/man1/lacuna.1`).
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the manual page lacuna(1) in roff, generated from the command definitions.",
        shouldDisplay: false
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the page to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let tree = try ManualPage.CommandInfo.decode(Lacuna._dumpHelp())
        try Output(path: output).write(ManualPage(root: tree, version: Analyzer.version).render())
    }
}
