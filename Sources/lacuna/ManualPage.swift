import Foundation

/// A manual page in man(7) roff for a command tree, as swift-argument-parser describes it in
/// its help dump (`--experimental-dump-help`, serialization version 0).
///
/// Laws it keeps:
/// - every displayed command has a section titled with its full name (`lacuna analyze`) giving
///   its synopsis, abstract, discussion and every displayed argument with its names, value
///   name, allowed values and default; hidden commands and arguments are left out;
/// - the page depends only on the tree and the version (no date): the same binary writes the
///   same bytes;
/// - all text is escaped for roff: backslashes, hyphens (as `\-`, so options copy as typed)
///   and a dot or quote that would start a line;
/// - the page is ASCII: other characters are written by their roff names (`\(em`) or, for
///   those without one, as `\[uXXXX]`.
struct ManualPage {
    let root: CommandInfo
    let version: String

    func render() -> String {
        var out = [
            ".TH LACUNA 1 \"\" \"lacuna \(Self.escape(version))\" \"Lacuna manual\"",
            ".SH NAME",
            "\(root.commandName) \\- \(Self.escape(root.abstract ?? ""))",
            ".SH SYNOPSIS",
        ]
        for command in root.displayedSubcommands {
            out += [".B \(root.commandName) \(Self.escape(command.commandName))", Self.synopsis(of: command), ".br"]
        }
        out += [".B \(root.commandName)", ".RB [ \\-\\-version | \\-\\-help ]", ".SH DESCRIPTION"]
        out += Self.paragraphs(root.abstract) + Self.paragraphs(root.discussion)
        out += [".PP", "Each command is described under COMMANDS; \\fB\(root.commandName) help\\fR \\fIcommand\\fR prints the same options."]
        out += [".SH OPTIONS"] + root.displayedArguments.flatMap(Self.item)
        out += [".SH COMMANDS"]
        for command in root.displayedSubcommands { out += section(command, path: [root.commandName]) }
        out += Self.trailer
        return out.joined(separator: "\n") + "\n"
    }

    /// A command's section, then its own subcommands' sections.
    private func section(_ command: CommandInfo, path: [String]) -> [String] {
        let name = (path + [command.commandName]).joined(separator: " ")
        var out = [".SS \"\(Self.escape(name))\"", ".B \(Self.escape(name))", Self.synopsis(of: command)]
        out += Self.paragraphs(command.abstract) + Self.paragraphs(command.discussion)
        out += command.displayedArguments.flatMap(Self.item)
        for sub in command.displayedSubcommands { out += section(sub, path: path + [command.commandName]) }
        return out
    }

    /// The arguments after the command's name: `[options]`, then each positional argument.
    static func synopsis(of command: CommandInfo) -> String {
        var parts = command.displayedArguments.contains { $0.kind != "positional" } ? ["[\\fIoptions\\fR]"] : []
        for a in command.displayedArguments where a.kind == "positional" {
            var p = "\\fI\(escape(a.valueName ?? "value"))\\fR" + (a.isRepeating ? " ..." : "")
            if a.isOptional { p = "[" + p + "]" }
            parts.append(p)
        }
        return parts.isEmpty ? ".br" : parts.joined(separator: " ")
    }

    /// One argument as a tagged paragraph: its names and value, then what it does.
    static func item(_ a: ArgumentInfo) -> [String] {
        var tag: String
        if a.kind == "positional" {
            tag = "\\fI\(escape(a.valueName ?? "value"))\\fR" + (a.isRepeating ? " ..." : "")
        } else {
            tag = (a.names ?? []).map { "\\fB\(escape($0.spelled))\\fR" }.joined(separator: ", ")
            if a.kind == "option" { tag += " \\fI\(escape(a.valueName ?? "value"))\\fR" }
        }
        var body = [a.abstract, a.discussion].compactMap { $0 }.filter { !$0.isEmpty }.map(escape)
        if let values = a.allValues, !values.isEmpty { body.append("One of: " + values.map(escape).joined(separator: ", ") + ".") }
        if let value = a.defaultValue, !value.isEmpty { body.append("Default: " + escape(value) + ".") }
        if a.isRepeating, a.kind != "positional" { body.append("May be given more than once.") }
        return [".TP", tag] + body.map(startSafe)
    }

    /// Text as paragraphs, one per line of the source.
    static func paragraphs(_ text: String?) -> [String] {
        (text ?? "").split(separator: "\n", omittingEmptySubsequences: true)
            .flatMap { [".PP", startSafe(escape(String($0)))] }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
            default: out += named[scalar] ?? String(format: "\\[u%04X]", scalar.value)
            }
        }
        return out
    }

    /// Characters of the help texts by the roff names every output device has (man in a C
    /// locale formats for ASCII, where `\[u2026]` has no glyph and troff complains).
    static let named: [Unicode.Scalar: String] = [
        "\u{2014}": "\\(em", "\u{2013}": "\\(en", "\u{2026}": "...", "\u{00D7}": "\\(mu",
        "\u{2018}": "\\(oq", "\u{2019}": "\\(cq", "\u{201C}": "\\(lq", "\u{201D}": "\\(rq", "\u{2192}": "\\(->",
    ]

    /// A line of text that roff will not read as a request.
    static func startSafe(_ line: String) -> String {
        line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line
    }

    static let trailer = [
        ".SH EXIT STATUS",
        "0 when the command ran; 1 when a condition the command was asked to check held (\\fB\\-\\-fail\\-on\\fR gaps, "
            + "\\fB\\-\\-fail\\-on\\-regression\\fR, \\fB\\-\\-fail\\-on\\-error\\fR, failing rule examples); "
            + "2 for a usage error or an input that cannot be read, with one line on standard error naming the file and the problem.",
        ".SH FILES",
        "The requirement catalog and the rule packs are read from the \\fILacuna_*.resources\\fR folders "
            + "beside the executable (in the release archive, \\fIbin/\\fR). They must stay together.",
        ".SH SEE ALSO",
        "The README and docs/ of the Lacuna sources: docs/judging.md (how findings are judged), "
            + "docs/report.schema.json (the JSON report), docs/store.md (the batch store), docs/openapi.yaml (the serve API).",
    ]
}

extension ManualPage {
    /// A command as the help dump describes it (the fields the page uses).
    struct CommandInfo: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [CommandInfo]?
        var arguments: [ArgumentInfo]?

        var displayedSubcommands: [CommandInfo] { (subcommands ?? []).filter { $0.shouldDisplay ?? true } }
        var displayedArguments: [ArgumentInfo] { (arguments ?? []).filter(\.shouldDisplay) }

        /// The root command of a help dump.
        static func decode(_ json: String) throws -> CommandInfo {
            struct Dump: Decodable {
                var serializationVersion: Int
                var command: CommandInfo
            }
            let dump = try JSONDecoder().decode(Dump.self, from: Data(json.utf8))
            guard dump.serializationVersion == 0 else {
                throw ManualError("the argument parser's help dump has serialization version \(dump.serializationVersion); the manual page reads version 0")
            }
            return dump.command
        }
    }

    /// An argument as the help dump describes it.
    struct ArgumentInfo: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
            /// As typed: `-q`, `--quiet`, `-name`.
            var spelled: String { kind == "long" ? "--" + name : "-" + name }
        }

        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?
    }

    struct ManualError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
