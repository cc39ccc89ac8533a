import Foundation
import Hummingbird
import LacunaReports

/// The responses the server builds: a body with its media type, a download, a refusal.
enum Responses {
    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        text(body, type: "text/html; charset=utf-8", status: status)
    }

    static func json(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        text(body, type: "application/json; charset=utf-8", status: status)
    }

    /// A JSON value encoded as every Lacuna JSON output is (sorted keys, pretty).
    static func json<T: Encodable>(encoding value: T) throws -> Response {
        json(String(decoding: try JSONReporter.encoder.encode(value), as: UTF8.self) + "\n")
    }

    /// The media type of a report format.
    static func mediaType(_ format: String) -> String {
        switch format {
        case "json": "application/json; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "markdown": "text/markdown; charset=utf-8"
        case "sarif": "application/sarif+json; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: "text/plain; charset=utf-8"
        }
    }

    /// The file extension a downloaded report gets.
    static func fileExtension(_ format: String) -> String {
        switch format {
        case "markdown": "md"
        case "sarif": "sarif"
        case "text": "txt"
        default: format
        }
    }

    /// A report to save, named after the document.
    static func download(_ body: String, format: String, document: String) -> Response {
        download(Data(body.utf8), format: format, document: document)
    }

    /// A report to save (text or, for Word, binary), named after the document.
    static func download(_ body: Data, format: String, document: String) -> Response {
        var r = Response(status: .ok, headers: [.contentType: mediaType(format)], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        let stem = (Upload.label(document) as NSString).deletingPathExtension
        let safe = String(stem.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
            .map(Character.init))
        r.headers[.contentDisposition] = "attachment; filename=\"\(safe.isEmpty ? "report" : safe)-lacuna.\(fileExtension(format))\""
        return r
    }

    /// A refusal: for the API a JSON object `{"error": message, "status": code}`, for a page
    /// an HTML page saying what went wrong.
    static func refusal(_ refusal: Refusal, api: Bool) -> Response {
        var response: Response
        if api {
            let body = (try? JSONReporter.encoder.encode(ErrorBody(error: refusal.message, status: refusal.status.code)))
                .map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
            response = json(body, status: refusal.status)
        } else {
            response = html(PageLayout.errorPage(refusal), status: refusal.status)
        }
        if let seconds = refusal.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    struct ErrorBody: Encodable {
        var error: String
        var status: Int
    }
}
