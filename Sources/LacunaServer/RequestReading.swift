import Foundation
import Hummingbird
import LacunaReaders
import NIOCore

/// Reading what a request sends, within the body limit: a raw body or a multipart form.
extension LacunaServer {
    /// The body, at most `limit` bytes; beyond it, the CLI's "larger than the limit" refusal
    /// (413) naming `name`.
    func body(_ request: Request, limit: Int, name: String) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Refusal(.contentTooLarge, analyzer.ingester.tooLarge(path: name).description)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw Refusal(.contentTooLarge, analyzer.ingester.tooLarge(path: name).description)
        }
    }

    /// The form a request sends, or nil when it is not `multipart/form-data`.
    func form(_ request: Request, limit: Int) async throws -> MultipartForm? {
        guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) else { return nil }
        return try MultipartForm(body: try await body(request, limit: limit, name: "the form"), boundary: boundary)
    }

    /// The one document of an analysis request: a form's `file` part (or, when it has no
    /// file, its `text` field), or else the raw body named by `?name=`.
    func upload(_ request: Request) async throws -> (Upload, MultipartForm?) {
        if let form = try await form(request, limit: bodyLimit) {
            return (try Self.document(in: form, file: "file", text: "text"), form)
        }
        let name = Upload.label(request.uri.queryParameters.get("name"))
        let bytes = try await body(request, limit: analyzer.ingester.maxBytes, name: name)
        return (Upload(name: name, bytes: bytes), nil)
    }

    /// The document a form sends in its file part `file`, else as pasted text in `text`.
    static func document(in form: MultipartForm, file: String, text: String?) throws -> Upload {
        if let part = form.part(file), !part.bytes.isEmpty {
            return Upload(name: Upload.label(part.filename ?? file), bytes: part.bytes)
        }
        if let text, let pasted = form.part(text), !pasted.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Upload(name: "pasted text", bytes: pasted.bytes)
        }
        throw Refusal(.badRequest, text == nil ? "the form has no \(file) file: choose one" : "the form has no document: choose a file or paste the text")
    }
}
