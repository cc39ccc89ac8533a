import LacunaCore

/// Named legal concepts — each a set of words with their inflections, spelling variants and
/// the synonyms JUDGING rule 3 accepts — that rule patterns use by name, written
/// `{{concept}}`. One word added to a concept serves every rule that names it, and a language
/// is a vocabulary rather than a copy of every rule.
///
/// A pack declares concepts under `vocabulary:` (see `Plugins/README.md`); the vocabulary of
/// a rule set is that of all its packs, in order, a later pack's words for a concept joining
/// the earlier ones'.
///
/// Each language has its own words: a concept declared by a pack of `languages: [fr]` is the
/// French words for it, seen only by French rules. A rule whose language has no words for a
/// concept gets the English ones — so the concepts that are not words at all
/// (`{{in-sentence}}`, punctuation) serve every language.
///
/// Laws: `{{name}}` becomes `(?:word1|word2|...)`, so a concept is one group wherever it
/// stands; a concept may use other concepts (looked up in the same language first); an
/// unknown concept, or a concept that uses itself, is an error naming the rule and the
/// concept; a pattern without `{{` is unchanged; English words never change with the words
/// of another language.
public struct Vocabulary: Sendable, Hashable {
    /// The words of each concept in each language (by primary subtag: `en`, `fr`), as
    /// pattern fragments, in the order the packs gave them.
    public private(set) var languages: [String: [String: [String]]] = [:]

    /// The English concepts (and those of packs that name no language).
    public var concepts: [String: [String]] { languages[Language.english.primary] ?? [:] }

    public init() {}

    /// The vocabulary of `packs`, in order.
    public init(packs: [RulePack]) {
        for pack in packs {
            for entry in pack.vocabulary {
                for language in pack.languages { add(entry, language: language) }
            }
        }
    }

    public mutating func add(_ entry: VocabularyEntry, language: Language = .english) {
        languages[language.primary, default: [:]][entry.name, default: []].append(contentsOf: entry.alternatives)
    }

    /// `pattern` with every `{{concept}}` replaced by the group of its words in `language`
    /// (English where that language has no words for it).
    public func expand(_ pattern: String, language: Language = .english) throws(VocabularyError) -> String {
        try expand(pattern, in: languages[language.primary] ?? [:], depth: 0)
    }

    private func words(_ name: String, in own: [String: [String]]) -> [String]? {
        own[name] ?? concepts[name]
    }

    private func expand(_ pattern: String, in own: [String: [String]], depth: Int) throws(VocabularyError) -> String {
        guard pattern.contains("{{") else { return pattern }
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw VocabularyError(concept: String(rest[open.upperBound...].prefix(20)), problem: "is not closed with }}")
            }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard let words = words(name, in: own) else { throw VocabularyError(concept: name, problem: "is not in the vocabulary") }
            guard depth < 8 else { throw VocabularyError(concept: name, problem: "uses itself") }
            let inner = try words.map { word throws(VocabularyError) in try expand(word, in: own, depth: depth + 1) }
            out += "(?:" + inner.joined(separator: "|") + ")"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Names of the concepts `pattern` uses directly.
    public static func concepts(in pattern: String) -> [String] {
        var names: [String] = []
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// `pattern` with each concept replaced by a stand-in group, to check its own syntax
    /// before the vocabulary is known.
    static func placeholderFree(_ pattern: String) -> String {
        var copy = pattern
        for name in concepts(in: pattern) { copy = copy.replacingOccurrences(of: "{{\(name)}}", with: "(?:x)") }
        return copy
    }
}

/// One concept as a pack declares it.
public struct VocabularyEntry: Sendable, Hashable {
    public var name: String
    public var alternatives: [String]
    public var line: Int?

    public init(name: String, alternatives: [String], line: Int? = nil) {
        self.name = name
        self.alternatives = alternatives
        self.line = line
    }
}

/// A concept that cannot be expanded.
public struct VocabularyError: Error, Sendable, CustomStringConvertible {
    public var concept: String
    public var problem: String
    public var description: String { "concept {{\(concept)}} \(problem)" }
}
