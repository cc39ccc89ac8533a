import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LacunaCore
import LacunaKit
import LacunaReaders
@testable import LacunaServer
import LacunaTestSupport
import NIOCore
import Testing

typealias S = ServerSupport

/// The JSON API, every endpoint and every way a request can be refused.
@Suite struct APIRouteTests {
    @Test func healthSaysOKWithTheVersionsAndTheSecurityHeaders() async throws {
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/health", method: .get) { r in
                #expect(r.status == .ok)
                let json = try S.json(r.body)
                #expect(json["status"] as? String == "ok")
                #expect(json["version"] as? String == Analyzer.version)
                #expect(json["catalogVersion"] as? String == S.analyzer.catalog.version)
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(r.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(r.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
        }
    }

    @Test func catalogListsEveryRequirementAndRefusesAnUnknownArea() async throws {
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/catalog", method: .get) { r in
                #expect(r.status == .ok)
                let list = try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [[String: Any]]
                #expect(list?.map { $0["id"] as? String } == S.analyzer.catalog.requirements.map(\.id))
            }
            try await client.execute(uri: "/api/catalog?area=definition", method: .get) { r in
                let list = try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [[String: Any]]
                #expect(list?.isEmpty == false)
                #expect(list?.allSatisfy { $0["area"] as? String == "definition" } == true)
            }
            try await client.execute(uri: "/api/catalog?area=nowhere", method: .get) { r in
                #expect(r.status == .badRequest)
                #expect(S.errorMessage(r.body)?.hasPrefix("unknown area nowhere (definition") == true)
                // Refusals carry the security headers too.
                #expect(r.headers[.contentSecurityPolicy] != nil)
            }
        }
    }

    /// The API's JSON is `lacuna analyze --format json`'s, but for the path it names.
    @Test func analyzeJSONEqualsTheCLIOutputForTheSameBill() async throws {
        let path = S.corpus("weak-draft").path
        let cli = try LacunaCommand.run(["analyze", path, "--format", "json"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let bytes = try S.bytes("weak-draft")
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/analyze?format=json&name=bill.txt", method: .post, body: ByteBuffer(bytes: bytes)) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/json; charset=utf-8")
                let served = S.string(r.body)
                let same = try S.withoutPath(served) == S.withoutPath(cli.stdout)
                #expect(same)
                let document = try S.json(r.body)["document"] as? [String: Any]
                #expect(document?["path"] as? String == "bill.txt")
                #expect(served != cli.stdout, "the paths differ, so the bytes must too")
            }
            let form = S.Form(files: [("file", "bill.txt", bytes)])
            try await client.execute(uri: "/api/analyze", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .ok)
                let same = try S.withoutPath(S.string(r.body)) == S.withoutPath(cli.stdout)
                #expect(same)
            }
        }
    }

    /// The API's JSON report and its refusals' shape: the report follows docs/report.schema.json.
    @Test func analyzeValidatesAgainstTheReportSchema() async throws {
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: S.root.appendingPathComponent("docs/report.schema.json"))) as! [String: Any]
        let validator = JSONSchemaValidator(schema: schema)
        try await S.test(try S.server()) { client in
            for bill in ["common-law-act", "civil-law-code", "weak-draft"] {
                try await client.execute(uri: "/api/analyze", method: .post, body: ByteBuffer(bytes: try S.bytes(bill))) { r in
                    let json = try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView))
                    let errors = validator.validate(json)
                    #expect(errors.isEmpty, "\(bill): \(errors.prefix(3))")
                }
            }
            // The validator can fail: an error body is not a report.
            try await client.execute(uri: "/api/analyze", method: .post, body: ByteBuffer(string: "")) { r in
                let refusal = try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView))
                #expect(!validator.validate(refusal).isEmpty)
            }
        }
    }

    @Test func analyzeTakesAFormWithPastedTextATraditionAndATitle() async throws {
        let text = String(decoding: try S.bytes("civil-law-code"), as: UTF8.self)
        let form = S.Form(fields: [("text", text), ("tradition", "civil-law"), ("title", "Draft code")])
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/analyze", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .ok)
                let document = try S.json(r.body)["document"] as? [String: Any]
                #expect(document?["title"] as? String == "Draft code")
                #expect(document?["tradition"] as? String == "civil-law")
                #expect(document?["traditionSource"] as? String == "given")
                #expect(document?["path"] as? String == "pasted text")
            }
        }
    }

    @Test(arguments: [("markdown", "text/markdown; charset=utf-8", "# "), ("csv", "text/csv; charset=utf-8", "requirement"),
                      ("sarif", "application/sarif+json; charset=utf-8", "\"version\""), ("html", "text/html; charset=utf-8", "<!DOCTYPE html>"),
                      ("text", "text/plain; charset=utf-8", "Lacuna gap report")])
    func analyzeRendersEachFormat(format: String, type: String, contains: String) async throws {
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/analyze?format=\(format)", method: .post, body: ByteBuffer(bytes: try S.bytes("weak-draft"))) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == type)
                #expect(S.string(r.body).contains(contains))
            }
        }
    }

    /// Each bad request: its status and the one line the CLI would print (without `lacuna: `).
    @Test func badRequestsAreRefusedWithTheCLIMessage() async throws {
        let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 32)
        let tradition = #expect(throws: UsageError.self) { try TraditionChoice.parse("roman-law", known: S.analyzer.registry.traditions) }
        let cases: [(uri: String, body: [UInt8], status: HTTPResponse.Status, message: String)] = [
            ("/api/analyze?format=pdf", Array("x".utf8), .badRequest, "unknown format pdf (text, json, markdown, html, sarif, csv)"),
            ("/api/analyze?tradition=roman-law", Array("x".utf8), .badRequest, tradition?.description ?? "?"),
            ("/api/analyze", [], .unprocessableContent, "upload: is empty"),
            ("/api/analyze?name=scan.png", image, .unprocessableContent, "scan.png: is an image, not a document Lacuna reads (plain text, Word .docx, HTML, Akoma Ntoso XML or PDF)"),
            ("/api/analyze?name=law.docx", Array("Section 1. Plain text.".utf8), .unprocessableContent,
             "law.docx: has a .docx extension but is not a Word file (it is not a ZIP container); it looks like plain text — rename it if that is what it is"),
        ]
        try await S.test(try S.server()) { client in
            for c in cases {
                try await client.execute(uri: c.uri, method: .post, body: ByteBuffer(bytes: c.body)) { r in
                    #expect(r.status == c.status, "\(c.uri)")
                    #expect(S.errorMessage(r.body) == c.message, "\(c.uri)")
                }
            }
        }
    }

    /// The CLI's own words for the same input, through the binary.
    @Test func anUnreadableUploadGetsTheSameMessageAsTheCLI() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-serve-\(UUID().uuidString).docx")
        try Data("Section 1. Plain text.".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let cli = try LacunaCommand.run(["analyze", file.path])
        #expect(cli.status == 2)
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/analyze?name=\(file.lastPathComponent)", method: .post,
                                     body: ByteBuffer(bytes: Array("Section 1. Plain text.".utf8))) { r in
                #expect(r.status == .unprocessableContent)
                let message = try #require(S.errorMessage(r.body))
                #expect(cli.stderr == "lacuna: " + message.replacingOccurrences(of: file.lastPathComponent, with: file.path) + "\n")
            }
        }
    }

    @Test func aBodyAboveTheMaxSizeIsRefusedWith413AndTheCLIMessage() async throws {
        let small = try Analyzer(ingester: Ingester(maxBytes: try Ingester.maxBytes(megabytes: 1)))
        let big = [UInt8](repeating: 0x61, count: 1024 * 1024 + 1)
        let cli = try LacunaCommand.run(["analyze", "-", "--max-size", "1"], input: String(decoding: big, as: UTF8.self))
        #expect(cli.status == 2)
        try await S.test(try S.server(analyzer: small)) { client in
            try await client.execute(uri: "/api/analyze?name=big.txt", method: .post, body: ByteBuffer(bytes: big)) { r in
                #expect(r.status == .contentTooLarge)
                let message = try #require(S.errorMessage(r.body))
                #expect(message == "big.txt: is larger than the 1.0 MB limit (raise it with --max-size)")
                #expect(cli.stderr == "lacuna: " + message.replacingOccurrences(of: "big.txt", with: Ingester.standardInputName) + "\n")
            }
            let form = S.Form(files: [("file", "big.txt", big + big)])
            try await client.execute(uri: "/api/analyze", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .contentTooLarge)
            }
        }
    }

    /// A text in a language no rule reads is refused as the CLI refuses it (exit 2 there,
    /// 422 here), unless the server was started with --language-anyway.
    @Test func aTextInAnUnreadLanguageIsRefusedWithTheCLIMessage() async throws {
        // Portuguese, which no built-in pack reads (written for this test).
        let french = "Artigo 1. Quem recrutar, transportar ou transferir uma pessoa, ou a alojar ou acolher, com a finalidade de a explorar, "
            + "comete o crime de tráfico de pessoas.\nArtigo 2. O consentimento da vítima não exclui a responsabilidade do agente "
            + "e a pena é de prisão de três a dez anos, que não pode ser substituída por multa.\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("loi-\(UUID().uuidString).txt")
        try Data(french.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let cli = try LacunaCommand.run(["analyze", file.path])
        #expect(cli.status == 2)
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/analyze?name=\(file.lastPathComponent)", method: .post, body: ByteBuffer(string: french)) { r in
                #expect(r.status == .unprocessableContent)
                let message = try #require(S.errorMessage(r.body))
                #expect(cli.stderr.hasSuffix(message.replacingOccurrences(of: file.lastPathComponent, with: file.path) + "\n"))
            }
        }
        let anyway = try LacunaServer(analyzer: S.analyzer, settings: ServerSettings(), languageAnyway: true)
        try await S.test(anyway) { client in
            try await client.execute(uri: "/api/analyze", method: .post, body: ByteBuffer(string: french)) { r in
                #expect(r.status == .ok)
                let warnings = try S.json(r.body)["warnings"] as? [String]
                #expect(warnings?.isEmpty == false)
            }
        }
    }

    @Test func malformedFormsAreRefusedWith400() async throws {
        try await S.test(try S.server()) { client in
            let headers: HTTPFields = [.contentType: S.Form().contentType]
            try await client.execute(uri: "/api/analyze", method: .post, headers: headers, body: ByteBuffer(string: "no boundary here")) { r in
                #expect(r.status == .badRequest)
                #expect(S.errorMessage(r.body) == "the form data could not be read (a malformed multipart body)")
            }
            let form = S.Form(fields: [("tradition", "auto")])
            try await client.execute(uri: "/api/analyze", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .badRequest)
                #expect(S.errorMessage(r.body) == "the form has no document: choose a file or paste the text")
            }
        }
    }

    /// A client-supplied name is a label: it never opens a file.
    @Test func aNameWithAPathReadsNothingFromDisk() async throws {
        let form = S.Form(files: [("file", "../../../../etc/passwd", try S.bytes("weak-draft"))])
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/analyze", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .ok)
                let document = try S.json(r.body)["document"] as? [String: Any]
                #expect(document?["path"] as? String == "passwd")
                let hash = try S.analyzer.analyze(path: S.corpus("weak-draft").path).report.document.contentHash
                #expect(document?["contentHash"] as? String == hash)
            }
            try await client.execute(uri: "/api/analyze?name=/etc/hostname", method: .post, body: ByteBuffer(string: "")) { r in
                #expect(r.status == .unprocessableContent)
                #expect(S.errorMessage(r.body) == "hostname: is empty")
            }
        }
    }

    @Test func diffComparesTwoDraftsAsTheCLIDoes() async throws {
        let old = S.corpus("weak-draft").path, new = S.corpus("common-law-act").path
        let cli = try LacunaCommand.run(["diff", old, new, "--format", "json"])
        let expected = cli.stdout.replacingOccurrences(of: "\"\(old)\"", with: "\"weak.txt\"").replacingOccurrences(of: "\"\(new)\"", with: "\"act.txt\"")
        #expect(expected != cli.stdout)
        let form = S.Form(files: [("old", "weak.txt", try S.bytes("weak-draft")), ("new", "act.txt", try S.bytes("common-law-act"))])
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/diff", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .ok)
                #expect(S.string(r.body) == expected)
            }
            try await client.execute(uri: "/api/diff?format=html", method: .post, headers: form.headers, body: form.body) { r in
                #expect(S.string(r.body).contains("Gaps closed"))
            }
            try await client.execute(uri: "/api/diff?format=sarif", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .badRequest)
                #expect(S.errorMessage(r.body) == "unknown format sarif (text, json, markdown, html)")
            }
            let half = S.Form(files: [("old", "weak.txt", try S.bytes("weak-draft"))])
            try await client.execute(uri: "/api/diff", method: .post, headers: half.headers, body: half.body) { r in
                #expect(r.status == .badRequest)
                #expect(S.errorMessage(r.body) == "the form has no new file: choose one")
            }
            try await client.execute(uri: "/api/diff", method: .post, body: ByteBuffer(string: "raw")) { r in
                #expect(r.status == .unsupportedMediaType)
            }
        }
    }

    @Test func unknownEndpointsAre404AndWrongMethods405() async throws {
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/nothing", method: .get) { r in
                #expect(r.status == .notFound)
                #expect(S.errorMessage(r.body) == "no such page or endpoint")
                #expect(r.headers[.contentSecurityPolicy] != nil)
            }
            try await client.execute(uri: "/api/analyze", method: .get) { r in
                #expect(r.status.code >= 400 && r.status.code < 500)
            }
        }
    }
}
