import Foundation
import Hummingbird
import LacunaCore
import LacunaKit
import LacunaReports
import LacunaStore

/// "Save to database": the one way a document analysed on the page reaches the disk. With
/// `--db`, the report page offers it; pressing it records the report in the store as a run of
/// its own (source `lacuna serve`), which the Database page and `lacuna matrix` then show.
///
/// Laws: nothing is written unless the user presses the button; what is written is what a
/// batch stores for a document — its report (with the quoted evidence), content hash and
/// versions — never the uploaded file; the document is stored under `serve/<its name>`, so a
/// saved draft never replaces a document a batch keeps; without `--db` the route is a 404.
extension LacunaServer {
    /// The form under a report's downloads (only with a database).
    static func saveForm(id: String, database: String) -> String {
        """
        <form method="post" action="/report/\(id)/save" enctype="multipart/form-data" class="save-form" id="save-form">
        <p><strong>Keep this report:</strong> nothing you upload is stored unless you press Save. Saving writes this report \
        (with its quoted evidence, not the file) to the database <code>\(Pages.escape(database))</code>.</p>
        <p><label for="save-jurisdiction">Jurisdiction (optional)</label> <input id="save-jurisdiction" name="jurisdiction" maxlength="120">
        <label for="save-year">Year (optional)</label> <input id="save-year" name="year" inputmode="numeric" maxlength="4" pattern="[0-9]{4}">
        <button type="submit" id="save-button">Save to database</button></p>
        </form>

        """
    }

    /// Records the cached analysis `id` in the store and shows its stored report.
    func saveReport(id: String, _ request: Request) async throws -> Response {
        guard let store else { throw Refusal(.notFound, "this server has no database (start it with --db FILE)") }
        let analysis = try await cached(id)
        let form = try await form(request, limit: 64 * 1024)
        let jurisdiction = form?.text("jurisdiction").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let yearText = form?.text("year").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard yearText.isEmpty || (yearText.count == 4 && Int(yearText) != nil) else {
            throw Refusal(.badRequest, "year: write a year of four digits, not \"\(yearText)\"")
        }
        let report = analysis.report
        let now = ISO8601DateFormatter().string(from: Date())
        let name = (report.document.path as NSString).lastPathComponent
        let meta = DocumentMetadata(path: "serve/" + (name.isEmpty ? "document" : name), jurisdiction: jurisdiction,
                                    tradition: analysis.tradition.description, title: report.document.title, year: Int(yearText))
        let result = DocumentResult(document: meta, traditionRequested: analysis.tradition.description,
                                    tradition: analysis.tradition.description, contentHash: report.document.contentHash,
                                    catalogVersion: report.catalogVersion, rulesVersion: report.rulesVersion,
                                    toolVersion: report.toolVersion, readingOptions: analyzer.readingOptions,
                                    outcome: .analysed(report, json: CompactJSON.encode(report)))
        let saved: Int64? = try await runner.run(name) {
            let run = try store.beginRun(NewRun(source: "lacuna serve", shard: nil, tradition: analysis.tradition.description,
                                                catalogVersion: report.catalogVersion, rulesVersion: report.rulesVersion,
                                                toolVersion: report.toolVersion, startedAt: now))
            try store.setPlanned(run: run, documents: 1)
            try store.record([result], run: run)
            _ = try store.finishRun(run, finishedAt: now)
            return try store.results(run: run).first?.id
        }
        let target = saved.map { "/database/result/\($0)" } ?? "/database"
        return Response(status: .seeOther, headers: [.location: target])
    }
}
