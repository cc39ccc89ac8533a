import Foundation
import LacunaCore
import LacunaReaders

/// One document of a batch: where to read it and what the input says about it.
public struct BatchItem: Sendable, Hashable, Codable {
    /// The path the document is read from and reported under.
    public var path: String
    /// The name the shard partition hashes: the path relative to the folder, or the path as
    /// the manifest writes it — the same on every machine that runs a shard.
    public var key: String
    public var jurisdiction: String?
    /// The tradition choice the input asks for (`common-law`, `civil-law+islamic-law`, `auto`),
    /// or nil for the batch's default.
    public var tradition: String?
    public var title: String?
    public var year: Int?
    /// The manifest line it came from, when it came from a manifest.
    public var line: Int?
    /// Marked as an extract of a law (a manifest's `extract` column): see ``Report/markExtract()``.
    public var extract: Bool?
    /// A review file for the document (a manifest's `review` column): see ``ReviewFileLoader``.
    public var review: String?

    public init(path: String, key: String? = nil, jurisdiction: String? = nil, tradition: String? = nil,
                title: String? = nil, year: Int? = nil, line: Int? = nil) {
        self.path = path
        self.key = key ?? path
        self.jurisdiction = jurisdiction
        self.tradition = tradition
        self.title = title
        self.year = year
        self.line = line
    }

    /// The store's identity for the document: its absolute, standardised path.
    public var storePath: String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// Where a batch's documents come from: a folder walked recursively, or a manifest.
public enum BatchInput {
    /// File extensions read as documents when walking a folder (anything else is ignored).
    /// Formats this version cannot read (Word, PDF, RTF ...) are still taken, so that each
    /// is recorded as an error with its reason rather than silently left out.
    public static let documentExtensions: Set<String> = [
        "txt", "text", "md", "markdown", "htm", "html", "xhtml", "xml", "akn", "docx", "doc", "odt", "rtf", "pdf",
    ]

    /// The documents of `path`: a folder (walked), a manifest (`.csv`, `.tsv`, `.jsonl`,
    /// `.ndjson`, `.json`), or `-` for a manifest on standard input.
    public static func load(_ path: String, knownTraditions: [Tradition]) throws -> [BatchItem] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try Manifest.parse(String(decoding: data, as: UTF8.self), format: nil, file: "<stdin>",
                                      base: nil, knownTraditions: knownTraditions)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, problem: Ingester.whyMissing(path, noSuch: "no such folder or manifest"))
        }
        if isDirectory.boolValue { return try walk(path) }
        return try Manifest.load(path: path, knownTraditions: knownTraditions)
    }

    /// Every document under `folder`, recursively, sorted by relative path; hidden files and
    /// folders are skipped. The jurisdiction is the first folder under `folder`, or for a file
    /// directly in it, the file's name without its extension.
    public static func walk(_ folder: String) throws -> [BatchItem] {
        let root = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw UsageError("\(folder): cannot list the folder") }
        let rootComponents = root.pathComponents.count
        var items: [BatchItem] = []
        for case let url as URL in enumerator {
            guard documentExtensions.contains(url.pathExtension.lowercased()),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = Array(url.standardizedFileURL.pathComponents.dropFirst(rootComponents))
            guard !relative.isEmpty else { continue }
            let key = relative.joined(separator: "/")
            let display = folder.hasSuffix("/") ? folder + key : folder + "/" + key
            let jurisdiction = relative.count > 1 ? relative[0] : (relative[0] as NSString).deletingPathExtension
            items.append(BatchItem(path: display, key: key, jurisdiction: jurisdiction))
        }
        return items.sorted { $0.key < $1.key }
    }
}

/// A deterministic partition of a batch's documents: shard `index` of `count` (1-based)
/// takes the documents whose key hashes (FNV-1a, stable across machines) to it. A document
/// stays in its shard when others are added or removed.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw UsageError("shard \(index)/\(count): K must be between 1 and N")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw UsageError("--shard \(text): expected K/N, e.g. 2/8")
        }
        try self.init(index: k, count: n)
    }

    public func contains(_ item: BatchItem) -> Bool { Shard.bucket(item.key, count: count) == index - 1 }

    public static func bucket(_ key: String, count: Int) -> Int {
        var h = StableHash()
        h.combine(key)
        return Int(UInt64(h.hex, radix: 16)! % UInt64(count))
    }

    public var description: String { "\(index)/\(count)" }
}
