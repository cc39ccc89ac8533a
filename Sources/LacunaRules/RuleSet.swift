import Foundation
import LacunaCore
import LacunaPatterns

/// Compiled rules, ready to run on many documents concurrently.
///
/// Each distinct pattern source is compiled (and JIT-compiled) once and shared by every rule
/// that uses it; a document's matches for each pattern are computed once per document.
public final class RuleSet: Sendable {
    public let rules: [CompiledRule]
    let patterns: [Pattern]
    /// A hash of every rule's definition, so stored results know when rules changed.
    public let version: String
    public let limits: MatchLimits

    /// Compiles the effective rules of `packs` applied in order: a later rule with the same
    /// id replaces an earlier one, and a pack's `disable` list removes earlier rules.
    public init(packs: [RulePack], limits: MatchLimits = .default) throws {
        var ordered: [RuleSpec] = []
        var position: [String: Int] = [:]
        for pack in packs {
            for id in pack.disable {
                if let i = position[id] { ordered[i].id = "" }
            }
            for rule in pack.rules {
                if let i = position[rule.id], !ordered[i].id.isEmpty { ordered[i] = rule } else {
                    position[rule.id] = ordered.count
                    ordered.append(rule)
                }
            }
        }
        let specs = ordered.filter { !$0.id.isEmpty }
        var table: [String: Int] = [:]
        var patterns: [Pattern] = []
        func index(_ source: String, _ caseless: Bool, rule: RuleSpec) throws -> Int {
            let key = (caseless ? "i:" : "c:") + source
            if let i = table[key] { return i }
            do {
                patterns.append(try Pattern(source, caseless: caseless))
            } catch let error as PatternError {
                throw RulePackError(file: rule.origin, line: rule.line, column: nil, problem: "rule \(rule.id): \(error)")
            }
            table[key] = patterns.count - 1
            return patterns.count - 1
        }
        var compiled: [CompiledRule] = []
        for spec in specs {
            compiled.append(CompiledRule(
                spec: spec,
                patterns: try spec.patterns.map { try index($0, spec.caseless, rule: spec) },
                with: try spec.with.map { try index($0, spec.caseless, rule: spec) },
                without: try spec.without.map { try index($0, spec.caseless, rule: spec) }))
        }
        self.rules = compiled
        self.patterns = patterns
        self.limits = limits
        var hasher = StableHash()
        for spec in specs { hasher.combine(String(describing: spec)) }
        version = hasher.hex
    }

    public var infos: [RuleInfo] { rules.map(\.spec.info) }

    /// Runs every rule on `document`.
    public func evidence(in document: Document) throws -> [Evidence] {
        let run = RuleRun(document: document, set: self)
        var evidence: [Evidence] = []
        for rule in rules {
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

/// A rule with its patterns resolved to indices in the shared table.
public struct CompiledRule: Sendable {
    public let spec: RuleSpec
    let patterns: [Int]
    let with: [Int]
    let without: [Int]
}

