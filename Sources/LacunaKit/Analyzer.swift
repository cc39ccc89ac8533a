import Foundation
import LacunaCatalog
import LacunaCore
import LacunaReaders
import LacunaRules
import LacunaText

/// The pipeline, and its one entry: ingest → segment → resolve → analyze → judge → report,
/// returning one ``Analysis``.
///
/// An `Analyzer` compiles its rule sets once and is then safe to use from many tasks at
/// once; each call works on its own document. Every front end (CLI, batch, explain, outline,
/// the example checker, tests) goes through ``analyze(_:tradition:using:only:observer:)``.
public final class Analyzer: Sendable {
    /// The Lacuna version, reported in every report.
    public static let version = "0.1.0"

    public let catalog: Catalog
    /// The catalog in each language a report can be written in.
    public let translations: CatalogTranslations
    public let registry: PluginRegistry
    public let ingester: Ingester
    let resolver: Resolver
    let extraPacks: [RulePack]
    let packsByTradition: [Tradition: [RulePack]]
    /// Compiled rule sets, by tradition choice (`common-law`, `civil-law+islamic-law`).
    private let ruleSets: RuleSetCache
    /// Whether rule sets screen documents for the literals their patterns need.
    let screening: Bool
    /// How the ingester reads files into text (encoding, Word revisions, limits), as a short
    /// stable hash: part of the key under which a batch reuses a stored result.
    public let readingOptions: String
    /// Patterns compiled once for all the rule sets.
    private let patterns = PatternCache()

    /// - Parameters:
    ///   - extraPacks: user rule packs (`--rules`), applied after the plugin's own.
    ///   - screening: skip patterns a document lacks the words for (see `RuleSet`); off
    ///     only to check that it changes nothing.
    ///   - translations: the catalog's translations; nil: the bundled ones for the bundled
    ///     catalog, none (English reports only) for a catalog of the caller's own.
    public init(catalog: Catalog? = nil, registry: PluginRegistry = .standard, extraPacks: [URL] = [],
                ingester: Ingester = Ingester(), screening: Bool = true, translations: CatalogTranslations? = nil) throws {
        self.screening = screening
        let given = catalog
        let catalog = try catalog ?? CatalogLoader.bundled()
        self.catalog = catalog
        self.translations = translations ?? (given == nil ? .bundled(english: catalog) : .englishOnly(catalog))
        self.registry = registry
        self.ingester = ingester
        var reading = StableHash()
        reading.combine(String(describing: ingester))
        self.readingOptions = reading.hex
        self.resolver = try Resolver()
        let loader = RulePackLoader(knownRequirements: Set(catalog.requirements.map(\.id)))
        let shared = try registry.sharedPacks.map { try loader.load(contentsOf: $0) }
        var byTradition: [Tradition: [RulePack]] = [:]
        for plugin in registry.plugins {
            byTradition[plugin.tradition] = try plugin.rulePacks.map { try loader.load(contentsOf: $0) }
        }
        self.packsByTradition = byTradition.mapValues { shared + $0 }
        self.extraPacks = try extraPacks.map { try loader.load(contentsOf: $0) }
        self.ruleSets = RuleSetCache()
    }

    /// The rule set for a tradition choice: shared packs, each chosen plugin's packs in the
    /// registry's order (whatever the order of the choice: the same set for `a+b` and `b+a`),
    /// then the user's packs.
    public func ruleSet(for choice: TraditionChoice) throws -> RuleSet {
        let chosen = Set(choice.traditions)
        let traditions = registry.traditions.filter(chosen.contains) + choice.traditions.filter { !registry.traditions.contains($0) }
        let key = traditions.map(\.rawValue).joined(separator: "+")
        if let cached = ruleSets.get(key) { return cached }
        var packs: [RulePack] = []
        var seenFiles = Set<String>()
        for t in traditions {
            for pack in packsByTradition[t] ?? [] where seenFiles.insert(pack.file).inserted { packs.append(pack) }
        }
        let set = try RuleSet(packs: packs + extraPacks, screening: screening, cache: patterns)
        ruleSets.put(key, set)
        return set
    }

    /// The tradition choice for a text: `given`, or the detected one.
    ///
    /// A mixed choice does not depend on the order it was written in: its primary tradition
    /// (whose numbering conventions segment the text) is the one whose cues fit the text best
    /// (ties: the first registered), and the others follow in registry order.
    public func choice(for text: String, given: TraditionChoice?) -> TraditionChoice {
        guard let given else {
            return TraditionChoice(traditions: [TraditionDetector(registry: registry).detect(text)], detected: true)
        }
        guard given.traditions.count > 1 else { return given }
        let chosen = Set(given.traditions)
        let inOrder = registry.traditions.filter(chosen.contains) + given.traditions.filter { !registry.traditions.contains($0) }
        var best: (Tradition, Double)?
        for (t, score) in TraditionDetector(registry: registry).scores(text) where chosen.contains(t) {
            if best == nil || score > best!.1 { best = (t, score) }
        }
        let primary = best?.0 ?? inOrder[0]
        return TraditionChoice(traditions: [primary] + inOrder.filter { $0 != primary }, detected: given.detected)
    }

    /// ``choice(for:given:)`` for a source: its text is made into a string (a copy of a long
    /// document) only when the choice depends on it — a tradition to detect or to order.
    public func choice(for source: SourceText, given: TraditionChoice?) -> TraditionChoice {
        if let given, given.traditions.count <= 1 { return given }
        return choice(for: source.text, given: given)
    }

    /// Reads the file at `path` and analyses it.
    public func analyze(path: String, tradition: TraditionChoice? = nil, language: Language? = nil,
                        observer: any StageObserver = NoStageObserver()) throws -> Analysis {
        let source = try observer.observe(.ingest) { try ingester.read(path: path) }
        return try analyze(source, tradition: tradition, language: language, observer: observer)
    }

    /// Reads and analyses each path in turn, going on past the ones that fail: the analyses
    /// in order, and each failure with its path (`lacuna analyze a b c`).
    public func analyze(paths: [String], tradition: TraditionChoice? = nil, language: Language? = nil) -> (analyses: [Analysis], failures: [(path: String, error: any Error)]) {
        var analyses: [Analysis] = []
        var failures: [(path: String, error: any Error)] = []
        for path in paths {
            do {
                analyses.append(try analyze(path: path, tradition: tradition, language: language))
            } catch {
                failures.append((path, error))
            }
        }
        return (analyses, failures)
    }

    /// Analyses text already read: the pipeline entry.
    ///
    /// - Parameters:
    ///   - tradition: the plugin(s) to read it with; nil detects the tradition.
    ///   - set: the rules to run instead of the tradition's (the example checker's own set).
    ///   - only: run only the rules with these ids (nil: every rule of the set).
    ///   - language: the language of the whole text, instead of the detected one(s).
    ///   - observer: told of each stage (`lacuna bench` times them).
    ///   - cancellation: checked between stages and rules; once raised, the analysis throws
    ///     ``Cancelled`` at the next check.
    ///
    /// The report is written in the document's language when the catalog is translated into
    /// it, else in English (``write(_:in:)`` writes it in another).
    public func analyze(_ source: SourceText, tradition: TraditionChoice? = nil, using set: RuleSet? = nil,
                        only: Set<String>? = nil, language given: Language? = nil,
                        observer: any StageObserver = NoStageObserver(), cancellation: Cancellation? = nil) throws -> Analysis {
        try cancellation?.check()
        let (segmentation, choice, rules) = try observer.observe(.segment) { () throws -> (Segmentation, TraditionChoice, RuleSet) in
            let choice = self.choice(for: source, given: tradition)
            return (try segment(source, choice: choice), choice, try set ?? ruleSet(for: choice))
        }
        let (document, language) = try observer.observe(.resolve) {
            var document = try resolver.resolve(segmentation, source: source)
            document.languages = given.map { LanguageMap(document: $0) } ?? LanguageDetector().map(of: document)
            return (document, document.languages.document)
        }
        try cancellation?.check()
        let found = try observer.observe(.analyze) {
            try only.map { try rules.evidence(in: document, rules: $0) } ?? rules.evidence(in: document, cancellation: cancellation)
        }
        try cancellation?.check()
        var analysis = observer.observe(.judge) {
            let evidence = Analysis.operative(found, in: document)
            let findings = Judge().judge(catalog: catalog, document: document, tradition: choice.primary,
                                         evidence: evidence, index: rules.index)
            // Too little text to tell is not held against the document.
            let read = language == .undetermined || rules.reads(language)
            let info = DocumentInfo(path: source.path, title: document.title, format: source.format,
                                    tradition: choice.primary, traditionSource: choice.detected ? .detected : .given,
                                    contentHash: source.contentHash, characters: source.scalarCount,
                                    provisions: document.provisions.count, language: language, languageRead: read,
                                    traditions: choice.traditions)
            let warnings = read ? [] : [UnreadLanguage.sentence(language, read: rules.languages)]
            let report = Report(toolVersion: Analyzer.version, catalogVersion: catalog.version, rulesVersion: rules.version,
                                document: info, areas: catalog.areas, findings: findings, warnings: warnings)
            return Analysis(document: document, tradition: choice, rules: rules.infos, evidence: evidence, report: report,
                            ruleLanguages: rules.languages)
        }
        try write(&analysis, in: nil)
        return analysis
    }

    /// Segments a text with the conventions of the choice's first plugin.
    private func segment(_ source: SourceText, choice: TraditionChoice) throws -> Segmentation {
        guard let plugin = registry.plugin(for: choice.primary) else {
            throw UsageError("no plugin for tradition \(choice.primary)")
        }
        return Segmenter(conventions: plugin.conventions).segment(source)
    }
}

/// A small thread-safe cache of compiled rule sets.
final class RuleSetCache: @unchecked Sendable {
    private var sets: [String: RuleSet] = [:]
    private let lock = NSLock()
    func get(_ key: String) -> RuleSet? { lock.withLock { sets[key] } }
    func put(_ key: String, _ set: RuleSet) { lock.withLock { sets[key] = set } }
}
