import LacunaCore

/// The words a report is made of — headings, labels, status and obligation words, the
/// sentences around the counts — in the report's language (``Report/reportLanguage``).
///
/// Laws: the English words are exactly those the reports used before they had a language
/// (the English goldens do not change); every language has every word (a struct, not a
/// lookup); only the human text changes — ids, keys and enum values in machine formats stay
/// English. A language without words of its own (or a report older than the field) is
/// written with the English ones.
struct ReportWords: Sendable {
    let language: String
    // Headings and titles.
    let gapAnalysis: String, gapReport: String, executiveSummary: String, mostSerious: String, findings: String
    let recommendations: String, gapsAndRecommendations: String, coverageByArea: String, areas: String
    let gaps: String, met: String, notInThisText: String, notInTextTag: String, extractNote: String
    let annex: String, annexLegend: (meets: String, meetsInPart: String, contradicts: String, rest: String)
    // Labels (paragraph and table).
    let warning: String, notAddressed: String, finding: String, why: String, review: String, reviewStale: String, recommendation: String
    let document: String, legalTradition: String, readAs: String, languageLabel: String, requirements: String
    let contentHash: String, showing: String, area: String, requirement: String, obligationLabel: String, statusHeading: String
    let evidence: String, coverage: String, line: String, text: String, noFindingShown: String, recommendationLink: String
    let mandatoryGaps: String, sources: String, drafting: String, toolWhy: String, catalog: String, rules: String
    /// Words of the text format's header.
    let file: String, tradition: String, provisions: String, note: String
    let detected: String, given: String
    let statuses: [Status: String], obligations: [Obligation: String]
    /// "(no rule reads it)" after the document's language.
    let noRuleReads: String
    /// Language names in this language, by primary subtag (others: their English name).
    let languageNames: [String: String]
    let summaryDescriptions: [FindingFilter: String]
    let documents: @Sendable (Int) -> String
    let draftingIn: @Sendable (String) -> String
    let whyToolFound: @Sendable (String) -> String
    let reviewed: @Sendable (Int) -> String
    let stale: @Sendable (Int) -> String
    let ofShown: @Sendable (Int, Int) -> String
    let metCount: @Sendable (Int, Int) -> String
    let conflictCount: @Sendable (Int) -> String
    let inConflict: @Sendable (Int) -> String
    let notMetMandatory: @Sendable (Int, Int) -> String
    let contradict: @Sendable (Int) -> String
    let summarySentence: @Sendable (StatusCounts) -> String
    let markdownSummary: @Sendable (StatusCounts, Int) -> String
    let notAddressedExtract: @Sendable (String) -> String
    let notAddressedText: @Sendable (String) -> String
    let sarifNotInText: String
    let metHelp: String

    /// The words of `report`'s language.
    static func of(_ report: Report) -> ReportWords { of(report.reportLanguage) }

    static func of(_ language: Language?) -> ReportWords {
        switch language?.primary {
        case "fr": .french
        case "es": .spanish
        default: .english
        }
    }

    func status(_ s: Status) -> String { statuses[s] ?? s.rawValue }
    func obligation(_ o: Obligation) -> String { obligations[o] ?? o.rawValue }
    func source(_ s: TraditionSource) -> String { s == .detected ? detected : given }
    func filter(_ f: FindingFilter) -> String { summaryDescriptions[f] ?? f.description }

    /// A determined language's name in these words: "French", "français" (a language
    /// without a name here: its English name).
    func name(_ l: Language) -> String {
        l.isDetermined ? languageNames[l.primary] ?? l.name : l.name
    }
}

extension ReportWords {
    static let english = ReportWords(
        language: "en",
        gapAnalysis: "Gap analysis", gapReport: "Lacuna gap report", executiveSummary: "Executive summary",
        mostSerious: "Most serious findings", findings: "Findings", recommendations: "Recommendations",
        gapsAndRecommendations: "Gaps and recommendations", coverageByArea: "Coverage by area", areas: "Areas",
        gaps: "Gaps", met: "Met", notInThisText: "Not in this text", notInTextTag: "NOT IN TEXT", extractNote: "(the text is an extract)",
        annex: "Annex: the text, with the evidence",
        annexLegend: ("meets", "meets in part", "contradicts",
                      " — each highlight links to its finding; the label after it (<sup class=\"tag\">F12</sup>) is the number of the finding(s) it is evidence for."),
        warning: "Warning", notAddressed: "Not addressed", finding: "Finding", why: "Why", review: "Review",
        reviewStale: "Review (stale).", recommendation: "Recommendation", document: "Document", legalTradition: "Legal tradition", readAs: "read as",
        languageLabel: "Language", requirements: "Requirements", contentHash: "Content SHA-256", showing: "showing",
        area: "Area", requirement: "Requirement", obligationLabel: "Obligation", statusHeading: "Status", evidence: "Evidence",
        coverage: "Coverage", line: "line", text: "text", noFindingShown: "No finding of this area is shown.",
        recommendationLink: "recommendation", mandatoryGaps: "mandatory gaps", sources: "sources", drafting: "drafting",
        toolWhy: "tool's why", catalog: "catalog", rules: "rules",
        file: "file", tradition: "tradition", provisions: "provisions", note: "note",
        detected: "detected", given: "given",
        statuses: [.met: "Met", .partial: "Partial", .missing: "Missing", .conflict: "Conflict"],
        obligations: [.mandatory: "mandatory", .recommended: "recommended", .optional: "optional"],
        noRuleReads: "no rule reads it",
        languageNames: [:],
        summaryDescriptions: [:],
        documents: { "\($0) documents" },
        draftingIn: { "Suggested drafting (\($0))" },
        whyToolFound: { "Why the tool found \($0)" },
        reviewed: { "\($0) finding(s) reviewed" },
        stale: { "\($0) stale" },
        ofShown: { "\($0) of \($1)" },
        metCount: { "\($0)/\($1) met" },
        conflictCount: { "\($0) conflict" },
        inConflict: { "\($0) in conflict" },
        notMetMandatory: { "\($0) of the \($1) mandatory requirements are not met" },
        contradict: { "\($0) provision(s) contradict the instruments" },
        summarySentence: { t in
            "Of \(t.total) requirements, \(t.met) are met, \(t.partial) partly met, \(t.missing) missing and \(t.conflict) in conflict with the instruments. "
        },
        markdownSummary: { t, gaps in
            "Of \(t.total) requirements, **\(t.met) are met**, \(t.partial) partly met, \(t.missing) missing and **\(t.conflict) in conflict** with the instruments. "
                + "\(gaps) of the gaps concern mandatory obligations."
        },
        notAddressedExtract: { titles in
            "This text is marked as an extract, and no provision of it concerns \(titles): "
                + "the findings there mean \u{201C}not in this text\u{201D}, not a gap in the law."
        },
        notAddressedText: { titles in
            "No provision of this text concerns \(titles) \u{2014} if it is an extract, these findings say nothing of the rest of the law."
        },
        sarifNotInText: "Not in this text: the document is marked as an extract and no provision of it concerns this area.",
        metHelp: "Met.")
}
