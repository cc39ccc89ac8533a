import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LacunaCore
import LacunaKit
@testable import LacunaServer
import LacunaTestSupport
import NIOCore
import Testing

/// The report language on the server: `?reportLanguage=` on the API, a select on the Analyse page.
@Suite struct ReportLanguageRouteTests {
    @Test func theAPITakesAReportLanguageAndRefusesAnUnknownOne() async throws {
        let bytes = try S.bytes("weak-draft")
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/api/analyze?format=json&reportLanguage=en", method: .post, body: ByteBuffer(bytes: bytes)) { r in
                #expect(r.status == .ok)
                let json = try S.json(r.body)
                #expect(json["reportLanguage"] as? String == "en")
            }
            try await client.execute(uri: "/api/analyze?format=json&reportLanguage=klingon", method: .post, body: ByteBuffer(bytes: bytes)) { r in
                #expect(r.status == .badRequest)
                #expect(S.errorMessage(r.body) == "unknown report language \"klingon\" (en, fr, es)")
            }
            // The form's field wins over the query, as `tradition` does.
            let form = S.Form(fields: [("reportLanguage", "de")], files: [("file", "bill.txt", bytes)])
            try await client.execute(uri: "/api/analyze?reportLanguage=en", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .badRequest)
                #expect(S.errorMessage(r.body)?.contains("\"de\"") == true)
            }
        }
    }

    @Test func theAnalysePageOffersTheReportLanguages() async throws {
        try await S.test(try S.server()) { client in
            try await client.execute(uri: "/", method: .get) { r in
                let html = S.string(r.body)
                #expect(html.contains("<label for=\"reportLanguage\">"))
                #expect(html.contains("<select id=\"reportLanguage\" name=\"reportLanguage\">"))
                for value in ["auto", "en", "fr", "es"] { #expect(html.contains("<option value=\"\(value)\""), "\(value)") }
            }
            let bad = S.Form(fields: [("reportLanguage", "xx")], files: [("file", "bill.txt", try S.bytes("weak-draft"))])
            try await client.execute(uri: "/analyse", method: .post, headers: bad.headers, body: bad.body) { r in
                #expect(r.status == .badRequest)
            }
            let english = S.Form(fields: [("reportLanguage", "en")], files: [("file", "bill.txt", try S.bytes("weak-draft"))])
            try await client.execute(uri: "/analyse", method: .post, headers: english.headers, body: english.body) { r in
                #expect(r.status == .seeOther)
            }
        }
    }
}
