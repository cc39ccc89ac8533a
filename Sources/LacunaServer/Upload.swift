import Foundation

/// A document sent to the server: the name it is reported under and its bytes, held in memory.
///
/// Laws: the name is a label only — the last component of what the client sent, with control
/// characters and separators removed, never a path the server opens.
struct Upload: Sendable {
    var name: String
    var bytes: [UInt8]

    /// The name the report gives a document sent without one.
    static let unnamed = "upload"

    /// A client-supplied file name reduced to a label: its last path component, printable
    /// characters only, at most 200 of them; `upload` when nothing is left.
    static func label(_ raw: String?) -> String {
        guard let raw else { return unnamed }
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !$0.properties.isWhitespace || $0 == " " }
            .filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
            .map(Character.init)).trimmingCharacters(in: .whitespaces)
        let short = String(clean.prefix(200))
        return short.isEmpty || short == "." || short == ".." ? unnamed : short
    }
}
