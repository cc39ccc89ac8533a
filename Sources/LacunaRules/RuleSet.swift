import Foundation
import LacunaCore
import LacunaPatterns

/// Compiled rules, ready to run on many documents concurrently.
///
/// Each distinct pattern source is compiled (and JIT-compiled) once and shared by every rule
/// that uses it; a document's matches for each pattern are computed once per document.
public final class RuleSet: Sendable {
    public let rules: [CompiledRule]
    /// The qualifiers of the packs, looked for around satisfying evidence.
    public let qualifiers: [CompiledQualifier]
    let patterns: [Pattern]
    /// Which patterns could match a document, from the literals each one needs.
    let prefilter: Prefilter
    /// A hash of every rule's definition, so stored results know when rules changed. It does
    /// not depend on where the packs are installed: a rule's origin enters by its file name
    /// only, so a release archive unpacked anywhere reports the rules version of the build.
    public let version: String
    /// The languages the rule set's packs read, sorted (see ``RulePack/languages``).
    public let languages: [Language]
    public let limits: MatchLimits
    /// "subsection (1)", "Article 10", "section 4": where a qualifier's sentence points.
    let reference: Pattern
    /// "subparagraphs b) and c) of Article 10", "paragraphs (a) and (d) of section 4".
    let itemReference: Pattern

    /// Compiles the effective rules of `packs` applied in order: a later rule with the same
    /// id replaces an earlier one, and a pack's `disable` list removes earlier rules.
    ///
    /// - Parameter screening: screen each document for the literals patterns need (see
    ///   ``Prefilter``) so that patterns that cannot match are not run, and patterns whose
    ///   matches begin with known words are tried only where those words are. Off, every
    ///   pattern searches the whole text: the same evidence, more slowly (tests compare).
    /// - Parameter cache: compiled patterns shared with other rule sets.
    public init(packs: [RulePack], limits: MatchLimits = .default, screening: Bool = true,
                cache: PatternCache = PatternCache()) throws {
        let vocabulary = Vocabulary(packs: packs)
        let specs = try RuleSet.effectiveRules(of: packs, vocabulary: vocabulary)
        let qualifierSpecs = try RuleSet.effectiveQualifiers(of: packs, vocabulary: vocabulary)
        var table = PatternTable()
        let compiledQualifiers = qualifierSpecs.map { q in
            CompiledQualifier(spec: q, patterns: q.patterns.map { table.index($0, q.caseless, rule: RuleSet.rule(for: q)) })
        }
        let compiled = specs.map { spec in
            CompiledRule(
                spec: spec,
                patterns: spec.patterns.map { table.index($0, spec.caseless, rule: spec) },
                with: spec.with.map { table.index($0, spec.caseless, rule: spec) },
                without: spec.without.map { table.index($0, spec.caseless, rule: spec) })
        }
        let prefilter = screening ? Prefilter(analyses: table.distinct.map { cache.analysis(of: $0.source) })
            : Prefilter(unscreened: table.distinct.count)
        let patterns = try table.compile(cache: cache, prefilter: prefilter)
        self.rules = compiled
        self.infos = compiled.map(\.spec.info)
        self.index = RuleIndex(rules: infos)
        self.qualifiers = compiledQualifiers
        self.itemReference = try Pattern(#"\b(?:sub)?(?:paragraphs?|items?|points?)\s+(?<items>\(?[a-z0-9]{1,4}\)(?:\s*,?\s*(?:and\s+|or\s+)?\(?[a-z0-9]{1,4}\))*+)\s+of\s+(?:articles?|sections?|arts?\.|ss?\.)\s*(?<label>[0-9]+[A-Za-z]?)"#, caseless: true)
        self.reference = try Pattern(#"\b(?<sub>sub)?(?:sections?|articles?|arts?\.|paragraphs?|clauses?)\s+(?<label>\(?[0-9]+[A-Za-z]?(?:\.[0-9]+)?\)?)"#, caseless: true)
        self.patterns = patterns
        self.prefilter = prefilter
        self.limits = limits
        var hasher = StableHash()
        for var spec in specs {
            spec.origin = RuleSet.fileName(spec.origin)
            hasher.combine(String(describing: spec))
        }
        for var q in qualifierSpecs {
            q.origin = RuleSet.fileName(q.origin)
            hasher.combine(String(describing: q))
        }
        languages = Set(packs.flatMap(\.languages)).sorted()
        // The languages change which documents the rules report on; English alone (every
        // pack so far) leaves the version as it was.
        if languages != [.english] { hasher.combine("languages: " + languages.map(\.rawValue).joined(separator: ",")) }
        version = hasher.hex
    }

    /// The last component of a pack's path: what of a rule's origin its version keeps.
    static func fileName(_ origin: String) -> String {
        origin.split(separator: "/").last.map(String.init) ?? origin
    }

    /// Whether some pack reads `language` (compared by primary subtag: a pack of `pt` reads
    /// `pt-BR`, and one of `en-GB` reads `en`).
    public func reads(_ language: Language) -> Bool {
        languages.contains { $0.primary == language.primary }
    }

    /// The rules of `packs` applied in order — a later rule with the same id replaces an
    /// earlier one, a pack's `disable` list removes earlier rules — with the concepts their
    /// patterns name ({{harbour}}) expanded, as the patterns run.
    static func effectiveRules(of packs: [RulePack], vocabulary: Vocabulary) throws -> [RuleSpec] {
        var ordered: [RuleSpec] = []
        var position: [String: Int] = [:]
        for pack in packs {
            for id in pack.disable {
                if let i = position[id] { ordered[i].id = "" }
            }
            for rule in pack.rules {
                var rule = rule
                rule.languages = pack.languages
                if let i = position[rule.id], !ordered[i].id.isEmpty { ordered[i] = rule } else {
                    position[rule.id] = ordered.count
                    ordered.append(rule)
                }
            }
        }
        return try ordered.filter { !$0.id.isEmpty }.map { spec in
            var s = spec
            do {
                let language = spec.languages.first ?? .english
                let expand = { (p: String) throws -> String in DiacriticFolding.fold(try vocabulary.expand(p, language: language)) }
                s.patterns = try spec.patterns.map(expand)
                s.with = try spec.with.map(expand)
                s.without = try spec.without.map(expand)
            } catch {
                throw RulePackError(file: spec.origin, line: spec.line, column: nil, problem: "rule \(spec.id): \(error)")
            }
            return s
        }
    }

    /// The qualifiers of `packs`, a later one replacing an earlier one of the same id, with
    /// their concepts expanded.
    static func effectiveQualifiers(of packs: [RulePack], vocabulary: Vocabulary) throws -> [QualifierSpec] {
        var qualifierSpecs: [QualifierSpec] = []
        for pack in packs {
            for q in pack.qualifiers {
                var expanded = q
                do {
                    let language = pack.languages.first ?? .english
                    expanded.patterns = try q.patterns.map { DiacriticFolding.fold(try vocabulary.expand($0, language: language)) }
                } catch {
                    throw RulePackError(file: q.origin, line: q.line, column: nil, problem: "qualifier \(q.id): \(error)")
                }
                if let i = qualifierSpecs.firstIndex(where: { $0.id == q.id }) { qualifierSpecs[i] = expanded } else { qualifierSpecs.append(expanded) }
            }
        }
        return qualifierSpecs
    }

    /// A qualifier seen as a rule, to name it in an error about one of its patterns.
    static func rule(for q: QualifierSpec) -> RuleSpec {
        RuleSpec(id: q.id, requirements: [], effect: .partial, scope: .anywhere, summary: q.summary, patterns: q.patterns,
                 caseless: q.caseless, origin: q.origin, line: q.line)
    }

    /// What each rule says about itself, in rule order (kept: every analysis reports them).
    public let infos: [RuleInfo]
    /// The rules as the judge reads them, built once.
    public let index: RuleIndex

    /// Runs every rule on `document`. A document of ``RuleRun/parallelFromBytes`` or more has
    /// its rules' patterns searched on every active core first (``RuleRun/prefetch(_:workers:)``),
    /// so one long statute uses the machine; the evidence is the same either way.
    ///
    /// With `cancellation`, the work stops (throwing ``Cancelled``) at the first rule or
    /// pattern after it is raised.
    public func evidence(in document: Document, cancellation: Cancellation? = nil) throws -> [Evidence] {
        let run = RuleRun(document: document, set: self)
        if run.subject.bytes.count >= RuleRun.parallelFromBytes {
            try run.prefetch(rules, workers: ProcessInfo.processInfo.activeProcessorCount, cancellation: cancellation)
        }
        var evidence: [Evidence] = []
        for rule in rules {
            try cancellation?.check()
            evidence.append(contentsOf: try run.evidence(for: rule))
        }
        return evidence
    }

    /// Runs the rules with the given ids only (used by rule examples and `explain`).
    public func evidence(in document: Document, rules ids: Set<String>) throws -> [Evidence] {
        let run = RuleRun(document: document, set: self)
        var evidence: [Evidence] = []
        for rule in rules where ids.contains(rule.spec.id) {
            evidence.append(contentsOf: try run.evidence(for: rule))
        }
        return evidence
    }
}

/// A qualifier with its patterns resolved to indices in the shared table.
public struct CompiledQualifier: Sendable {
    public let spec: QualifierSpec
    let patterns: [Int]
}

/// A rule with its patterns resolved to indices in the shared table. A class, so that
/// running the rules on a document passes a reference, not a copy of the whole spec.
public final class CompiledRule: Sendable {
    public let spec: RuleSpec
    let patterns: [Int]
    let with: [Int]
    let without: [Int]

    init(spec: RuleSpec, patterns: [Int], with: [Int], without: [Int]) {
        self.spec = spec
        self.patterns = patterns
        self.with = with
        self.without = without
    }
}

/// The distinct patterns of a rule set: each (source, caseless) once, with the first rule
/// that uses it (named in a compile error).
///
/// Laws: indices are dense and in order of first use; the same (source, caseless) always
/// gets the same index.
struct PatternTable {
    private(set) var distinct: [(source: String, caseless: Bool, rule: RuleSpec)] = []
    private var table: [String: Int] = [:]

    /// The index of a pattern, added when new.
    mutating func index(_ source: String, _ caseless: Bool, rule: RuleSpec) -> Int {
        let key = (caseless ? "i:" : "c:") + source
        if let i = table[key] { return i }
        distinct.append((source, caseless, rule))
        table[key] = distinct.count - 1
        return distinct.count - 1
    }

    /// Every pattern compiled (or taken from `cache`), in index order.
    func compile(cache: PatternCache, prefilter: Prefilter) throws -> [Pattern] {
        var patterns: [Pattern] = []
        for (i, d) in distinct.enumerated() {
            do {
                patterns.append(try cache.pattern(d.source, caseless: d.caseless, anchoredVariant: prefilter.hasLeading(i)))
            } catch let error as PatternError {
                throw RulePackError(file: d.rule.origin, line: d.rule.line, column: nil, problem: "rule \(d.rule.id): \(error)")
            }
        }
        return patterns
    }
}
