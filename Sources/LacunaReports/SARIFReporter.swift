import Foundation
import LacunaCore

/// SARIF 2.1.0, so gap reports show in code-review tools: each requirement is a rule, each
/// gap a result located at its evidence (or at the start of the document when there is none).
public struct SARIFReporter: Reporter {
    public init() {}

    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    struct Log: Encodable {
        let version = "2.1.0"
        let schema = SARIFReporter.schemaURI
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    struct Run: Encodable {
        let tool: Tool
        /// Present only to carry warnings (``Report/warnings``) as tool notifications.
        let invocations: [Invocation]?
        let artifacts: [Artifact]
        let results: [Result]
        let properties: [String: String]
    }
    struct Tool: Encodable { let driver: Driver }
    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }
    struct Notification: Encodable {
        let level: String
        let message: Message
    }
    struct Driver: Encodable {
        let name = "lacuna"
        let version: String
        let informationUri = "https://www.unodc.org/unodc/en/human-trafficking/"
        let rules: [RuleDescriptor]
    }
    struct RuleDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }
    /// A rule's properties; a run is one document, so they also carry the requirement's
    /// finding in it — its status and why, met findings included (a result is made only for
    /// a gap).
    struct RuleProperties: Encodable {
        let obligation: String
        let area: String
        let sources: [String]
        let status: String
        let why: String?
    }
    struct Configuration: Encodable { let level: String }
    struct Message: Encodable { let text: String }
    struct Artifact: Encodable {
        let location: ArtifactLocation
        let hashes: [String: String]
    }
    struct ArtifactLocation: Encodable {
        let uri: String
        let index: Int?
    }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let kind: String
        let message: Message
        let locations: [Location]
        let properties: [String: String]
    }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let charOffset: Int?
        let charLength: Int?
        let snippet: Message?
    }

    /// error for conflicts and mandatory gaps, warning for other partial or missing
    /// recommended requirements, note for optional ones.
    static func level(_ f: Finding) -> String {
        if f.status == .conflict { return "error" }
        switch f.obligation {
        case .mandatory: return "error"
        case .recommended: return "warning"
        case .optional: return "note"
        }
    }

    public func render(_ report: Report) throws -> String {
        try render([report])
    }

    /// One log with a run per report (`lacuna analyze a b --format sarif`).
    public func render(_ reports: [Report]) throws -> String {
        let data = try JSONReporter.encoder.encode(Log(runs: reports.map(run)))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func run(_ report: Report) -> Run {
        let uri = SARIFReporter.uri(for: report.document.path)
        let w = ReportWords.of(report)
        let rules = report.findings.map { f in
            RuleDescriptor(id: f.requirement, name: f.title,
                           shortDescription: Message(text: f.title),
                           fullDescription: Message(text: "\(f.title) (\(f.sources.joined(separator: "; ")))"),
                           help: Message(text: f.recommendation ?? w.metHelp),
                           defaultConfiguration: Configuration(level: f.obligation == .mandatory ? "error" : (f.obligation == .recommended ? "warning" : "note")),
                           properties: RuleProperties(obligation: f.obligation.rawValue, area: f.area, sources: f.sources,
                                                      status: f.status.rawValue, why: f.why))
        }
        var results: [Result] = []
        for (index, f) in report.findings.enumerated() where f.status.isGap {
            let e = f.evidence.first
            let region = Region(startLine: e?.line ?? 1, startColumn: e?.column ?? 1,
                                charOffset: e?.start, charLength: e.map { $0.end - $0.start },
                                snippet: e.map { Message(text: ReportText.flat($0.text)) })
            var text = "\(w.status(f.status)): \(f.title). \(f.explanation)"
            if let why = f.why { text += " \(w.why): \(why)" }
            if let review = f.review { text += " \(w.review): \(review.sentence)." }
            if let r = f.recommendation { text += " \(w.recommendation): \(r)" }
            // In an extract, an area the text does not contain is not a failure of the law.
            let absent = f.notInText == true
            if absent { text += " " + w.sarifNotInText }
            results.append(Result(
                ruleId: f.requirement, ruleIndex: index, level: absent ? "none" : SARIFReporter.level(f), kind: absent ? "notApplicable" : "fail",
                message: Message(text: text),
                locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri, index: 0), region: region))],
                properties: ["status": f.status.rawValue, "obligation": f.obligation.rawValue]))
        }
        let notifications = ReportText.warnings(report).map { Notification(level: "warning", message: Message(text: $0)) }
            + (ReportText.notAddressed(report).map { [Notification(level: "note", message: Message(text: $0))] } ?? [])
        var properties = ["tradition": report.document.traditionsDescription, "catalogVersion": report.catalogVersion,
                          "rulesVersion": report.rulesVersion]
        if let language = report.document.language { properties["language"] = language.rawValue }
        let run = Run(tool: Tool(driver: Driver(version: report.toolVersion, rules: rules)),
                      invocations: notifications.isEmpty ? nil : [Invocation(executionSuccessful: true, toolExecutionNotifications: notifications)],
                      artifacts: [Artifact(location: ArtifactLocation(uri: uri, index: nil), hashes: ["sha-256": report.document.contentHash])],
                      results: results,
                      properties: properties)
        return run
    }

    /// A relative path stays relative (resolved against the run's working directory by
    /// viewers); an absolute one becomes a file URI.
    public static func uri(for path: String) -> String {
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
