import LacunaCore
import LacunaReports

/// The frame of every page: a skip link, the navigation, the page's content, and the
/// confidentiality statement. Server-rendered HTML with no script and no external asset;
/// the one style sheet comes from this server (`/assets/style.css`).
///
/// Laws: every text from a document, a user or the catalog goes through `HTMLText.escape`;
/// no element carries an inline style or script (the CSP forbids both).
enum PageLayout {
    enum Section: String, CaseIterable {
        case analyse, compare, requirements, database, none

        var title: String {
            switch self {
            case .analyse: "Analyse"
            case .compare: "Compare drafts"
            case .requirements: "Requirements"
            case .database: "Database"
            case .none: ""
            }
        }

        var path: String {
            switch self {
            case .analyse: "/"
            case .none: "/"
            default: "/" + rawValue
            }
        }
    }

    static func escape(_ s: String) -> String { HTMLText.escape(s) }

    /// A whole page around `content`; `database` adds the Database link, `extraStyle` a
    /// second style sheet of this server.
    static func page(title: String, active: Section, database: Bool, content: String, extraStyle: String? = nil) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        h += "<title>\(escape(title)) — Lacuna</title>\n<link rel=\"stylesheet\" href=\"/assets/style.css\" />\n"
        if let extraStyle { h += "<link rel=\"stylesheet\" href=\"\(extraStyle)\" />\n" }
        h += "</head>\n<body>\n<a class=\"skip\" href=\"#content\">Skip to content</a>\n"
        h += "<header class=\"site\"><nav aria-label=\"Main\"><span class=\"brand\">Lacuna</span><ul>"
        for s in Section.allCases where s != .none && (s != .database || database) {
            let current = s == active ? " aria-current=\"page\"" : ""
            h += "<li><a href=\"\(s.path)\"\(current)>\(s.title)</a></li>"
        }
        h += "</ul></nav></header>\n<main id=\"content\" tabindex=\"-1\">\n"
        h += content
        h += "</main>\n<footer class=\"site\"><p id=\"confidentiality\">\(confidentiality)</p></footer>\n</body>\n</html>\n"
        return h
    }

    /// What happens to what the user sends, said on every page.
    static let confidentiality = """
    Confidential drafts stay on this machine: Lacuna runs here, on your own computer or your organisation's server, \
    and sends nothing anywhere. What you paste or upload is held in memory only while it is analysed and while its report \
    is open (at most 30 minutes); it is never written to disk or to a log, unless you press "Save to database" \
    on a report (offered only when the server was started with a database).
    """

    static func errorPage(_ refusal: Refusal) -> String {
        let content = """
        <h1>\(refusal.status.code) \(escape(refusal.status.reasonPhrase))</h1>
        <p class="error" role="alert">\(escape(refusal.message))</p>
        <p><a href="/">Back to Analyse</a></p>

        """
        return page(title: "Error", active: .none, database: false, content: content)
    }

    /// The report content with its coverage bars' inline widths turned into classes
    /// (`w0`…`w100`, in the style sheet), since the CSP allows no inline style.
    static func withoutInlineStyles(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        let open = "<span style=\"width:"
        while let r = rest.range(of: open) {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            guard let close = after.range(of: "%\">"), let n = Int(after[..<close.lowerBound]), (0...100).contains(n) else {
                out += "<span>"
                rest = after.drop(while: { $0 != ">" }).dropFirst()
                continue
            }
            out += "<span class=\"w\(n)\">"
            rest = after[close.upperBound...]
        }
        return out + rest
    }
}
