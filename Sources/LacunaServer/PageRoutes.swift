import Foundation
import Hummingbird
import LacunaCore
import LacunaReports

/// The pages: Analyse → report (with downloads and explanations), Compare drafts,
/// Requirements, Database, sign-in, and the style sheets.
extension LacunaServer {
    func addPageRoutes(to router: Router<BasicRequestContext>) {
        router.get("/assets/style.css") { _, _ in Responses.text(Stylesheet.site, type: "text/css; charset=utf-8") }
        router.get("/assets/matrix.css") { _, _ in Responses.text(Stylesheet.matrix, type: "text/css; charset=utf-8") }
        router.get("/") { _, _ in Responses.html(self.page(.analyse, Pages.analyseForm(traditions: self.traditions))) }
        router.post("/analyse") { request, _ in try await self.analysePage(request) }
        router.get("/report/:id") { _, context in try await self.reportPage(id: context.parameters.get("id") ?? "") }
        router.post("/report/:id/save") { request, context in try await self.saveReport(id: context.parameters.get("id") ?? "", request) }
        router.get("/report/:id/:format") { _, context in
            try await self.reportDownload(id: context.parameters.get("id") ?? "", format: context.parameters.get("format") ?? "")
        }
        router.get("/compare") { _, _ in Responses.html(self.page(.compare, Pages.compareForm(traditions: self.traditions))) }
        router.post("/compare") { request, _ in try await self.comparePage(request) }
        router.get("/requirements") { _, _ in Responses.html(self.page(.requirements, Pages.requirements(self.analyzer.catalog))) }
        router.get("/database") { _, _ in try self.databasePage() }
        router.get("/database/result/:id") { _, context in try self.storedReportPage(id: context.parameters.get("id") ?? "") }
        router.get("/login") { _, _ in Responses.html(self.page(.none, Pages.login(failed: false), title: "Sign in")) }
        router.post("/login") { request, _ in try await self.login(request) }
    }

    /// A page of the site with the current section marked.
    func page(_ section: PageLayout.Section, _ content: String, title: String? = nil, extraStyle: String? = nil) -> String {
        PageLayout.page(title: title ?? section.title, active: section, database: store != nil, content: content, extraStyle: extraStyle)
    }

    /// The Analyse form's submission: analyse, keep the analysis in memory, show its report.
    func analysePage(_ request: Request) async throws -> Response {
        guard let form = try await form(request, limit: bodyLimit) else {
            throw Refusal(.unsupportedMediaType, "the Analyse form sends multipart/form-data")
        }
        let upload = try Self.document(in: form, file: "file", text: "text")
        let choice = try tradition(form.text("tradition"))
        let title = form.text("title").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let analysis = try await analyze(upload, tradition: choice, title: title, reportLanguage: try reportLanguage(form.text("reportLanguage")))
        let id = await cache.put(analysis)
        return Response(status: .seeOther, headers: [.location: "/report/\(id)"])
    }

    func cached(_ id: String) async throws -> Analysis {
        guard id.count == 32, id.allSatisfy(\.isHexDigit), let analysis = await cache.get(id) else {
            throw Refusal(.notFound, "this report is no longer in memory (reports are kept for 30 minutes); analyse the document again")
        }
        return analysis
    }

    func reportPage(id: String) async throws -> Response {
        let analysis = try await cached(id)
        let save = settings.databasePath.map { Self.saveForm(id: id, database: $0) }
        let content = Pages.report(analysis, id: id, explanations: explanations(analysis), save: save)
        return Responses.html(page(.analyse, content, title: "Report: \(analysis.report.document.displayTitle)"))
    }

    /// What `lacuna explain` prints for each finding, by requirement id.
    func explanations(_ analysis: Analysis) -> [String: String] {
        var out: [String: String] = [:]
        for f in analysis.report.findings {
            guard let requirement = analyzer.catalog[f.requirement], let e = Explanation(requirement, in: analysis) else { continue }
            out[f.requirement] = ExplanationRenderer.text(e)
        }
        return out
    }

    func reportDownload(id: String, format name: String) async throws -> Response {
        let analysis = try await cached(id)
        if name == "docx" {
            return Responses.download(try DocxReporter().data([analysis]), format: "docx", document: analysis.report.document.path)
        }
        let format = try Self.reportFormat(name)
        return Responses.download(try format.render([analysis]), format: format.rawValue, document: analysis.report.document.path)
    }

    func comparePage(_ request: Request) async throws -> Response {
        guard let form = try await form(request, limit: 2 * bodyLimit) else {
            throw Refusal(.unsupportedMediaType, "the Compare form sends multipart/form-data")
        }
        let old = try Self.document(in: form, file: "old", text: nil)
        let new = try Self.document(in: form, file: "new", text: nil)
        let (diff, before, after) = try await self.diff(old: old, new: new, tradition: try tradition(form.text("tradition")))
        let html = try DiffRenderer(format: .html).render(diff)
        return Responses.html(page(.compare, Pages.comparison(html, old: before, new: after), title: "Changes between drafts"))
    }

    func login(_ request: Request) async throws -> Response {
        let form = try await form(request, limit: 64 * 1024)
        guard let token = settings.token else { return Response(status: .seeOther, headers: [.location: "/"]) }
        guard let given = form?.text("token"), TokenGuard<BasicRequestContext>.same(given.trimmingCharacters(in: .whitespacesAndNewlines), token) else {
            return Responses.html(page(.none, Pages.login(failed: true), title: "Sign in"), status: .unauthorized)
        }
        return Response(status: .seeOther, headers: [.location: "/", .setCookie: TokenGuard<BasicRequestContext>.cookie(token)])
    }
}
