import LacunaCore
import LacunaReports

/// The content of each page (inside `<main>`). Pure: the same input, the same HTML.
///
/// Laws: every control has a label; every text from a document, a user or the catalog is
/// escaped; no inline style or script.
enum Pages {
    static func escape(_ s: String) -> String { HTMLText.escape(s) }

    static func traditionSelect(_ traditions: [Tradition], hint: String) -> String {
        var h = "<div><label for=\"tradition\">Legal tradition <span class=\"hint\">\(hint)</span></label>\n<select id=\"tradition\" name=\"tradition\">\n"
        h += "<option value=\"auto\" selected=\"selected\">Detect it from the text</option>\n"
        for t in traditions { h += "<option value=\"\(escape(t.rawValue))\">\(escape(label(t)))</option>\n" }
        return h + "</select></div>\n"
    }

    /// The language the report is written in: the document's (when the catalog has it) or one chosen.
    static let reportLanguageSelect = """
        <div><label for="reportLanguage">Report language <span class="hint">recommendations, drafting and headings; English when not translated</span></label>
        <select id="reportLanguage" name="reportLanguage">
        <option value="auto" selected="selected">The document's language</option>
        <option value="en">English</option>
        <option value="fr" lang="fr">Français</option>
        <option value="es" lang="es">Español</option>
        </select></div>

        """

    /// `civil-law` → `Civil law`.
    static func label(_ t: Tradition) -> String {
        let words = t.rawValue.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func analyseForm(traditions: [Tradition]) -> String {
        """
        <h1>Analyse a law or a draft bill</h1>
        <p>Lacuna reports, requirement by requirement, where anti-trafficking legislation falls short of the UN Trafficking \
        in Persons Protocol and the UNODC Model Law: met, partial, missing or in conflict, with the evidence and a recommendation.</p>
        <form class="tool" method="post" action="/analyse" enctype="multipart/form-data">
        <div><label for="file">The document <span class="hint">plain text, Word (.docx), PDF, HTML or Akoma Ntoso XML</span></label>
        <input id="file" name="file" type="file" accept=".txt,.text,.docx,.pdf,.html,.htm,.xhtml,.xml,.akn,text/plain,text/html,application/pdf,application/xml,application/vnd.openxmlformats-officedocument.wordprocessingml.document" /></div>
        <div><label for="text">Or paste its text <span class="hint">used when no file is chosen</span></label>
        <textarea id="text" name="text" rows="10"></textarea></div>
        \(traditionSelect(traditions, hint: "the numbering and drafting conventions to read it with"))\(reportLanguageSelect)<div><label for="title">Title <span class="hint">optional; otherwise read from the text</span></label>
        <input id="title" name="title" type="text" maxlength="300" /></div>
        <button type="submit">Analyse</button>
        </form>

        """
    }

    static func compareForm(traditions: [Tradition]) -> String {
        """
        <h1>Compare two drafts</h1>
        <p>See which gaps a new draft closes, which it opens, and what changed status or moved.</p>
        <form class="tool" method="post" action="/compare" enctype="multipart/form-data">
        <div><label for="old">The older draft</label><input id="old" name="old" type="file" required="required" /></div>
        <div><label for="new">The newer draft</label><input id="new" name="new" type="file" required="required" /></div>
        \(traditionSelect(traditions, hint: "both drafts are read with one; detected from the older draft"))<button type="submit">Compare</button>
        </form>

        """
    }

    static func login(failed: Bool) -> String {
        var h = "<h1>Sign in</h1>\n"
        if failed { h += "<p class=\"error\" role=\"alert\">That is not this server's access token.</p>\n" }
        h += """
        <p>This server is shared: enter the access token its administrator gave you.</p>
        <form class="tool" method="post" action="/login" enctype="multipart/form-data">
        <div><label for="token">Access token</label><input id="token" name="token" type="password" autocomplete="current-password" required="required" /></div>
        <button type="submit">Sign in</button>
        </form>

        """
        return h
    }

    /// The content inside `<main>` of a whole page a renderer made.
    static func mainContent(of page: String) -> String {
        guard let start = page.range(of: "<main>\n"), let end = page.range(of: "</main>", options: .backwards), start.upperBound <= end.lowerBound else {
            return page
        }
        return String(page[start.upperBound..<end.lowerBound])
    }

    static func comparison(_ diffPage: String, old: Analysis, new: Analysis) -> String {
        var h = "<p><a href=\"/compare\">Compare other drafts</a></p>\n"
        h += PageLayout.withoutInlineStyles(mainContent(of: diffPage))
        h += "<p class=\"meta\">Older: \(escape(old.report.document.path)) · newer: \(escape(new.report.document.path)) · "
        h += "read as \(escape(new.report.document.traditionsDescription))</p>\n"
        return h
    }
}
