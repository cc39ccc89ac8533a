/// How an HTML report is laid out for print: the paper its `@page` rule asks for, and
/// whether the statute's text with the evidence highlighted follows as an annex.
///
/// Laws: the options change the page's layout, never a finding; the default (A4, with the
/// annex) is what `lacuna analyze --format html` writes without options.
public struct PageOptions: Sendable, Hashable {
    public enum Paper: String, CaseIterable, Sendable {
        case a4, letter

        /// The paper's name in a CSS `size` descriptor.
        var css: String { self == .a4 ? "A4" : "letter" }
    }

    public var paper: Paper
    /// Whether the text, with every piece of evidence highlighted and labelled, is appended
    /// (when the report has the text).
    public var annex: Bool

    public init(paper: Paper = .a4, annex: Bool = true) {
        self.paper = paper
        self.annex = annex
    }

    /// The `@page` rule: the paper size and margins narrow enough for tables of four columns.
    var pageRule: String {
        "@page { size: \(paper.css); margin: 12mm 12mm 13mm; }"
    }
}
