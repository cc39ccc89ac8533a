import Foundation
import LacunaCore

/// Where the words a rule's extra patterns (`with`, `without`) are looked for, around a match.
public enum RuleContext: String, Codable, Sendable, CaseIterable {
    /// From the start of the sentence to the end of the list item or sentence containing the match.
    case clause
    /// From the start of the sentence to the end of the match's clause: what leads up to the
    /// match (acts and means come before the purpose in most offences) and its own clause.
    case lead
    /// The sentence containing the match (sentences end at a full stop; list items stay in).
    case sentence
    /// The innermost provision containing the match, children included.
    case provision
    /// The section or article containing the match.
    case section
    /// The whole operative text.
    case document
}

/// A condition on a named group of the pattern: the number it captures (digits or words,
/// "four", "fourteen", "6 months") must lie in the bounds.
public struct NumberCondition: Codable, Sendable, Hashable {
    public var group: String
    /// Inclusive lower bound.
    public var atLeast: Double?
    /// Exclusive upper bound.
    public var below: Double?

    public init(group: String, atLeast: Double? = nil, below: Double? = nil) {
        self.group = group
        self.atLeast = atLeast
        self.below = below
    }
}

/// One example of a rule: text that must (or must not) produce its evidence. In a
/// must-match example, `[[...]]` marks the exact span the evidence must have.
public struct RuleExample: Codable, Sendable, Hashable {
    /// The example as written, with its `[[...]]` marks.
    public var source: String
    /// Line of the example in its pack, for failure messages.
    public var line: Int?

    public init(_ source: String, line: Int? = nil) {
        self.source = source
        self.line = line
    }

    /// The example without its marks.
    public var text: String { source.replacingOccurrences(of: "[[", with: "").replacingOccurrences(of: "]]", with: "") }

    /// The marked spans, as UTF-8 byte ranges into ``text``.
    public var markedSpans: [Range<Int>] {
        var spans: [Range<Int>] = []
        var out = 0
        var start: Int?
        let bytes = Array(source.utf8)
        var i = 0
        while i < bytes.count {
            if i + 1 < bytes.count, bytes[i] == 0x5B, bytes[i + 1] == 0x5B { start = out; i += 2; continue }
            if i + 1 < bytes.count, bytes[i] == 0x5D, bytes[i + 1] == 0x5D, let s = start { spans.append(s..<out); start = nil; i += 2; continue }
            out += 1
            i += 1
        }
        return spans
    }
}

/// A declarative rule as written in a pack: an id, the requirements it bears on, its
/// patterns, where its evidence counts, what it means, and its examples.
public struct RuleSpec: Sendable, Hashable {
    public var id: String
    public var requirements: [String]
    public var effect: Effect
    public var scope: RuleScope
    /// One line saying what the rule looks for.
    public var summary: String
    /// Any of these patterns produces evidence.
    public var patterns: [String]
    /// Every one of these must also match in the context.
    public var with: [String]
    /// None of these may match in the context.
    public var without: [String]
    public var context: RuleContext
    /// Where `without` patterns are looked for, when narrower or wider than `context`.
    public var withoutContext: RuleContext?
    public var caseless: Bool
    public var numbers: [NumberCondition]
    /// Evidence from at most this many matches is kept (first ones in the text).
    public var maxEvidence: Int
    public var note: String?
    public var matchExamples: [RuleExample]
    public var noMatchExamples: [RuleExample]
    /// The pack file it came from.
    public var origin: String
    /// The languages the rule reads: its pack's (`languages:`). The rule runs only on text in
    /// one of them (see ``LanguageMap``).
    public var languages: [Language] = [.english]
    /// Line of the rule in its pack.
    public var line: Int?

    public init(id: String, requirements: [String], effect: Effect, scope: RuleScope, summary: String,
                patterns: [String], with: [String] = [], without: [String] = [], context: RuleContext = .sentence,
                withoutContext: RuleContext? = nil, caseless: Bool = true, numbers: [NumberCondition] = [], maxEvidence: Int = 3, note: String? = nil,
                matchExamples: [RuleExample] = [], noMatchExamples: [RuleExample] = [], origin: String = "", line: Int? = nil) {
        self.id = id
        self.requirements = requirements
        self.effect = effect
        self.scope = scope
        self.summary = summary
        self.patterns = patterns
        self.with = with
        self.without = without
        self.context = context
        self.withoutContext = withoutContext
        self.caseless = caseless
        self.numbers = numbers
        self.maxEvidence = maxEvidence
        self.note = note
        self.matchExamples = matchExamples
        self.noMatchExamples = noMatchExamples
        self.origin = origin
        self.line = line
    }

    public var info: RuleInfo {
        RuleInfo(id: id, requirements: requirements, effect: effect, scope: scope, summary: summary, origin: origin,
                 languages: languages)
    }
}

/// A rule pack: the rules of one file, and the ids of earlier rules it switches off.
public struct RulePack: Sendable {
    public var id: String
    public var file: String
    public var description: String
    public var rules: [RuleSpec]
    public var disable: [String]
    /// Concepts the pack adds to the vocabulary of every rule set it is part of.
    public var vocabulary: [VocabularyEntry]
    /// Qualifiers the pack declares: words that narrow the evidence they stand beside.
    public var qualifiers: [QualifierSpec]
    /// The languages whose text the pack's patterns read (`languages:`; English when the
    /// pack does not say). A document in a language no pack of its rule set reads is
    /// reported as such instead of as a law that meets nothing.
    public var languages: [Language]

    public init(id: String, file: String, description: String, rules: [RuleSpec], disable: [String],
                vocabulary: [VocabularyEntry] = [], qualifiers: [QualifierSpec] = [], languages: [Language] = [.english]) {
        self.id = id
        self.file = file
        self.description = description
        self.rules = rules
        self.disable = disable
        self.vocabulary = vocabulary
        self.qualifiers = qualifiers
        self.languages = languages
    }
}
