import Foundation
import Hummingbird
import LacunaCore
import LacunaKit
import LacunaReports

/// The JSON API, mirroring the CLI (`docs/openapi.yaml` describes it).
extension LacunaServer {
    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/health") { _, _ in try await self.health() }
        router.get("/api/catalog") { request, _ in try self.catalog(area: request.uri.queryParameters.get("area")) }
        router.post("/api/analyze") { request, _ in try await self.analyzeEndpoint(request) }
        router.post("/api/diff") { request, _ in try await self.diffEndpoint(request) }
    }

    struct Health: Encodable {
        var status = "ok"
        var version = Analyzer.version
        var catalogVersion: String
        var running: Int
        var waiting: Int
        var database: Bool
    }

    func health() async throws -> Response {
        let load = await runner.gate.load
        return try Responses.json(encoding: Health(catalogVersion: analyzer.catalog.version, running: load.running,
                                                   waiting: load.waiting, database: store != nil))
    }

    /// `lacuna catalog --format json`, optionally one area.
    func catalog(area: String?) throws -> Response {
        let catalog = analyzer.catalog
        if let area, !catalog.areas.contains(where: { $0.id == area }) {
            throw UsageError("unknown area \(area) (\(catalog.areas.map(\.id).joined(separator: ", ")))")
        }
        return try Responses.json(encoding: catalog.requirements.filter { area == nil || $0.area == area })
    }

    /// `lacuna analyze --format F --tradition T [--title X] [--report-language L]` on the body or the form's document.
    func analyzeEndpoint(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let format = try Self.reportFormat(query.get("format") ?? "json")
        var choice = try tradition(query.get("tradition"))
        var language = try reportLanguage(query.get("reportLanguage"))
        let (upload, form) = try await upload(request)
        if let t = form?.text("tradition") { choice = try tradition(t) }
        if let l = form?.text("reportLanguage") { language = try reportLanguage(l) }
        let title = query.get("title") ?? form?.text("title").flatMap { $0.isEmpty ? nil : $0 }
        let analysis = try await analyze(upload, tradition: choice, title: title, reportLanguage: language)
        return Responses.text(try format.render([analysis]), type: Responses.mediaType(format.rawValue))
    }

    /// `lacuna diff OLD NEW --format F`: a form with the files `old` and `new`.
    func diffEndpoint(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let name = query.get("format") ?? "json"
        guard let format = DiffRenderer.Format(rawValue: name) else {
            throw UsageError("unknown format \(name) (\(DiffRenderer.Format.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let choice = try tradition(query.get("tradition"))
        guard let form = try await form(request, limit: 2 * bodyLimit) else {
            throw Refusal(.unsupportedMediaType, "send the two drafts as multipart/form-data, in the parts old and new")
        }
        let old = try Self.document(in: form, file: "old", text: nil)
        let new = try Self.document(in: form, file: "new", text: nil)
        let (diff, _, _) = try await self.diff(old: old, new: new, tradition: choice)
        return Responses.text(try DiffRenderer(format: format).render(diff), type: Responses.mediaType(name))
    }

    /// A `--format` value, refused as the CLI refuses it.
    static func reportFormat(_ name: String) throws -> ReportFormat {
        guard let format = ReportFormat(rawValue: name) else {
            throw UsageError("unknown format \(name) (\(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }
}
