import Foundation
import Testing
import LacunaCore
import LacunaTestSupport

/// What a careful user's trial found at the command line (issue 12): each case trapped,
/// failed silently or printed something it should not have.
@Suite(.serialized) struct TrialCLITests {
    static let sample = Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path

    /// One line on standard error after `lacuna: `, exit 2, no backtrace.
    func expectOneLineError(_ r: CLI.Result, containing words: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 2, "exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("lacuna: "), "\(r.stderr)", sourceLocation: sourceLocation)
        for w in words { #expect(r.stderr.contains(w), "no \(w) in: \(r.stderr)", sourceLocation: sourceLocation) }
    }

    @Test(arguments: ["", "+", "common+"])
    func emptyTraditionsAreOneLineErrors(_ value: String) throws {
        expectOneLineError(try CLI.run(["analyze", Self.sample, "--tradition", value]), containing: ["\"\(value)\""])
        expectOneLineError(try CLI.run(["outline", Self.sample, "--tradition", value]), containing: ["\"\(value)\""])
        expectOneLineError(try CLI.run(["rules", "--tradition", value]), containing: ["\"\(value)\""])
        expectOneLineError(try CLI.run(["batch", Self.sample, "--no-db", "-q", "--tradition", value]), containing: ["\"\(value)\""])
    }

    @Test func theManifestTraditionWordsWorkOnTheCommandLine() throws {
        for word in ["common", "civil", "islamic", "mixed", "civil+islamic"] {
            let r = try CLI.run(["analyze", Self.sample, "--format", "json", "--tradition", word])
            #expect(r.status == 0, "\(word): \(r.stderr)")
        }
    }

    @Test func aManifestRowWithAnEmptyTraditionNamesItsLine() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try Support.write("path,tradition\n\(Self.sample),common\n\(Self.sample),+\n", "m.csv", in: dir)
        expectOneLineError(try CLI.run(["batch", manifest.path, "--no-db", "-q"]), containing: ["m.csv:3", "\"+\""])
    }

    // MARK: batch of a bill, several files, standard input

    @Test func batchOfOneBillPointsToAnalyze() throws {
        let r = try CLI.run(["batch", Self.sample, "--no-db", "-q"])
        expectOneLineError(r, containing: [Self.sample, "not a folder or a manifest", "lacuna analyze"])
        let docx = try CLI.run(["batch", Support.root.appendingPathComponent("Package.swift").path, "--no-db", "-q"])
        expectOneLineError(docx, containing: ["not a folder or a manifest"])
    }

    @Test func analyzeGoesOnPastABadFileAndExitsTwoAtTheEnd() throws {
        let other = Support.root.appendingPathComponent("Corpora/common-law-act/bill.txt").path
        let missing = "/nonexistent/lacuna/bill.txt"
        let r = try CLI.run(["analyze", Self.sample, missing, other, "--format", "json"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr == "lacuna: \(missing): no such file\n", "\(r.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(reports.compactMap { ($0["document"] as? [String: Any])?["path"] as? String } == [Self.sample, other])
        // --fail-on still counts, but a bad file wins: exit 2.
        #expect(try CLI.run(["analyze", Self.sample, missing, "--fail-on", "any"]).status == 2)
        // All bad: nothing on standard output.
        let none = try CLI.run(["analyze", missing, missing + "2"])
        #expect(none.status == 2 && none.stdout.isEmpty && none.stderr.split(separator: "\n").count == 2, "\(none)")
    }

    @Test func analyzeDashReadsStandardInput() throws {
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let r = try CLI.run(["analyze", "-", "--format", "json"], input: text)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let fromFile = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["analyze", Self.sample, "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect((json["document"] as? [String: Any])?["path"] as? String == "<stdin>")
        #expect((json["summary"] as? [String: Any])?["statuses"] as? [String: Int] == (fromFile["summary"] as? [String: Any])?["statuses"] as? [String: Int])
        expectOneLineError(try CLI.run(["analyze", "-"], input: ""), containing: ["<stdin>", "empty"])
    }

    // MARK: clear messages naming the thing

    @Test func maxSizeMustBeAPositiveNumberOfMegabytes() throws {
        for value in ["-5", "0", "99999999999999"] {
            expectOneLineError(try CLI.run(["analyze", Self.sample, "--max-size", value]), containing: ["--max-size \(value)"])
        }
        #expect(try CLI.run(["analyze", Self.sample, "--max-size", "1"]).status == 0)
    }

    @Test func anUnknownRequirementIsAnError() throws {
        expectOneLineError(try CLI.run(["rules", "--requirement", "bogus.id"]), containing: ["bogus.id", "lacuna catalog"])
        // A near miss is suggested.
        expectOneLineError(try CLI.run(["rules", "--requirement", "definition.consent-irrelevent"]),
                           containing: ["definition.consent-irrelevant"])
        #expect(try CLI.run(["rules", "--requirement", "definition.consent-irrelevant"]).status == 0)
    }

    @Test func aSymbolicLinkLoopIsNamedSo() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.txt").path, b = dir.appendingPathComponent("b.txt").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        expectOneLineError(try CLI.run(["analyze", a]), containing: [a, "symbolic link", "loop"])
    }

    // MARK: output that cannot be trusted

    /// A law with terminal escapes in its text and a file name with one: nothing raw reaches
    /// standard output or standard error, whatever the command.
    @Test func controlCharactersNeverReachTheTerminal() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        text = text.replacingOccurrences(of: "recruits", with: "recruits\u{1B}[2J\u{1B}[H\u{07}\r")
        text = "\u{1B}]0;pwned\u{07}" + text
        let bill = try Support.write(text, "bill\u{1B}[31m.txt", in: dir).path
        func check(_ r: CLI.Result, _ what: String) {
            // CSV rows end in CR LF (RFC 4180): those are the only carriage returns allowed.
            for (name, out) in [("stdout", r.stdout.replacingOccurrences(of: "\r\n", with: "\n")), ("stderr", r.stderr)] {
                let bad = out.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
                #expect(bad.isEmpty, "\(what) \(name): \(bad.map(\.value))")
            }
        }
        for format in ["text", "markdown", "html", "csv"] {
            check(try CLI.run(["analyze", bill, "--format", format]), format)
        }
        check(try CLI.run(["outline", bill, "--excluded"]), "outline")
        check(try CLI.run(["explain", "definition.act.recruitment", bill]), "explain")
        check(try CLI.run(["diff", Self.sample, bill]), "diff")
        check(try CLI.run(["analyze", dir.appendingPathComponent("missing\u{1B}[2J.txt").path]), "error message")
        check(try CLI.run(["batch", dir.path, "--no-db"]), "batch")
        let broken = try Support.write("\u{1B}[2J", "empty\u{07}.txt", in: dir).path
        check(try CLI.run(["batch", dir.path, "--no-db"]), "batch error")
        _ = broken
    }

    /// `-o` naming an input overwrote the bill with its own report.
    @Test func outputNamingAnInputIsRefused() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let bill = try Support.write(original, "bill.txt", in: dir).path
        let link = dir.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: bill)
        let other = Support.root.appendingPathComponent("Corpora/common-law-act/bill.txt").path
        for (args, out) in [(["analyze", other, bill], bill), (["analyze", bill], dir.path + "/./bill.txt"), (["analyze", bill], link),
                            (["diff", other, bill], bill)] {
            let r = try CLI.run(args + ["-o", out])
            expectOneLineError(r, containing: [out, "input"])
            #expect(try String(contentsOfFile: bill, encoding: .utf8) == original, "\(args) -o \(out) changed the bill")
        }
        let report = dir.appendingPathComponent("report.txt").path
        #expect(try CLI.run(["analyze", bill, "-o", report]).status == 0)
    }

    /// The encoding Lacuna detected was named only in JSON and SARIF.
    @Test func theDetectedEncodingIsShownInEveryHumanFormat() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
            .replacingOccurrences(of: "Minister", with: "Ministère")
        let latin1 = dir.appendingPathComponent("latin1.txt")
        try Data(text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "-") }).write(to: latin1)
        for format in ["text", "markdown", "html"] {
            let r = try CLI.run(["analyze", latin1.path, "--format", format])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("latin-1 detected") || r.stdout.contains("windows-1252 detected"), "\(format) does not name the encoding")
        }
    }

    /// Without a title in the text, reports showed the path (absolute, as given): now the
    /// file name; `--title` names the document.
    @Test func titlesFallBackToTheFileNameAndCanBeGiven() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bill = try Support.write("""
        PART 1
        OFFENCES

        1 Trafficking in persons
        (1) A person commits an offence if the person recruits, transports or harbours another person for the purpose of exploitation.
        (2) A person who commits an offence under this section is liable on conviction on indictment to imprisonment for life.
        """, "slavery-act.txt", in: dir).path
        let text = try CLI.run(["analyze", bill])
        #expect(text.stdout.hasPrefix("Lacuna gap report — slavery-act.txt\n"), "\(text.stdout.prefix(80))")
        let md = try CLI.run(["analyze", bill, "--format", "markdown"]).stdout
        #expect(md.hasPrefix("# Gap analysis: slavery-act.txt\n"), "\(md.prefix(80))")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["analyze", bill, "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect((json["document"] as? [String: Any])?["title"] == nil, "no title was found: none is reported")

        let given = try CLI.run(["analyze", bill, "--title", "Modern Slavery Act 2015", "--format", "json"])
        let document = try #require((try JSONSerialization.jsonObject(with: Data(given.stdout.utf8)) as? [String: Any])?["document"] as? [String: Any])
        #expect(document["title"] as? String == "Modern Slavery Act 2015")
        #expect(try CLI.run(["analyze", bill, "--title", "X"]).stdout.hasPrefix("Lacuna gap report — X\n"))
        expectOneLineError(try CLI.run(["analyze", bill, Self.sample, "--title", "X"]), containing: ["--title"])
    }
}
