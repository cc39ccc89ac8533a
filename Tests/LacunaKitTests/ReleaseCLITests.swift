import Foundation
import Testing
import LacunaCore
import LacunaKit
import LacunaTestSupport

/// What the release archive ships besides the analyses: `lacuna --version` and the manual
/// page `lacuna manual` generates from the command definitions.
@Suite(.serialized) struct ReleaseCLITests {
    static let sample = Support.root.appendingPathComponent("Corpora/common-law-act/bill.txt").path

    @Test func versionGivesTheToolCatalogAndRulesVersionsAReportRecords() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(r.stdout)")
        #expect(lines[0] == "lacuna \(Analyzer.version)")

        let report = try CLI.run(["analyze", Self.sample, "--format", "json", "--tradition", "common-law"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let catalog = try #require(json["catalogVersion"] as? String)
        let rules = try #require(json["rulesVersion"] as? String)
        #expect(json["toolVersion"] as? String == Analyzer.version)
        #expect(lines[1] == "catalog \(catalog) (\(Support.analyzer.catalog.requirements.count) requirements)")
        // The fingerprint a batch store records for the bundled packs, then each tradition's.
        let fingerprint = try Support.analyzer.rulesFingerprint()
        #expect(lines[2].hasPrefix("rules \(fingerprint) ("), "\(lines[2])")
        #expect(lines[2].contains("common-law \(rules)"), "\(lines[2]) lacks the report's \(rules)")
        for t in Support.analyzer.registry.traditions { #expect(lines[2].contains(t.rawValue + " ")) }
    }

    @Test func versionAfterASubcommandIsTheSameText() throws {
        let root = try CLI.run(["--version"])
        let sub = try CLI.run(["analyze", "--version"])
        #expect(sub.status == 0)
        #expect(sub.stdout == root.stdout)
    }

    /// Every subcommand `--help` lists, and every option the parser shows for it, is in the
    /// page, in that command's own section; what the parser hides is not.
    @Test func manualNamesEverySubcommandAndItsOptions() throws {
        let manual = try CLI.run(["manual"])
        #expect(manual.status == 0, "\(manual.stderr)")
        let page = manual.stdout
        #expect(page.hasPrefix(".TH LACUNA 1 "))
        // man in a C locale formats for ASCII: the help texts' dashes and ellipses go by name.
        let nonASCII = String(String.UnicodeScalarView(page.unicodeScalars.filter { !$0.isASCII }))
        #expect(nonASCII.isEmpty, "not ASCII: \(nonASCII)")
        #expect(page.contains("\\(em"))

        let help = try CLI.run(["--help"]).stdout
        let listed = Self.subcommands(inHelp: help)
        #expect(listed.count >= 10, "\(listed)")
        #expect(!listed.contains("manual"), "manual is for packagers and stays out of --help")

        let sections = Self.sections(of: page)
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["--experimental-dump-help"]).stdout.utf8)) as? [String: Any])
        let commands = try #require((dump["command"] as? [String: Any])?["subcommands"] as? [[String: Any]])
        for name in listed {
            let section = try #require(sections["lacuna \(name)"], "no section for lacuna \(name)")
            let command = try #require(commands.first { $0["commandName"] as? String == name })
            for argument in (command["arguments"] as? [[String: Any]]) ?? [] {
                let names = ((argument["names"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "long" }.compactMap { $0["name"] as? String }
                for long in names {
                    let spelled = "\\-\\-" + long.replacingOccurrences(of: "-", with: "\\-")
                    if argument["shouldDisplay"] as? Bool == false {
                        #expect(!section.contains("\\fB" + spelled + "\\fR"), "lacuna \(name): hidden --\(long) is in the page")
                    } else {
                        #expect(section.contains("\\fB" + spelled + "\\fR"), "lacuna \(name): --\(long) is not in its section")
                    }
                }
            }
        }
        #expect(sections["lacuna manual"] == nil)
        #expect(try CLI.run(["manual"]).stdout == page, "the page is the same bytes on every run")
    }

    @Test func manualWritesItsFileWithOutput() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lacuna.1")
        let r = try CLI.run(["manual", "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == (try CLI.run(["manual"])).stdout)
    }

    /// The names in the SUBCOMMANDS list of `lacuna --help`.
    static func subcommands(inHelp help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        // The list ends at its first empty line ("See 'lacuna help <subcommand>'" follows).
        let list = help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
        return list.compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else { return nil }
            return String(word)
        }
    }

    /// The page's `.SS` sections by title, each with its text up to the next heading.
    static func sections(of page: String) -> [String: String] {
        var result: [String: String] = [:]
        var title: String?
        var body = ""
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(".SS ") || line.hasPrefix(".SH ") {
                if let title { result[title] = body }
                title = line.hasPrefix(".SS ") ? String(line.dropFirst(4)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).replacingOccurrences(of: "\\-", with: "-") : nil
                body = ""
            } else {
                body += line + "\n"
            }
        }
        if let title { result[title] = body }
        return result
    }
}
