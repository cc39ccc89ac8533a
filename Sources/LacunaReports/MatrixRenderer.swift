import Foundation
import LacunaCore

/// Renders the jurisdiction × requirement matrix (``MatrixData``, which the store computes).
///
/// Rows are jurisdictions; where a jurisdiction has several documents, each cell holds the
/// best status any of them reaches (met, then partial, missing, conflict), or the worst
/// (``MatrixData/aggregation``). Only the latest
/// result of each document counts; documents whose latest result is an error are left out
/// (and counted).
public enum MatrixRenderer {
    /// CSV: `jurisdiction,documents,<requirement ids in catalog order>`, one row per
    /// jurisdiction with at least one analysed document; a cell is a status, `not-in-text`
    /// when it is missing only in extracts that do not contain the area, or empty when none
    /// of the jurisdiction's documents was judged on that requirement.
    public static func csv(_ m: MatrixData) -> String {
        var out = (["jurisdiction", "documents"] + m.columns.map(\.requirement)).map(field).joined(separator: ",") + "\r\n"
        for row in m.rows where row.documents > 0 {
            let cells = m.columns.map { c in row.cells[c.requirement].map { $0.isNotInText ? "not-in-text" : $0.status.rawValue } ?? "" }
            out += ([row.jurisdiction, String(row.documents)] + cells).map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func field(_ s: String) -> String { CSVReporter.field(s) }

    /// One self-contained HTML page (inline style, no scripts, no external assets): a heat
    /// map with requirements grouped by area, a legend, and a note on how cells combine
    /// documents. On screen the map scrolls inside a frame the width of the page (1280 px
    /// and narrower), its jurisdiction column and its header staying in view; it prints on
    /// landscape pages with the colours kept.
    public static func html(_ m: MatrixData, title: String = "Lacuna — jurisdictions × requirements") -> String {
        let rows = m.rows.filter { $0.documents > 0 }
        let errorOnly = m.rows.filter { $0.documents == 0 && $0.errors > 0 }
        let documents = rows.reduce(0) { $0 + $1.documents }
        let errors = m.rows.reduce(0) { $0 + $1.errors }
        let areaTitle = Dictionary(m.areas.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var groups: [(area: String, columns: [MatrixData.Column])] = []
        for c in m.columns {
            if groups.last?.area == c.area { groups[groups.count - 1].columns.append(c) } else { groups.append((c.area, [c])) }
        }
        var h = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        <h1>\(esc(title))</h1>
        <p class="meta">\(rows.count) jurisdiction\(rows.count == 1 ? "" : "s"), \(documents) document\(documents == 1 ? "" : "s"), \(m.columns.count) requirements\(errors > 0 ? "; \(errors) document\(errors == 1 ? "" : "s") left out because the latest analysis failed" : "").</p>
        <p class="note">Each row is a jurisdiction. <strong>Where a jurisdiction has several documents, each cell shows the \(m.aggregation == .best ? "best status any of them reaches" : "worst status any of them has")</strong> (\(m.aggregation == .best ? "met, then partial, then missing, then conflict" : "conflict, then missing, then partial, then met")), from the latest analysis of each document still in its source; the tooltip gives the count of documents per status. Columns are the requirements of the catalog, grouped by area; the letter in each cell repeats its status for printing in black and white.</p>
        <p class="legend"><span class="sw st-met">M</span> met <span class="sw st-partial">P</span> partial <span class="sw st-missing">–</span> missing <span class="sw st-conflict">×</span> conflict <span class="sw st-absent">·</span> not in this text (an extract without the area) <span class="sw st-none"></span> not judged</p>
        <div class="matrix-frame">
        <table class="matrix">
        <thead>
        <tr><th class="corner" rowspan="2">Jurisdiction</th><th class="docs" rowspan="2">Docs</th><th class="docs" rowspan="2">Met</th>
        """
        for g in groups {
            h += "<th class=\"area\" colspan=\"\(g.columns.count)\" title=\"\(esc(areaTitle[g.area] ?? g.area))\">\(esc(areaTitle[g.area] ?? g.area))</th>"
        }
        h += "</tr>\n<tr>"
        var number = 0
        for g in groups {
            for (i, c) in g.columns.enumerated() {
                number += 1
                h += "<th class=\"req\(i == 0 ? " first" : "")\" title=\"\(esc(c.requirement)) — \(esc(c.title)) (\(esc(c.obligation.rawValue)))\"><span>\(esc(shortName(c.requirement)))</span></th>"
            }
        }
        h += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            let met = m.columns.filter { row.cells[$0.requirement]?.status == .met }.count
            h += "<tr><th class=\"jur\">\(esc(row.jurisdiction.isEmpty ? "(no jurisdiction)" : row.jurisdiction))</th><td class=\"docs\">\(row.documents)</td><td class=\"docs\">\(met)</td>"
            for g in groups {
                for (i, c) in g.columns.enumerated() {
                    let first = i == 0 ? " first" : ""
                    guard let cell = row.cells[c.requirement] else {
                        h += "<td class=\"st-none\(first)\" title=\"\(esc(c.requirement)): not judged\"></td>"
                        continue
                    }
                    let shown = cell.isNotInText ? "not in this text" : cell.status.rawValue
                    let tip = "\(row.jurisdiction) — \(c.requirement): \(shown) (of \(cell.documents) document\(cell.documents == 1 ? "" : "s"): \(cell.met) met, \(cell.partial) partial, \(cell.missing) missing, \(cell.conflict) conflict)"
                    let cls = cell.isNotInText ? "absent" : cell.status.rawValue
                    h += "<td class=\"st-\(cls)\(first)\" title=\"\(esc(tip))\">\(cell.isNotInText ? "·" : letter(cell.status))</td>"
                }
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n</div>\n"
        if !errorOnly.isEmpty {
            h += "<p class=\"meta\">Jurisdictions with no document analysed (every latest analysis failed): \(errorOnly.map { esc($0.jurisdiction.isEmpty ? "(no jurisdiction)" : $0.jurisdiction) }.joined(separator: ", ")).</p>\n"
        }
        h += "<h2>Requirements</h2>\n<ol class=\"reqs\">\n"
        for c in m.columns {
            h += "<li><code>\(esc(c.requirement))</code> — \(esc(c.title)) <span class=\"ob\">(\(esc(c.obligation.rawValue)))</span></li>\n"
        }
        h += "</ol>\n</main>\n</body>\n</html>\n"
        return h
    }

    /// The requirement id without its area (`definition.act.recruitment` → `act.recruitment`).
    static func shortName(_ id: String) -> String {
        guard let dot = id.firstIndex(of: ".") else { return id }
        return String(id[id.index(after: dot)...])
    }

    static func letter(_ s: Status) -> String {
        switch s {
        case .met: "M"
        case .partial: "P"
        case .missing: "–"
        case .conflict: "×"
        }
    }

    static func esc(_ s: String) -> String { HTMLText.escape(s) }

    static let style = """
    :root { --met:#1b7f3b; --partial:#e0a100; --missing:#c62828; --conflict:#6a1b9a; --none:#eceff3; --ink:#1d1d1f; --muted:#5f6368; --line:#d9dce1; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; background: #fff; }
    main { padding: 20px 24px 48px; }
    h1 { font-size: 22px; margin: 0 0 6px; } h2 { font-size: 17px; margin: 28px 0 8px; }
    .meta, .note { color: var(--muted); font-size: 13px; margin: 4px 0 8px; max-width: 1100px; }
    .legend { font-size: 13px; } .legend .sw { display: inline-block; width: 18px; height: 16px; line-height: 16px; text-align: center; color: #fff; font-size: 11px; border-radius: 2px; margin: 0 4px 0 12px; vertical-align: middle; }
    .legend .sw:first-child { margin-left: 0; }
    /* The frame scrolls, the page does not: the first column and the header stay in view. */
    .matrix-frame { max-width: 100%; max-height: calc(100vh - 40px); overflow: auto; margin-top: 10px; border: 1px solid var(--line); }
    table.matrix { border-collapse: separate; border-spacing: 0; font-size: 11px; }
    .matrix thead th { position: sticky; top: 0; z-index: 2; }
    .matrix thead tr + tr th { top: 21px; } .matrix th.area { height: 21px; }
    .matrix th.corner { z-index: 4; } .matrix th.jur { z-index: 1; box-shadow: 1px 0 0 var(--line); }
    .matrix th, .matrix td { border: 1px solid #fff; padding: 0; }
    .matrix th.corner, .matrix th.jur { text-align: left; padding: 2px 8px 2px 2px; white-space: nowrap; font-weight: 600; background: #fff; position: sticky; left: 0; }
    .matrix th.area { background: #f1f3f5; font-weight: 600; padding: 3px 4px; border-left: 2px solid #9aa0a6; max-width: 1px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .matrix th.req { height: 150px; width: 16px; min-width: 16px; vertical-align: bottom; background: #fafbfc; font-weight: 400; }
    .matrix th.req span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; display: inline-block; padding: 4px 0; color: var(--muted); }
    .matrix td { width: 16px; min-width: 16px; height: 18px; text-align: center; color: #fff; font-weight: 700; }
    .matrix td.docs, .matrix th.docs { color: var(--ink); font-weight: 400; padding: 0 6px; background: #fafbfc; text-align: right; }
    .matrix .first { border-left: 2px solid #9aa0a6; }
    .st-met { background: var(--met); } .st-partial { background: var(--partial); } .st-missing { background: var(--missing); }
    .st-conflict { background: var(--conflict); } .st-none { background: var(--none); }
    .st-absent { background: repeating-linear-gradient(45deg, #c9ced6 0 3px, #eceff3 3px 6px); color: var(--ink); }
    ol.reqs { columns: 2; font-size: 12px; color: var(--ink); } ol.reqs code { font-size: 11px; } .ob { color: var(--muted); }
    @media print {
      @page { size: landscape; margin: 8mm; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      main { padding: 0; } .matrix th.jur, .matrix th.corner, .matrix thead th { position: static; }
      .matrix-frame { max-height: none; overflow: visible; border: none; }
      thead { display: table-header-group; } tr { page-break-inside: avoid; }
    }
    """
}
