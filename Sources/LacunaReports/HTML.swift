/// Escapes text for HTML element content and attribute values: markup characters as
/// entities, and control characters (but line breaks and tabs) as visible stand-ins
/// (``DisplayText``) — they are not allowed in HTML and could hide text.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var scalars = s.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let c = next {
            next = scalars.next()
            switch c {
            // A carriage return is a line break, as browsers read it (one with the line feed after it).
            case "\r": if next != "\n" { out += "\n" }
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(c)
            default:
                if DisplayText.isUnsafe(c) { out += DisplayText.picture(of: c) } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}

/// HTML helpers and the shared style sheet of the HTML reports.
enum HTML {
    static func escape(_ s: String) -> String { HTMLText.escape(s) }

    /// A safe fragment id from a requirement id.
    static func id(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    static func badge(_ status: Status, _ w: ReportWords = .english) -> String {
        "<span class=\"badge st-\(status.rawValue)\">\(w.status(status))</span>"
    }

    static let style = """
    :root { --met:#1b7f3b; --partial:#b26a00; --missing:#b3261e; --conflict:#6a1b9a; --ink:#1d1d1f; --muted:#5f6368; --line:#d9dce1; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; background: #f6f7f9; }
    main { max-width: 1100px; margin: 0 auto; padding: 28px 32px 64px; background: #fff; }
    h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 36px 0 12px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 24px 0 8px; }
    .meta { color: var(--muted); font-size: 13px; margin-bottom: 20px; } .meta code { font-size: 12px; }
    .warning { border: 2px solid var(--conflict); background: #f6ecfb; border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
    .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0 20px; }
    .card { flex: 1 1 120px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
    .card .n { font-size: 28px; font-weight: 700; } .card .l { color: var(--muted); font-size: 13px; }
    .card.met .n { color: var(--met); } .card.partial .n { color: var(--partial); } .card.missing .n { color: var(--missing); } .card.conflict .n { color: var(--conflict); }
    table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }
    th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
    th { background: #f1f3f5; font-weight: 600; }
    .bar { height: 8px; background: #eceff3; border-radius: 4px; overflow: hidden; min-width: 80px; }
    .bar span { display: block; height: 100%; background: var(--met); }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
    .st-met { background: var(--met); } .st-partial { background: var(--partial); } .st-missing { background: var(--missing); } .st-conflict { background: var(--conflict); }
    .req { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; color: var(--muted); }
    .quote { font-style: italic; }
    .why { font-size: 13px; color: var(--muted); }
    .review { font-size: 13px; border-left: 3px solid #1a73e8; padding-left: 6px; display: inline-block; } .review.stale { border-left-color: var(--conflict); font-weight: 600; }
    .note { border-left: 4px solid var(--muted); background: #f4f5f7; padding: 8px 12px; margin: 12px 0; }
    .rec { border-left: 4px solid var(--line); padding: 4px 12px; margin: 10px 0 18px; }
    .rec.st-conflict-b { border-color: var(--conflict); } .rec.st-missing-b { border-color: var(--missing); } .rec.st-partial-b { border-color: var(--partial); }
    .rec p { margin: 6px 0; } .rec .src { color: var(--muted); font-size: 13px; }
    pre.statute { white-space: pre-wrap; word-wrap: break-word; font: 13.5px/1.55 Georgia, "Times New Roman", serif; background: #fbfbfc; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; }
    mark { border-radius: 3px; padding: 0 1px; color: inherit; }
    mark.ev-met { background: #d7f0de; } mark.ev-partial { background: #fde7c2; } mark.ev-conflict { background: #ead6f5; outline: 1px solid var(--conflict); }
    mark a { color: inherit; text-decoration: none; }
    a { color: #0b57d0; }
    .legend span { margin-right: 14px; font-size: 13px; }
    .diff-closed { color: var(--met); font-weight: 600; } .diff-opened { color: var(--missing); font-weight: 600; }
    table.drafts th { width: 110px; } .redline { font: 14px/1.6 Georgia, "Times New Roman", serif; }
    .redline del { color: var(--missing); background: #fbe4e2; } .redline ins { color: var(--met); background: #dff3e5; text-decoration: underline; }
    .fno { font: 600 11px/1 ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--ink); background: #eceff3; border-radius: 3px; padding: 1px 4px; white-space: nowrap; }
    h3 .fno { vertical-align: 2px; }
    sup.tag { font: 600 9px/1 ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--ink); background: #eceff3; border: 1px solid var(--line); border-radius: 3px; padding: 0 2px; margin-left: 1px; vertical-align: 4px; }
    @media print {
      body { background: #fff; font-size: 8pt; line-height: 1.25; } main { max-width: none; padding: 0; }
      h1 { font-size: 14pt; } h2 { font-size: 11.5pt; margin: 10pt 0 4pt; } h3 { font-size: 9.5pt; margin: 6pt 0 2pt; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      .meta { font-size: 7pt; margin-bottom: 5pt; } .meta code { font-size: 6.5pt; }
      .cards { margin: 3pt 0 5pt; gap: 6pt; } .card { padding: 2pt 8pt; border-radius: 4px; } .card .n { font-size: 13pt; } .card .l { font-size: 7pt; }
      table { font-size: 7.5pt; margin: 2pt 0 6pt; } th, td { padding: 1.5pt 4pt; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      .badge { font-size: 6.5pt; padding: 0 5px; } .req, .fno { font-size: 6.5pt; }
      /* The gaps follow the summary in full, so the list of the most serious is left to the screen. */
      .serious { display: none; }
      /* A gap: its title and sources on one line, then its finding, recommendation and drafting. */
      .rec { margin: 1pt 0 3pt; padding: 0 0 0 7pt; border-left-width: 3px; } .rec h3 { display: inline; margin: 0; font-size: 8.5pt; }
      .rec .src { display: inline; margin-left: 6pt; font-size: 6.5pt; } .rec p { margin: 1pt 0; }
      /* On paper a gap's finding and why are cut (the screen and lacuna explain have them whole): a missing requirement's finding, the list of what was looked for, to its first line, and its why (nothing found, rule 1) left out; a partial or conflicting finding to two lines (the annex quotes the words), its why to one. */
      .rec p.finding, .rec p.why { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 1; line-clamp: 1; overflow: hidden; }
      .rec:not(.st-missing-b) p.finding { -webkit-line-clamp: 2; line-clamp: 2; }
      .rec p.why { font-size: inherit; } .rec.st-missing-b p.why { display: none; }
      /* Every finding on one line: title and id side by side, the evidence cut to what fits (the gaps above quote it in full). */
      tr.met td, tr.gap td { padding-top: 0.5pt; padding-bottom: 0.5pt; font-size: 7pt; } tr.met td { color: #3c4043; }
      tr.met td br, tr.gap td br { display: none; } tr.met td:first-child, tr.gap td:first-child { white-space: nowrap; }
      /* ... and by its number only (the gaps above give the ids). */
      tr.met .req, tr.gap .req { margin-left: 4px; font-size: 0; } tr.met .req .fno, tr.gap .req .fno { font-size: 6.5pt; }
      tr.met td:last-child, tr.gap td:last-child { max-width: 0; width: 45%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      /* The links to a recommendation: on paper the recommendations come first, by number. */
      td a[href*="rec-"] { display: none; }
      ol { margin: 2pt 0; padding-left: 18pt; }
      a { color: inherit; text-decoration: none; }
      .badge, mark, .bar span, .card, .fno, sup.tag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      section.annex { break-before: page; page-break-before: always; }
      section.annex h2 { margin-top: 0; }
      pre.statute { border: none; padding: 0; font-size: 8pt; line-height: 1.5; background: none; }
      sup.tag { font-size: 6pt; }
    }
    """
}

import LacunaCore
