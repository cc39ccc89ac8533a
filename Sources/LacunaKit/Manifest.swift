import Foundation
import LacunaCore

/// A mistake in a manifest, with the file and line.
public struct ManifestError: LacunaError, Equatable {
    public var file: String
    /// Nil when the problem is the file as a whole.
    public var line: Int?
    public var problem: String

    public init(file: String, line: Int?, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var location: String? { line.map { "\(file):\($0)" } ?? file }
}

/// The formats a manifest may have.
public enum ManifestFormat: String, Sendable, CaseIterable {
    /// Comma-separated, RFC 4180 quoting (`"a, b"`, `""` for a quote), header row first.
    case csv
    /// Tab-separated, header row first; fields may be quoted as in CSV.
    case tsv
    /// JSON Lines: one object per line.
    case jsonl

    /// From the file's extension, or else from its first non-blank line.
    static func guess(file: String, text: String) -> ManifestFormat {
        switch (file as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "jsonl", "ndjson", "json": return .jsonl
        default:
            let first = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
            if first.drop(while: \.isWhitespace).hasPrefix("{") { return .jsonl }
            return first.contains("\t") ? .tsv : .csv
        }
    }
}

/// Reads manifests: for each document its path and, optionally, jurisdiction, tradition,
/// title and year.
///
/// Columns (CSV, TSV) and keys (JSONL) are matched without regard to case, spaces or
/// underscores; aliases: `file`/`document` for `path`, `country` for `jurisdiction`,
/// `legal_tradition`/`system` for `tradition`. Other columns are ignored. Relative paths
/// are relative to the manifest's folder. Traditions: the words of `--tradition`
/// (``TraditionChoice/parse(_:known:)``): `common-law`, `civil-law`, `islamic-law` (or
/// `common`, `civil`, `islamic`), several joined by `+`, and `auto` or `mixed` for detection.
public enum Manifest {
    public static func load(path: String, knownTraditions: [Tradition]) throws -> [BatchItem] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UsageError("\(path): cannot read the manifest: \(error.localizedDescription)")
        }
        // A file without a manifest's extension must look like one: a bill given to `batch`
        // is not parsed as CSV.
        let named = ["csv", "tsv", "tab", "jsonl", "ndjson", "json"].contains((path as NSString).pathExtension.lowercased())
        guard let text = String(data: data, encoding: .utf8) else {
            if !named { throw notAManifest(path) }
            throw UsageError("\(path): the manifest is not UTF-8 text")
        }
        if !named && !looksLikeManifest(text, file: path) { throw notAManifest(path) }
        let base = (path as NSString).deletingLastPathComponent
        return try parse(text, format: nil, file: path, base: base.isEmpty ? "." : base, knownTraditions: knownTraditions)
    }

    /// The error for a file given as a batch's input that is neither a folder nor a manifest.
    static func notAManifest(_ path: String) -> ManifestError {
        ManifestError(file: path, line: nil,
                      problem: "is not a folder or a manifest (a .csv, .tsv or .jsonl file whose header or keys name a path); to analyse one document: lacuna analyze \(path)")
    }

    /// Whether text is plausibly a manifest: its first non-blank line is a JSON object, or a
    /// header row naming a path column.
    static func looksLikeManifest(_ text: String, file: String) -> Bool {
        let format = ManifestFormat.guess(file: file, text: text)
        let first = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        switch format {
        case .jsonl: return first.drop(while: \.isWhitespace).hasPrefix("{")
        case .csv, .tsv:
            let names = first.split(separator: format == .csv ? "," : "\t")
                .map { normalizeName($0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\u{FEFF} \r"))) }
            return names.contains { pathColumns.contains($0) }
        }
    }

    static let pathColumns: Set<String> = ["path", "file", "document", "filename"]

    /// Parses manifest text. `base` is the folder relative paths are relative to (nil: as written).
    public static func parse(_ text: String, format: ManifestFormat?, file: String, base: String?,
                             knownTraditions: [Tradition]) throws -> [BatchItem] {
        let format = format ?? ManifestFormat.guess(file: file, text: text)
        let rows: [(line: Int, fields: [String: String])]
        switch format {
        case .csv: rows = try delimitedRows(text, separator: ",", file: file)
        case .tsv: rows = try delimitedRows(text, separator: "\t", file: file)
        case .jsonl: rows = try jsonRows(text, file: file)
        }
        var items: [BatchItem] = []
        for (line, fields) in rows {
            func value(_ names: String...) -> String? {
                for n in names { if let v = fields[n]?.trimmingCharacters(in: .whitespaces), !v.isEmpty { return v } }
                return nil
            }
            guard let written = value("path", "file", "document", "filename") else {
                throw ManifestError(file: file, line: line, problem: "no path")
            }
            var path = written
            if let base, !written.hasPrefix("/") { path = base == "." ? written : base + "/" + written }
            var year: Int?
            if let y = value("year", "date") {
                guard let parsed = parseYear(y) else {
                    throw ManifestError(file: file, line: line, problem: "year \"\(y)\" is not a year (expected four digits, e.g. 2015)")
                }
                year = parsed
            }
            var tradition: String?
            if let t = value("tradition", "legaltradition", "system") {
                do {
                    tradition = try normalizeTradition(t, known: knownTraditions)
                } catch let error as UsageError {
                    throw ManifestError(file: file, line: line, problem: error.message)
                }
            }
            var item = BatchItem(path: path, key: written, jurisdiction: value("jurisdiction", "country"),
                                 tradition: tradition, title: value("title", "name"), year: year, line: line)
            if let x = value("extract") {
                guard let flag = parseFlag(x) else {
                    throw ManifestError(file: file, line: line, problem: "extract \"\(x)\" is not yes or no (yes, true, 1; no, false, 0)")
                }
                item.extract = flag
            }
            if let r = value("review") { item.review = (base == nil || r.hasPrefix("/") || base == ".") ? r : base! + "/" + r }
            items.append(item)
        }
        return items
    }

    /// The tradition words of ``TraditionChoice/parse(_:known:)`` (`common` → `common-law`,
    /// `mixed` → `auto`), as the batch records them.
    public static func normalizeTradition(_ text: String, known: [Tradition]) throws -> String {
        try TraditionChoice.parse(text, known: known)?.description ?? "auto"
    }

    /// A yes-or-no column (`extract`): yes, y, true, 1, x; no, n, false, 0. Nil for anything else.
    static func parseFlag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "x": true
        case "no", "n", "false", "0": false
        default: nil
        }
    }

    /// The first run of four digits (`2005 (as amended to 2019)` → 2005).
    static func parseYear(_ text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if CharacterSet.decimalDigits.contains(scalars[i]) {
                var j = i
                while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
                if j - i == 4 { return Int(String(String.UnicodeScalarView(scalars[i..<j]))) }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    /// A column or key name, normalised: lower case, without spaces, underscores or hyphens.
    static func normalizeName(_ name: String) -> String {
        name.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
    }

    // MARK: CSV and TSV

    /// Rows of a delimited file as dictionaries keyed by the normalised header names, with
    /// the line each row starts on.
    static func delimitedRows(_ text: String, separator: Character, file: String) throws -> [(line: Int, fields: [String: String])] {
        let records = try parseDelimited(text, separator: separator, file: file)
        guard let header = records.first else {
            throw ManifestError(file: file, line: 1, problem: "the manifest is empty (expected a header row naming a path column)")
        }
        let names = header.fields.map(normalizeName)
        guard names.contains(where: { ["path", "file", "document", "filename"].contains($0) }) else {
            throw ManifestError(file: file, line: header.line,
                                problem: "the header row names no path column (expected one of: path, file, document)")
        }
        var rows: [(line: Int, fields: [String: String])] = []
        for record in records.dropFirst() {
            if record.fields.count > names.count {
                throw ManifestError(file: file, line: record.line,
                                    problem: "\(record.fields.count) fields, but the header row has \(names.count)")
            }
            var fields: [String: String] = [:]
            for (name, value) in zip(names, record.fields) where fields[name] == nil { fields[name] = value }
            rows.append((record.line, fields))
        }
        return rows
    }

    /// Splits delimited text into records of fields. Quoted fields (`"..."`, with `""` for a
    /// quote) may hold separators and line breaks; blank lines are skipped.
    static func parseDelimited(_ text: String, separator: Character, file: String) throws -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var afterQuote = false  // just closed a quoted field
        var chars = text.makeIterator()
        var pending: Character? = nil
        if text.hasPrefix("\u{FEFF}") { _ = chars.next() }

        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append((recordLine, fields))
            }
            fields = []
        }

        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\""); continue }
                        pending = next
                    }
                    inQuotes = false
                    afterQuote = true
                    continue
                }
                if c == "\n" || c == "\r\n" { line += 1 }
                field.append(c)
                continue
            }
            switch c {
            case separator:
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
            default:
                if afterQuote {
                    if c == " " || c == "\t" { continue }
                    throw ManifestError(file: file, line: line, problem: "text after a closing quote (a quote inside a quoted field is written \"\")")
                }
                field.append(c)
            }
        }
        if inQuotes {
            throw ManifestError(file: file, line: quoteLine, problem: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return records
    }

    // MARK: JSON Lines

    static func jsonRows(_ text: String, file: String) throws -> [(line: Int, fields: [String: String])] {
        var rows: [(line: Int, fields: [String: String])] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let lineText = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if lineText.allSatisfy(\.isWhitespace) { continue }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(lineText.utf8))
            } catch {
                throw ManifestError(file: file, line: number, problem: "not valid JSON (each line must be one object)")
            }
            guard let dict = object as? [String: Any] else {
                throw ManifestError(file: file, line: number, problem: "not a JSON object")
            }
            var fields: [String: String] = [:]
            for (key, value) in dict {
                let name = normalizeName(key)
                switch value {
                case let s as String: fields[name] = s
                case let n as NSNumber: fields[name] = n.stringValue
                case is NSNull: break
                default:
                    if ["path", "file", "document", "filename", "jurisdiction", "country", "tradition", "title", "year"].contains(name) {
                        throw ManifestError(file: file, line: number, problem: "\(key) must be a string or a number")
                    }
                }
            }
            rows.append((number, fields))
        }
        return rows
    }
}
