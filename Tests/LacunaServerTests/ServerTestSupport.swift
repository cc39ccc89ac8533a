import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import HummingbirdTesting
import LacunaCore
import LacunaKit
import LacunaReaders
@testable import LacunaServer
import LacunaTestSupport

/// Servers over the bundled catalog and rules, driven through HummingbirdTesting's router
/// client (no socket), and the bodies the tests send.
enum ServerSupport {
    static let analyzer: Analyzer = try! Analyzer()
    static let root = LacunaCommand.root

    static func corpus(_ name: String) -> URL { root.appendingPathComponent("Corpora/\(name)/bill.txt") }
    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: corpus(name))) }

    static func server(_ settings: ServerSettings = ServerSettings(), analyzer: Analyzer = analyzer) throws -> LacunaServer {
        try LacunaServer(analyzer: analyzer, settings: settings)
    }

    /// Runs `test` against the server's routes.
    static func test<Value: Sendable>(_ server: LacunaServer, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: server.router())
        return try await app.test(.router) { client in try await test(client) }
    }

    /// A `multipart/form-data` body: text fields and files (field, file name, bytes).
    struct Form {
        static let boundary = "----lacuna-test-boundary-7f3a"
        var fields: [(String, String)] = []
        var files: [(field: String, name: String, bytes: [UInt8])] = []

        var contentType: String { "multipart/form-data; boundary=\(Form.boundary)" }

        var body: ByteBuffer {
            var out: [UInt8] = []
            for (k, v) in fields {
                out += Array("--\(Form.boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
            }
            for f in files {
                out += Array("--\(Form.boundary)\r\nContent-Disposition: form-data; name=\"\(f.field)\"; filename=\"\(f.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
                out += f.bytes + Array("\r\n".utf8)
            }
            out += Array("--\(Form.boundary)--\r\n".utf8)
            return ByteBuffer(bytes: out)
        }

        var headers: HTTPFields { [.contentType: contentType] }
    }

    static func string(_ body: ByteBuffer) -> String { String(buffer: body) }

    static func json(_ body: ByteBuffer) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
    }

    /// The `error` of a refusal's JSON body.
    static func errorMessage(_ body: ByteBuffer) -> String? { (try? json(body))?["error"] as? String }

    /// The JSON report with the fields that name the input (its path) taken out.
    static func withoutPath(_ json: String) throws -> NSDictionary {
        var object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        var document = object["document"] as! [String: Any]
        document["path"] = nil
        object["document"] = document
        return object as NSDictionary
    }
}
