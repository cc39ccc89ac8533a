import Foundation

/// A `multipart/form-data` body taken apart in memory: each part's field name, file name
/// (when it is a file) and bytes.
///
/// Laws: reads only the body it is given (its size was bounded before); never touches the
/// file system (a file name is a label, reduced to its last component); a body it cannot
/// take apart is a ``Refusal`` (400), never a crash.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    var parts: [Part]

    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The text of a field, nil when absent.
    func text(_ name: String) -> String? { part(name).map { String(decoding: $0.bytes, as: UTF8.self) } }

    /// The boundary of a `multipart/form-data` content type, nil for any other type.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for p in pieces.dropFirst() where p.lowercased().hasPrefix("boundary=") {
            let value = p.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    init(parts: [Part]) { self.parts = parts }

    init(body: [UInt8], boundary: String) throws {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        guard var at = MultipartForm.find(delimiter, in: body, from: 0) else { throw MultipartForm.malformed }
        let next = Array("\r\n--\(boundary)".utf8)
        while true {
            at += delimiter.count
            // "--" after the delimiter closes the body.
            if body[at...].starts(with: Array("--".utf8)) { break }
            guard body[at...].starts(with: [13, 10]) else { throw MultipartForm.malformed }
            at += 2
            guard let headerEnd = MultipartForm.find([13, 10, 13, 10], in: body, from: at),
                  let end = MultipartForm.find(next, in: body, from: headerEnd + 4) else { throw MultipartForm.malformed }
            let headers = String(decoding: body[at..<headerEnd], as: UTF8.self)
            guard let (name, filename) = MultipartForm.disposition(headers) else { throw MultipartForm.malformed }
            parts.append(Part(name: name, filename: filename, bytes: Array(body[(headerEnd + 4)..<end])))
            at = end + 2
            guard parts.count <= 16 else { throw Refusal(.badRequest, "the form has more parts than the server reads") }
        }
        self.parts = parts
    }

    static let malformed = Refusal(.badRequest, "the form data could not be read (a malformed multipart body)")

    /// The field name and file name of a part's `Content-Disposition` header.
    static func disposition(_ headers: String) -> (String, String?)? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            var name: String?, filename: String?
            for param in line.split(separator: ";").dropFirst() {
                let kv = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2 else { continue }
                let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                switch kv[0].lowercased() {
                case "name": name = value
                case "filename": filename = Upload.label(value)
                default: break
                }
            }
            return name.map { ($0, filename) }
        }
        return nil
    }

    /// The first index at or after `from` where `needle` starts in `hay`.
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            guard let j = hay[i...last].firstIndex(of: first) else { return nil }
            if hay[j..<(j + needle.count)].elementsEqual(needle) { return j }
            i = j + 1
        }
        return nil
    }
}
