/// One document taken through the whole pipeline: the text that was read, its provision
/// tree, which plugin(s) read it, the evidence the rules found and the judged report. The
/// one value the pipeline entry returns and front ends (CLI, batch, explain, outline,
/// reporters, tests) read.
///
/// Laws:
/// - `evidence` holds only evidence on operative text: the pipeline entry (`Analyzer` in
///   LacunaKit) drops evidence on excluded (non-law) spans once, before judging; front ends
///   never filter again.
/// - `report.findings` are the judgement of exactly `evidence` against the catalog.
/// - Every offset in `document` and `evidence` is a UTF-8 byte offset into `source.utf8`;
///   every offset in `report` is a Unicode scalar offset into `source.text`.
public struct Analysis: Sendable {
    /// The provision tree, what is not law, definitions and the trafficking scope.
    public var document: Document
    /// The tradition(s) whose plugins read the document, and whether they were detected.
    public var tradition: TraditionChoice
    /// What each rule that ran looks for (to explain what was not found).
    public var rules: [RuleInfo]
    /// Evidence on operative text, in the order the rules found it.
    public var evidence: [Evidence]
    public var report: Report
    /// The languages the rules that ran read (``Report``'s `document.language` is the text's).
    public var ruleLanguages: [Language]

    public init(document: Document, tradition: TraditionChoice, rules: [RuleInfo], evidence: [Evidence], report: Report,
                ruleLanguages: [Language] = [.english]) {
        self.document = document
        self.tradition = tradition
        self.rules = rules
        self.evidence = evidence
        self.report = report
        self.ruleLanguages = ruleLanguages
    }

    /// The problem when the text is in a language none of the rules read: its findings do not
    /// assess the document. Front ends refuse such a report unless asked to keep it.
    public var unreadLanguage: UnreadLanguage? {
        guard report.document.languageRead == false, let language = report.document.language else { return nil }
        return UnreadLanguage(path: source.path, language: language, read: ruleLanguages)
    }

    /// The evidence of `found` that lies on operative text of `document`: the one filter of
    /// excluded text between the rules and the judge.
    public static func operative(_ found: [Evidence], in document: Document) -> [Evidence] {
        found.filter { !document.isExcluded($0.range) }
    }

    /// Names the document `title` (`--title`), in the report and the document alike.
    public mutating func setTitle(_ title: String) {
        document.title = title
        report.document.title = title
    }

    /// The text as read, with its path, format and hash.
    public var source: SourceText { document.source }
}
