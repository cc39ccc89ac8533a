import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LacunaCore
import LacunaKit
import LacunaReports
@testable import LacunaServer
import LacunaTestSupport
import NIOCore
import Testing

/// The pages: forms, the report with its downloads and explanations, compare, requirements,
/// database, sign-in.
@Suite struct PageRouteTests {
    /// Every control of a page has a label naming its id.
    static func unlabelled(_ html: String) -> [String] {
        let ids = html.matches(of: /<(?:input|select|textarea) id="([^"]+)"/).map { String($0.1) }
        return ids.filter { !html.contains("<label for=\"\($0)\"") }
    }

    static func checkPage(_ html: String) {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains(" style=\""), "an inline style the CSP would block")
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"), "an external asset")
        #expect(html.contains("id=\"confidentiality\""))
        #expect(unlabelled(html).isEmpty, "\(unlabelled(html))")
    }

    @Test(arguments: ["/", "/compare", "/requirements", "/login"])
    func formsAndPagesAreSelfContainedAndLabelled(path: String) async throws {
        try await S.test(try S.server()) { client in
            try await client.execute(uri: path, method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
                Self.checkPage(S.string(r.body))
            }
        }
    }

    @Test func theStyleSheetIsServedAndHasTheWidthClasses() async throws {
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/assets/style.css", method: .get) { r in
                #expect(r.headers[.contentType] == "text/css; charset=utf-8")
                #expect(S.string(r.body).contains(".w57 { width: 57%; }"))
            }
        }
    }

    /// The Analyse form → a report page with every finding explained and every download.
    @Test func analysingThroughTheFormShowsTheReportWithExplanationsAndDownloads() async throws {
        let bytes = try S.bytes("weak-draft")
        let form = S.Form(fields: [("tradition", "auto"), ("title", "")], files: [("file", "bill.txt", bytes)])
        let expected = try S.analyzer.analyze(S.analyzer.ingester.decode(bytes, path: "bill.txt"))
        try await S.test(try S.server()) { client in
            let location = try await client.execute(uri: "/analyse", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .seeOther)
                return try #require(r.headers[.location])
            }
            #expect(location.hasPrefix("/report/"))
            try await client.execute(uri: location, method: .get) { r in
                #expect(r.status == .ok)
                let html = S.string(r.body)
                Self.checkPage(html)
                let statuses = html.matches(of: /data-requirement="([^"]+)" data-status="([a-z]+)"/).map { (String($0.1), String($0.2)) }
                #expect(statuses.map(\.0) == expected.report.findings.map(\.requirement))
                #expect(statuses.map(\.1) == expected.report.findings.map(\.status.rawValue))
                let f = expected.report.findings[0]
                let explanation = ExplanationRenderer.text(Explanation(S.analyzer.catalog[f.requirement]!, in: expected)!)
                #expect(html.contains(HTMLText.escape(explanation)))
                for (format, _) in Pages.downloadFormats { #expect(html.contains("href=\"\(location)/\(format)\"")) }
            }
            try await client.execute(uri: location + "/json", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentDisposition] == "attachment; filename=\"bill-lacuna.json\"")
                let json = try JSONReporter().render(expected)
                #expect(S.string(r.body) == json)
            }
            try await client.execute(uri: location + "/sarif", method: .get) { r in
                #expect(r.headers[.contentType] == "application/sarif+json; charset=utf-8")
            }
            try await client.execute(uri: location + "/docx", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                #expect(r.headers[.contentDisposition] == "attachment; filename=\"bill-lacuna.docx\"")
                let word = try DocxReporter().data([expected])
                #expect(Data(buffer: r.body) == word)
            }
            try await client.execute(uri: location + "/docbook", method: .get) { r in
                #expect(r.status == .badRequest)
                #expect(S.string(r.body).contains("unknown format docbook"))
            }
        }
    }

    @Test func anUnknownOrExpiredReportIs404WithAPage() async throws {
        try await S.test(try S.server()) { client in
            for uri in ["/report/0123456789abcdef0123456789abcdef", "/report/../../etc/passwd", "/report/x/json"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .notFound, "\(uri)")
                    #expect(S.string(r.body).contains("<!DOCTYPE html>"))
                }
            }
        }
    }

    @Test func aBadUploadThroughTheFormShowsTheMessageOnAPage() async throws {
        let form = S.Form(files: [("file", "notes.pdf", Array("just words".utf8))])
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/analyse", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .unprocessableContent)
                let html = S.string(r.body)
                Self.checkPage(html)
                #expect(html.contains("notes.pdf: has a .pdf extension but is not a PDF file"))
            }
            try await client.execute(uri: "/analyse", method: .post, body: ByteBuffer(string: "raw")) { r in
                #expect(r.status == .unsupportedMediaType)
            }
        }
    }

    @Test func compareShowsTheDiff() async throws {
        let form = S.Form(files: [("old", "weak.txt", try S.bytes("weak-draft")), ("new", "act.txt", try S.bytes("common-law-act"))])
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/compare", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .ok)
                let html = S.string(r.body)
                Self.checkPage(html)
                #expect(html.contains("Gaps closed"))
                #expect(html.contains("weak.txt") && html.contains("act.txt"))
            }
        }
    }

    @Test func requirementsShowEveryRequirementWithItsRecommendation() async throws {
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/requirements", method: .get) { r in
                let html = S.string(r.body)
                for req in S.analyzer.catalog.requirements {
                    #expect(html.contains("id=\"r-\(Pages.fragment(req.id))\""))
                    #expect(html.contains(HTMLText.escape(req.recommendation)))
                }
            }
        }
    }

    @Test func theDatabasePageNeedsADatabaseAndShowsItsDocuments() async throws {
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/database", method: .get) { r in
                #expect(r.status == .notFound)
            }
            try await client.execute(uri: "/", method: .get) { r in
                #expect(!S.string(r.body).contains("href=\"/database\""))
            }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-serve-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("runs.sqlite").path
        let batch = try LacunaCommand.run(["batch", S.root.appendingPathComponent("Corpora/weak-draft").path, "--db", db])
        #expect(batch.status == 0, "\(batch.stderr)")
        var settings = ServerSettings()
        settings.databasePath = db
        try await S.test(try S.server(settings)) { client in
            let link = try await client.execute(uri: "/database", method: .get) { r in
                #expect(r.status == .ok)
                let html = S.string(r.body)
                Self.checkPage(html)
                #expect(html.contains("bill.txt"))
                #expect(html.contains("<table class=\"matrix\""))
                return try #require(html.firstMatch(of: /href="(\/database\/result\/[0-9]+)"/)).1
            }
            try await client.execute(uri: String(link), method: .get) { r in
                #expect(r.status == .ok)
                #expect(S.string(r.body).contains("Findings"))
            }
            try await client.execute(uri: "/database/result/999999", method: .get) { r in
                #expect(r.status == .notFound)
            }
        }
        #expect(throws: UsageError.self) {
            var missing = ServerSettings()
            missing.databasePath = dir.appendingPathComponent("none.sqlite").path
            _ = try S.server(missing)
        }
    }

    @Test func withATokenEveryRequestButSignInNeedsIt() async throws {
        var settings = ServerSettings()
        settings.token = "s3cret-token"
        try await S.test(try S.server(settings)) { client in
            try await client.execute(uri: "/api/health", method: .get) { r in #expect(r.status == .ok) }
            try await client.execute(uri: "/api/catalog", method: .get) { r in
                #expect(r.status == .unauthorized)
                #expect(S.errorMessage(r.body)?.contains("access token") == true)
            }
            try await client.execute(uri: "/api/catalog", method: .get, headers: [.authorization: "Bearer wrong"]) { r in
                #expect(r.status == .unauthorized)
            }
            try await client.execute(uri: "/api/catalog", method: .get, headers: [.authorization: "Bearer s3cret-token"]) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(uri: "/", method: .get) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/login")
            }
            try await client.execute(uri: "/analyse", method: .post) { r in #expect(r.status == .unauthorized) }
            let wrong = S.Form(fields: [("token", "guess")])
            try await client.execute(uri: "/login", method: .post, headers: wrong.headers, body: wrong.body) { r in
                #expect(r.status == .unauthorized)
                #expect(r.headers[.setCookie] == nil)
            }
            let right = S.Form(fields: [("token", "s3cret-token")])
            let cookie = try await client.execute(uri: "/login", method: .post, headers: right.headers, body: right.body) { r in
                #expect(r.status == .seeOther)
                let set = try #require(r.headers[.setCookie])
                #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict"))
                return String(set.split(separator: ";")[0])
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { r in #expect(r.status == .ok) }
        }
    }

    @Test func uploadNamesAreLabelsNotPaths() {
        #expect(Upload.label("../../etc/passwd") == "passwd")
        #expect(Upload.label("C:\\Users\\me\\Bill.docx") == "Bill.docx")
        #expect(Upload.label("..") == "upload")
        #expect(Upload.label("a\u{1B}[31mb.txt") == "a[31mb.txt")
        #expect(Upload.label(nil) == "upload")
        #expect(Upload.label(String(repeating: "x", count: 500)).count == 200)
    }

    @Test func theMultipartReaderFindsFieldsAndFilesAndRefusesBrokenBodies() throws {
        let form = S.Form(fields: [("tradition", "civil-law")], files: [("file", "a/b.txt", Array("line\r\n--not a boundary\r\n".utf8))])
        let parsed = try MultipartForm(body: Array(form.body.readableBytesView), boundary: S.Form.boundary)
        #expect(parsed.text("tradition") == "civil-law")
        #expect(parsed.part("file")?.filename == "b.txt")
        #expect(parsed.part("file")?.bytes == Array("line\r\n--not a boundary\r\n".utf8))
        let truncated = Array(form.body.readableBytesView).dropLast(40)
        #expect(throws: Refusal.self) { try MultipartForm(body: Array(truncated), boundary: S.Form.boundary) }
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\"abc\"") == "abc")
        #expect(MultipartForm.boundary(contentType: "text/plain") == nil)
    }
}
