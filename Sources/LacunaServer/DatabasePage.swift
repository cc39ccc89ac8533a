import Foundation
import Hummingbird
import LacunaCore
import LacunaReports
import LacunaStore

/// The Database page (`--db`): the jurisdiction × requirement matrix, the documents with
/// their latest results, and the runs; each stored report on a page of its own.
extension LacunaServer {
    func requireStore() throws -> Store {
        guard let store else { throw Refusal(.notFound, "no database: start the server with --db FILE to see one") }
        return store
    }

    func databasePage() throws -> Response {
        let store = try requireStore()
        let matrix = Pages.mainContent(of: MatrixRenderer.html(try store.matrix()))
        var h = "<h1>Database</h1>\n<p class=\"meta\">\(PageLayout.escape((store.path as NSString).lastPathComponent))</p>\n"
        h += "<h2>Documents</h2>\n" + Pages.results(try store.results())
        h += "<h2>Runs</h2>\n" + Pages.runs(try store.runs())
        h += "<h2>Jurisdictions × requirements</h2>\n<div class=\"table-wrap\">\n" + matrix.replacingOccurrences(of: "<h1>", with: "<h3>").replacingOccurrences(of: "</h1>", with: "</h3>") + "</div>\n"
        return Responses.html(page(.database, h, extraStyle: "/assets/matrix.css"))
    }

    func storedReportPage(id: String) throws -> Response {
        let store = try requireStore()
        guard let n = Int64(id), let json = try store.reportJSON(result: n) else {
            throw Refusal(.notFound, "no stored report \(id)")
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
        let content = Pages.mainContent(of: try HTMLReporter().render(report))
        return Responses.html(page(.database, "<p><a href=\"/database\">Back to the database</a></p>\n" + PageLayout.withoutInlineStyles(content),
                                   title: "Stored report: \(report.document.displayTitle)"))
    }
}

extension Pages {
    /// Each document's latest result, with a link to its report.
    static func results(_ all: [ResultRecord]) -> String {
        var latest: [String: ResultRecord] = [:]
        for r in all { latest[r.path] = r }
        guard !latest.isEmpty else { return "<p>No documents yet: add some with <code>lacuna batch --db</code>.</p>\n" }
        var h = "<div class=\"table-wrap\"><table>\n<tr><th>Document</th><th>Jurisdiction</th><th>Result</th><th>Met</th><th>Partial</th><th>Missing</th><th>Conflict</th></tr>\n"
        for r in latest.values.sorted(by: { ($0.jurisdiction ?? "", $0.path) < ($1.jurisdiction ?? "", $1.path) }) {
            let name = escape((r.path as NSString).lastPathComponent)
            let link = r.counts == nil ? name : "<a href=\"/database/result/\(r.id)\">\(name)</a>"
            h += "<tr><td>\(link)<br /><span class=\"req\">\(escape(r.path))</span></td><td>\(escape(r.jurisdiction ?? "—"))</td>"
            h += "<td>\(escape(r.error ?? r.status.rawValue))</td>"
            if let c = r.counts {
                h += "<td>\(c.statuses.met)</td><td>\(c.statuses.partial)</td><td>\(c.statuses.missing)</td><td>\(c.statuses.conflict)</td></tr>\n"
            } else {
                h += "<td colspan=\"4\">—</td></tr>\n"
            }
        }
        return h + "</table></div>\n"
    }

    static func runs(_ runs: [RunRecord]) -> String {
        guard !runs.isEmpty else { return "<p>No runs yet.</p>\n" }
        var h = "<div class=\"table-wrap\"><table>\n<tr><th>Run</th><th>Started</th><th>Status</th><th>Source</th><th>Tradition</th><th>Documents</th></tr>\n"
        for r in runs {
            h += "<tr><td>\(r.id)</td><td>\(escape(r.startedAt))</td><td>\(escape(r.status.rawValue))</td><td>\(escape(r.source))</td>"
            h += "<td>\(escape(r.tradition))</td><td>\(r.planned)</td></tr>\n"
        }
        return h + "</table></div>\n"
    }
}
