import Foundation
import LacunaCore
import LacunaPatterns
import Yams

/// Reads rule packs (YAML) into ``RulePack`` values, checking every key, value and pattern,
/// and reporting problems with the file, line and column.
///
/// The format (see `Plugins/README.md`):
///
/// ```yaml
/// pack: common-law
/// description: Idioms of common-law drafting.
/// languages: [en]                    # optional: the languages the patterns read (default en)
/// disable: [shared.some-rule]        # optional
/// rules:
///   - id: common-law.definition.act.recruitment
///     requirements: [definition.act.recruitment]
///     effect: satisfies              # satisfies | partial | contradicts
///     scope: trafficking             # trafficking | related | anywhere
///     summary: recruiting a person is an act of the offence
///     patterns: ['\brecruit(?:s|ed|ing|ment)?\b']
///     with: []                       # optional: must also match in the context
///     without: []                    # optional: must not match in the context
///     context: sentence              # clause | lead | sentence | provision | section | document
///     withoutContext: clause         # optional: where `without` is looked for (default: context)
///     numbers: [{group: years, atLeast: 4}]   # optional
///     examples:
///       match: ["Any person who [[recruits]] ... commits the offence of trafficking"]
///       noMatch: ["Recruitment agencies shall be licensed."]
/// ```
public struct RulePackLoader: Sendable {
    /// Requirement ids rules may name; an unknown id is an error.
    public let knownRequirements: Set<String>

    public init(knownRequirements: Set<String>) {
        self.knownRequirements = knownRequirements
    }

    public func load(contentsOf url: URL) throws -> RulePack {
        let file = url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RulePackError(file: file, line: nil, column: nil, problem: "cannot be read as UTF-8 text")
        }
        return try load(yaml: text, file: file)
    }

    public func load(yaml: String, file: String) throws -> RulePack {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw RulePackLoader.convert(error, file: file)
        } catch {
            throw RulePackError(file: file, line: nil, column: nil, problem: "is not valid YAML: \(error)")
        }
        guard let root, let mapping = root.mapping else {
            throw RulePackError(file: file, line: root?.mark?.line, column: root?.mark?.column,
                                problem: "a rule pack must be a mapping with the keys pack, rules (and optionally description, disable)")
        }
        let reader = NodeReader(file: file)
        try reader.allowOnly(["pack", "description", "rules", "disable", "vocabulary", "qualifiers", "languages"], in: mapping, at: root)
        let id = try reader.string(mapping, "pack", at: root)
        let description = try reader.optionalString(mapping, "description") ?? ""
        let disable = try reader.optionalStrings(mapping, "disable") ?? []
        let languages = try mapping["languages"].map { try readLanguages($0, reader: reader) } ?? [.english]
        var rules: [RuleSpec] = []
        var seen: [String: Int] = [:]
        if let rulesNode = mapping["rules"] {
            guard let sequence = rulesNode.sequence else { throw reader.error(rulesNode, "rules must be a list") }
            for ruleNode in sequence {
                let rule = try readRule(ruleNode, reader: reader)
                if let previous = seen[rule.id] {
                    throw reader.error(ruleNode, "duplicate rule id \(rule.id) (first defined at line \(previous))")
                }
                seen[rule.id] = ruleNode.mark?.line ?? 0
                rules.append(rule)
            }
        }
        let vocabulary = try mapping["vocabulary"].map { try readVocabulary($0, reader: reader) } ?? []
        var qualifiers: [QualifierSpec] = []
        if let node = mapping["qualifiers"] {
            guard let sequence = node.sequence else { throw reader.error(node, "qualifiers must be a list") }
            qualifiers = try sequence.map { try readQualifier($0, reader: reader) }
        }
        return RulePack(id: id, file: file, description: description, rules: rules, disable: disable,
                        vocabulary: vocabulary, qualifiers: qualifiers, languages: languages)
    }

    /// `languages:` — one BCP 47 tag or a list of them (`en`, `fr`, `pt-BR`).
    func readLanguages(_ node: Node, reader: NodeReader) throws -> [Language] {
        let tags = try reader.stringList(node, "languages")
        if tags.isEmpty { throw reader.error(node, "languages must name at least one language (e.g. [en])") }
        for (i, tag) in tags.enumerated() where !Language.isWellFormed(tag) {
            throw reader.error(node.sequence?[i] ?? node,
                               "languages must be language tags such as en, fr or pt-BR (ISO 639 codes in lower case), not \"\(tag)\"")
        }
        return tags.map { Language($0) }
    }

    /// `vocabulary:` — a mapping from concept names to lists of pattern fragments.
    func readVocabulary(_ node: Node, reader: NodeReader) throws -> [VocabularyEntry] {
        guard let m = node.mapping else { throw reader.error(node, "vocabulary must be a mapping from concept names to lists of words") }
        var entries: [VocabularyEntry] = []
        for (k, v) in m {
            guard let name = k.string, name.range(of: #"^[a-z][a-z0-9.\-]*$"#, options: .regularExpression) != nil else {
                throw reader.error(k, "concept names are lower-case words joined by dots and dashes")
            }
            let words = try reader.stringList(v, name)
            if words.isEmpty { throw reader.error(v, "concept \(name) has no words") }
            for (i, w) in words.enumerated() {
                try checkCompiles(w, caseless: true, at: v.sequence?[i] ?? v, reader: reader, owner: "concept \(name)")
            }
            entries.append(VocabularyEntry(name: name, alternatives: words, line: k.mark?.line))
        }
        return entries
    }

    static let qualifierKeys: Set<String> = ["id", "kind", "summary", "patterns", "context", "caseless", "examples"]

    func readQualifier(_ node: Node, reader: NodeReader) throws -> QualifierSpec {
        guard let m = node.mapping else { throw reader.error(node, "each qualifier must be a mapping") }
        try reader.allowOnly(RulePackLoader.qualifierKeys, in: m, at: node)
        let id = try reader.string(m, "id", at: node)
        let kind = try reader.string(m, "kind", at: node)
        let contextText = try reader.optionalString(m, "context") ?? "clause"
        guard let context = RuleContext(rawValue: contextText) else {
            throw reader.error(m["context"] ?? node, "context must be one of \(RuleContext.allCases.map(\.rawValue).joined(separator: ", ")), not \(contextText)")
        }
        let caseless = try reader.optionalBool(m, "caseless") ?? true
        let patterns = try reader.strings(m, "patterns", at: node)
        if patterns.isEmpty { throw reader.error(node, "qualifier \(id) has no patterns") }
        for (i, p) in patterns.enumerated() {
            try checkCompiles(p, caseless: caseless, at: m["patterns"]?.sequence?[i] ?? node, reader: reader, owner: "qualifier \(id)")
        }
        let (matchExamples, noMatchExamples) = try reader.examples(in: m)
        return QualifierSpec(id: id, kind: kind, summary: try reader.string(m, "summary", at: node), patterns: patterns,
                             context: context, caseless: caseless, matchExamples: matchExamples,
                             noMatchExamples: noMatchExamples, origin: reader.file, line: node.mark?.line)
    }

    /// A pattern must compile (with any `{{concept}}` standing for a group); the error points at it.
    func checkCompiles(_ source: String, caseless: Bool, at node: Node, reader: NodeReader, owner: String) throws {
        do {
            _ = try Pattern(Vocabulary.placeholderFree(source), caseless: caseless)
        } catch let error as PatternError {
            throw reader.error(node, "\(owner): \(error)")
        }
    }

    static let ruleKeys: Set<String> = ["id", "requirements", "effect", "scope", "summary", "patterns", "with",
                                        "without", "context", "withoutContext", "caseless", "numbers", "maxEvidence", "note", "examples"]

    func readRule(_ node: Node, reader: NodeReader) throws -> RuleSpec {
        guard let m = node.mapping else { throw reader.error(node, "each rule must be a mapping") }
        try reader.allowOnly(RulePackLoader.ruleKeys, in: m, at: node)
        let id = try reader.string(m, "id", at: node)
        guard id.range(of: #"^[a-z0-9][a-z0-9.\-]*$"#, options: .regularExpression) != nil else {
            throw reader.error(m["id"] ?? node, "rule id \(id) must be lower-case words joined by dots and dashes")
        }
        let requirements = try reader.strings(m, "requirements", at: node)
        if requirements.isEmpty { throw reader.error(node, "rule \(id) names no requirement") }
        for r in requirements where !knownRequirements.contains(r) {
            throw reader.error(m["requirements"] ?? node, "rule \(id) names unknown requirement \(r)")
        }
        let effectText = try reader.optionalString(m, "effect") ?? "satisfies"
        guard let effect = Effect(rawValue: effectText) else {
            throw reader.error(m["effect"] ?? node, "effect must be satisfies, partial or contradicts, not \(effectText)")
        }
        let scopeText = try reader.optionalString(m, "scope") ?? "anywhere"
        guard let scope = RuleScope(rawValue: scopeText) else {
            throw reader.error(m["scope"] ?? node, "scope must be trafficking, related or anywhere, not \(scopeText)")
        }
        let contextText = try reader.optionalString(m, "context") ?? "sentence"
        guard let context = RuleContext(rawValue: contextText) else {
            throw reader.error(m["context"] ?? node, "context must be one of \(RuleContext.allCases.map(\.rawValue).joined(separator: ", ")), not \(contextText)")
        }
        var withoutContext: RuleContext?
        if let text = try reader.optionalString(m, "withoutContext") {
            guard let c = RuleContext(rawValue: text) else {
                throw reader.error(m["withoutContext"] ?? node, "withoutContext must be one of \(RuleContext.allCases.map(\.rawValue).joined(separator: ", ")), not \(text)")
            }
            withoutContext = c
        }
        let caseless = try reader.optionalBool(m, "caseless") ?? true
        let patterns = try reader.strings(m, "patterns", at: node)
        if patterns.isEmpty { throw reader.error(node, "rule \(id) has no patterns") }
        let with = try reader.optionalStrings(m, "with") ?? []
        let without = try reader.optionalStrings(m, "without") ?? []
        // Every pattern must compile; report the pattern's own position.
        for key in ["patterns", "with", "without"] {
            guard let list = m[key]?.sequence else { continue }
            for p in list {
                guard let source = p.string else { continue }
                try checkCompiles(source, caseless: caseless, at: p, reader: reader, owner: "rule \(id)")
            }
        }
        var numbers: [NumberCondition] = []
        if let list = m["numbers"] {
            guard let seq = list.sequence else { throw reader.error(list, "numbers must be a list") }
            for n in seq {
                guard let nm = n.mapping else { throw reader.error(n, "each number condition must be a mapping") }
                try reader.allowOnly(["group", "atLeast", "below"], in: nm, at: n)
                let group = try reader.string(nm, "group", at: n)
                if !patterns.contains(where: { $0.contains("(?<\(group)>") }) {
                    throw reader.error(n, "rule \(id): no pattern has a group named \(group)")
                }
                numbers.append(NumberCondition(group: group, atLeast: try reader.optionalDouble(nm, "atLeast"),
                                               below: try reader.optionalDouble(nm, "below")))
            }
        }
        let maxEvidence = try reader.optionalInt(m, "maxEvidence") ?? 3
        let (matchExamples, noMatchExamples) = try reader.examples(in: m)
        return RuleSpec(id: id, requirements: requirements, effect: effect, scope: scope,
                        summary: try reader.string(m, "summary", at: node), patterns: patterns, with: with,
                        without: without, context: context, withoutContext: withoutContext, caseless: caseless, numbers: numbers,
                        maxEvidence: maxEvidence, note: try reader.optionalString(m, "note"),
                        matchExamples: matchExamples, noMatchExamples: noMatchExamples,
                        origin: reader.file, line: node.mark?.line)
    }

    static func convert(_ error: YamlError, file: String) -> RulePackError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return RulePackError(file: file, line: mark.line, column: mark.column, problem: "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return RulePackError(file: file, line: context.mark.line, column: context.mark.column,
                                 problem: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return RulePackError(file: file, line: nil, column: nil, problem: "invalid YAML: \(error)")
        }
    }
}

/// Typed access to YAML nodes, with errors that point at the node.
struct NodeReader {
    let file: String

    func error(_ node: Node, _ problem: String) -> RulePackError {
        RulePackError(file: file, line: node.mark?.line, column: node.mark?.column, problem: problem)
    }

    func allowOnly(_ keys: Set<String>, in m: Node.Mapping, at node: Node) throws {
        for (k, _) in m {
            guard let key = k.string else { throw error(k, "keys must be strings") }
            if !keys.contains(key) {
                throw error(k, "unknown key \(key) (expected one of \(keys.sorted().joined(separator: ", ")))")
            }
        }
    }

    func string(_ m: Node.Mapping, _ key: String, at node: Node) throws -> String {
        guard let v = m[key] else { throw error(node, "missing key \(key)") }
        guard case .scalar = v, let s = v.string, !s.isEmpty else { throw error(v, "\(key) must be a non-empty string") }
        return s
    }

    func optionalString(_ m: Node.Mapping, _ key: String) throws -> String? {
        guard let v = m[key] else { return nil }
        guard case .scalar = v, let s = v.string else { throw error(v, "\(key) must be a string") }
        return s
    }

    func strings(_ m: Node.Mapping, _ key: String, at node: Node) throws -> [String] {
        guard let v = m[key] else { throw error(node, "missing key \(key)") }
        return try stringList(v, key)
    }

    func optionalStrings(_ m: Node.Mapping, _ key: String) throws -> [String]? {
        try m[key].map { try stringList($0, key) }
    }

    func stringList(_ v: Node, _ key: String) throws -> [String] {
        if case .scalar = v, let s = v.string { return [s] }
        guard let seq = v.sequence else { throw error(v, "\(key) must be a list of strings") }
        return try seq.map { item in
            guard case .scalar = item, let s = item.string else { throw error(item, "\(key) must contain only strings") }
            return s
        }
    }

    func optionalBool(_ m: Node.Mapping, _ key: String) throws -> Bool? {
        guard let v = m[key] else { return nil }
        guard let b = v.bool else { throw error(v, "\(key) must be true or false") }
        return b
    }

    func optionalInt(_ m: Node.Mapping, _ key: String) throws -> Int? {
        guard let v = m[key] else { return nil }
        guard let i = v.int, i > 0 else { throw error(v, "\(key) must be a positive whole number") }
        return i
    }

    func optionalDouble(_ m: Node.Mapping, _ key: String) throws -> Double? {
        guard let v = m[key] else { return nil }
        guard let d = v.float ?? v.int.map(Double.init) else { throw error(v, "\(key) must be a number") }
        return d
    }

    /// `examples: {match: [...], noMatch: [...]}` of a rule or qualifier (both empty when absent).
    func examples(in m: Node.Mapping) throws -> (match: [RuleExample], noMatch: [RuleExample]) {
        guard let ex = m["examples"] else { return ([], []) }
        guard let em = ex.mapping else { throw error(ex, "examples must be a mapping with match and noMatch") }
        try allowOnly(["match", "noMatch"], in: em, at: ex)
        return (try examples(em, "match"), try examples(em, "noMatch"))
    }

    func examples(_ m: Node.Mapping, _ key: String) throws -> [RuleExample] {
        guard let v = m[key] else { return [] }
        guard let seq = v.sequence else { throw error(v, "\(key) must be a list of example texts") }
        return try seq.map { item in
            guard case .scalar = item, let s = item.string else { throw error(item, "each example must be a string") }
            return RuleExample(s, line: item.mark?.line)
        }
    }
}
