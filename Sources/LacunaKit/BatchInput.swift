import Foundation
import LacunaCore
import LacunaReaders

/// One document of a batch: where to read it and what the input says about it.
public struct BatchItem: Sendable, Hashable, Codable {
    /// The path the document is read from and reported under.
    public var path: String
    /// The document's name in its source, and its identity in the store: the path relative
    /// to the folder, or the path as the manifest writes it (relative to the manifest's
    /// folder, `.` and `..` resolved; absolute only when the manifest writes it so). The same
    /// on every machine and wherever the corpus is moved: the shard partition hashes it and
    /// the store knows the document by it.
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
        self.key = BatchItem.normalizedKey(key ?? path)
        self.jurisdiction = jurisdiction
        self.tradition = tradition
        self.title = title
        self.year = year
        self.line = line
    }

    /// The store's identity for the document: its ``key``, relative to the source, so that
    /// moving the corpus does not make every document new.
    public var storePath: String { key }

    /// A path with `.` and empty components dropped and `..` resolved against the component
    /// before it (lexically; a leading `..` stays); an absolute path standardised.
    public static func normalizedKey(_ key: String) -> String {
        if key.hasPrefix("/") { return URL(fileURLWithPath: key).standardizedFileURL.path }
        var parts: [Substring] = []
        for part in key.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
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
        try list(path, knownTraditions: knownTraditions).items
    }

    /// The listing of `path` (see ``load(_:knownTraditions:)``): the documents, the files a
    /// folder walk left out, and whether it is the whole source (not for standard input).
    public static func list(_ path: String, knownTraditions: [Tradition]) throws -> BatchListing {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let items = try parseStandardInput(String(decoding: data, as: UTF8.self), knownTraditions: knownTraditions)
            return BatchListing(items: items, complete: false)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, problem: Ingester.whyMissing(path, noSuch: "no such folder or manifest"))
        }
        if isDirectory.boolValue { return try walkListing(path) }
        return BatchListing(items: try Manifest.load(path: path, knownTraditions: knownTraditions), complete: true)
    }

    /// A manifest read from standard input. Empty (or blank) input is zero documents, not an
    /// error: Spark's `pipe` sends an empty partition as empty standard input, and a job run
    /// with `checkCode=True` must not fail for it.
    static func parseStandardInput(_ text: String, knownTraditions: [Tradition]) throws -> [BatchItem] {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) { return [] }
        return try Manifest.parse(text, format: nil, file: "<stdin>", base: nil, knownTraditions: knownTraditions)
    }

    /// Every document under `folder`, recursively, sorted by relative path (see
    /// ``walkListing(_:)`` for what is left out and why).
    public static func walk(_ folder: String) throws -> [BatchItem] {
        try walkListing(folder).items
    }

    /// Every document under `folder`, recursively, sorted by relative path, following
    /// symbolic links with loop detection (``FolderWalker``); hidden files and folders are
    /// skipped silently, documentation files (``isDocumentationFile(_:)``) and files of other
    /// types are skipped and counted. The jurisdiction is the first folder under `folder`,
    /// or for a file directly in it, the file's name without its extension.
    public static func walkListing(_ folder: String) throws -> BatchListing {
        var walker = FolderWalker(folder: folder)
        return try walker.walk()
    }

    /// The stems (the name up to its first `.`, any case) of a project's own documentation,
    /// which a folder walk never takes for a law. Any name starting with `README` is one too.
    public static let documentationNames: Set<String> = [
        "readme", "changelog", "changes", "history", "news", "license", "licence", "copying", "notice",
        "contributing", "authors", "code_of_conduct", "security",
    ]

    /// Whether a file name is a project's documentation rather than a law: `README` followed by
    /// anything (`README.md`, `readme.txt`, `README-fr.md`), or a stem in
    /// ``documentationNames`` (`LICENSE`, `CHANGELOG.md`, `NOTICE.txt`, `Contributing.md`).
    /// Other Markdown files are documents: legislation databases export laws as Markdown.
    public static func isDocumentationFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasPrefix("readme") { return true }
        let stem = lower.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? lower
        return documentationNames.contains(stem)
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

    public func contains(_ item: BatchItem) -> Bool { contains(key: item.key) }

    /// Whether a document known by `key` (``BatchItem/key``, as the store holds it) is in
    /// this shard.
    public func contains(key: String) -> Bool { Shard.bucket(key, count: count) == index - 1 }

    public static func bucket(_ key: String, count: Int) -> Int {
        var h = StableHash()
        h.combine(key)
        return Int(UInt64(h.hex, radix: 16)! % UInt64(count))
    }

    public var description: String { "\(index)/\(count)" }
}
