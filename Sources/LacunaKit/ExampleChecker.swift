import Foundation
import LacunaCore
import LacunaRules

/// Runs every rule's examples, each under the legal transformations that must not change
/// the outcome, and reports what failed.
///
/// Must-match examples must give evidence at every marked span (`[[...]]`) and nowhere else
/// (when nothing is marked, somewhere), also when the text is re-wrapped across lines,
/// written with typographic quotes and dashes, preceded by multibyte text, or inserted by an
/// amending provision. The same text marked repealed or
/// deleted by an amendment must give none. Must-not-match examples must give none.
public struct ExampleChecker: Sendable {
    public let analyzer: Analyzer

    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// A way of presenting an example, and whether the rule must still fire on it.
    public struct Transformation: Sendable {
        public let name: String
        public let keepsMatch: Bool
        /// Rewrites the marked source (with `[[`/`]]`), or nil when it does not apply.
        public let apply: @Sendable (String) -> String?
    }

    public static let transformations: [Transformation] = [
        Transformation(name: "as written", keepsMatch: true) { $0 },
        Transformation(name: "re-wrapped", keepsMatch: true, apply: rewrap),
        Transformation(name: "typographic quotes and dashes", keepsMatch: true, apply: typographic),
        Transformation(name: "multibyte prefix", keepsMatch: true) { "Ελληνικά — 中文 — Русский — ünïcödé ✓\n\n" + $0 },
        Transformation(name: "inserted by an amendment", keepsMatch: true) {
            "1. Amendment of the principal Act\nThe principal Act is amended by inserting the following after section 2:\n\n" + $0
        },
        Transformation(name: "marked repealed", keepsMatch: false) { "9. Former provision\n" + $0 + "\n[Repealed by Act 9 of 2020]\n" },
        Transformation(name: "deleted by an amendment", keepsMatch: false) { source in
            guard !source.contains("\n"), !source.contains("\""), !source.contains("“"), !source.contains("”") else { return nil }
            return "1. Amendment of the Penal Code\nIn section 5 of the Penal Code, the words \"\(source)\" are deleted.\n"
        },
    ]

    /// One failed example.
    public struct Failure: Sendable, CustomStringConvertible {
        public let rule: String
        public let origin: String
        public let line: Int?
        public let example: String
        public let transformation: String
        public let problem: String
        public var description: String {
            "\(origin):\(line.map(String.init) ?? "?"): rule \(rule), example (\(transformation)): \(problem)\n    \(example)"
        }
    }

    /// Checks every rule of `set`, segmenting examples with the conventions of `tradition`.
    public func check(_ set: RuleSet, tradition: TraditionChoice) throws -> [Failure] {
        var failures: [Failure] = []
        for rule in set.rules {
            failures += try check(rule.spec, in: set, tradition: tradition)
        }
        return failures
    }

    public func check(_ rule: RuleSpec, in set: RuleSet, tradition: TraditionChoice) throws -> [Failure] {
        var failures: [Failure] = []
        func fail(_ example: RuleExample, _ t: String, _ problem: String) {
            failures.append(Failure(rule: rule.id, origin: rule.origin, line: example.line ?? rule.line,
                                    example: example.source, transformation: t, problem: problem))
        }
        for example in rule.matchExamples {
            for t in ExampleChecker.transformations {
                guard let transformed = t.apply(example.source) else { continue }
                let marked = RuleExample(transformed)
                let evidence = try run(rule, on: marked.text, set: set, tradition: tradition)
                if t.keepsMatch {
                    for problem in ExampleChecker.placementProblems(evidence, marked: marked) { fail(example, t.name, problem) }
                } else if !evidence.isEmpty {
                    fail(example, t.name, "expected no match (the text is not law), found “\(evidence[0].quote)”")
                }
            }
        }
        for example in rule.noMatchExamples {
            for t in ExampleChecker.transformations.prefix(4) {
                guard let transformed = t.apply(example.source) else { continue }
                let evidence = try run(rule, on: RuleExample(transformed).text, set: set, tradition: tradition)
                if let e = evidence.first {
                    fail(example, t.name, "expected no match, found “\(e.quote)”")
                }
            }
        }
        return failures
    }

    /// What is wrong with where a must-match example's evidence lies, as SwiftLint's harness
    /// checks it: there must be evidence; when the example marks spans, every marked span must
    /// be evidence and no evidence may lie anywhere else.
    static func placementProblems(_ evidence: [Evidence], marked: RuleExample) -> [String] {
        guard !evidence.isEmpty else { return ["expected a match, found none"] }
        let text = marked.text
        let expected = marked.markedSpans
        guard !expected.isEmpty else { return [] }
        let found = Set(evidence.map(\.range))
        var problems: [String] = []
        for span in expected where !found.contains(span) {
            let got = evidence.map { "“\(text.utf8Slice($0.range))”" }.joined(separator: ", ")
            problems.append("expected evidence at “\(text.utf8Slice(span))”, found \(got)")
        }
        let marks = Set(expected)
        for range in found.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) where !marks.contains(range) {
            problems.append("evidence at an unmarked place: “\(text.utf8Slice(range))”")
        }
        return problems
    }

    func run(_ rule: RuleSpec, on text: String, set: RuleSet, tradition: TraditionChoice) throws -> [Evidence] {
        let source = SourceText(path: "example", text: text, contentHash: "")
        return try analyzer.analyze(source, tradition: tradition, using: set, only: [rule.id], language: rule.languages.first).evidence
    }

    /// Breaks lines after every fourth space, where the next word starts with a lower-case
    /// letter (so no line starts with a provision number).
    @Sendable static func rewrap(_ source: String) -> String? {
        var out = ""
        var spaces = 0
        let chars = Array(source)
        for (i, c) in chars.enumerated() {
            if c == " " {
                spaces += 1
                if spaces % 4 == 0, i + 1 < chars.count, chars[i + 1].isLowercase {
                    out.append("\n")
                    continue
                }
            }
            out.append(c)
        }
        return out == source ? nil : out
    }

    /// Straight quotes to curly ones, hyphens between spaces to em dashes, apostrophes to ’.
    @Sendable static func typographic(_ source: String) -> String? {
        var out = ""
        var open = true
        for c in source {
            switch c {
            case "\"":
                out.append(open ? "“" : "”")
                open.toggle()
            case "'":
                out.append("’")
            default:
                out.append(c)
            }
        }
        out = out.replacingOccurrences(of: " - ", with: " — ").replacingOccurrences(of: " -- ", with: " — ")
        return out == source ? nil : out
    }
}

extension String {
    func utf8Slice(_ r: Range<Int>) -> String {
        let b = Array(utf8)
        return String(decoding: b[max(0, r.lowerBound)..<min(b.count, r.upperBound)], as: UTF8.self)
    }
}
