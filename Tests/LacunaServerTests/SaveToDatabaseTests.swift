import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LacunaCore
import LacunaKit
import LacunaStore
@testable import LacunaServer
import LacunaTestSupport
import Testing

/// "Save to database": offered only with a database, writes nothing until pressed, then
/// records the report as a run of its own that the Database page shows.
@Suite struct SaveToDatabaseTests {
    static func database() throws -> (dir: URL, path: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-serve-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("runs.sqlite").path
        let batch = try LacunaCommand.run(["batch", S.root.appendingPathComponent("Corpora/weak-draft").path, "--db", db])
        #expect(batch.status == 0, "\(batch.stderr)")
        return (dir, db)
    }

    static func upload(_ client: any TestClientProtocol, sample: String) async throws -> String {
        let form = S.Form(fields: [("tradition", "auto"), ("title", "")], files: [("file", "draft.txt", try S.bytes(sample))])
        return try await client.execute(uri: "/analyse", method: .post, headers: form.headers, body: form.body) { r in
            #expect(r.status == .seeOther)
            return try #require(r.headers[.location])
        }
    }

    @Test func withoutADatabaseThereIsNoSaveButtonAndTheRouteIs404() async throws {
        try await S.test(try S.server()) { client in
            let location = try await Self.upload(client, sample: "common-law-act")
            try await client.execute(uri: location, method: .get) { r in
                #expect(!S.string(r.body).contains("id=\"save-form\""))
            }
            let form = S.Form(fields: [("jurisdiction", "Norland")], files: [])
            try await client.execute(uri: location + "/save", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .notFound)
            }
        }
    }

    @Test func savingRecordsTheReportAsARunAndNothingBefore() async throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        var settings = ServerSettings()
        settings.databasePath = db
        let runsBefore = try Store(path: db).runs().count
        try await S.test(try S.server(settings)) { client in
            let location = try await Self.upload(client, sample: "common-law-act")
            try await client.execute(uri: location, method: .get) { r in
                let html = S.string(r.body)
                #expect(html.contains("id=\"save-form\""))
                PageRouteTests.checkPage(html)
            }
            #expect(try Store(path: db).runs().count == runsBefore, "uploading alone must not write to the database")
            let bad = S.Form(fields: [("jurisdiction", "Norland"), ("year", "20x4")], files: [])
            try await client.execute(uri: location + "/save", method: .post, headers: bad.headers, body: bad.body) { r in
                #expect(r.status == .badRequest)
            }
            let form = S.Form(fields: [("jurisdiction", "Norland"), ("year", "2024")], files: [])
            let stored = try await client.execute(uri: location + "/save", method: .post, headers: form.headers, body: form.body) { r in
                #expect(r.status == .seeOther)
                return try #require(r.headers[.location])
            }
            #expect(stored.hasPrefix("/database/result/"))
            try await client.execute(uri: stored, method: .get) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(uri: "/database", method: .get) { r in
                #expect(S.string(r.body).contains("serve/draft.txt"))
            }
        }
        let store = try Store(path: db)
        #expect(try store.runs().count == runsBefore + 1)
        let saved = try #require(try store.results().first { $0.path == "serve/draft.txt" })
        #expect(saved.jurisdiction == "Norland")
        #expect(saved.status == .ok)
        // The batch's own document is still there.
        #expect(try store.results().contains { $0.path == "bill.txt" })
    }
}
