import Foundation
import LacunaCore
import Yams

/// The catalog in another language: every requirement of the English catalog, with the
/// title, what it asks, when it conflicts, the recommendation and the drafting suggestions
/// in `language` where the translation gives them, and in English where it does not.
///
/// Laws: `catalog` has exactly the English catalog's areas and requirements, in the same
/// order, with the same ids, obligations, sources, qualifiers and drafting keys (only the
/// words change); `untranslated` lists, in catalog order, the requirements shown in English.
public struct CatalogTranslation: Sendable {
    public let language: Language
    public let catalog: Catalog
    /// Requirements the translation leaves out (their English text stands in).
    public let untranslated: [String]
    /// Area files the translation leaves out (their titles and summaries stay English).
    public let untranslatedAreas: [String]

    public init(language: Language, catalog: Catalog, untranslated: [String], untranslatedAreas: [String]) {
        self.language = language
        self.catalog = catalog
        self.untranslated = untranslated
        self.untranslatedAreas = untranslatedAreas
    }

    /// Whether the translation gives every area and every requirement.
    public var isComplete: Bool { untranslated.isEmpty && untranslatedAreas.isEmpty }
}

extension CatalogLoader {
    /// Loads `<directory>/<area>.yml` for each area of `english` and checks each file against
    /// it: the file's `language` and `area`, only known requirement ids (each once), every
    /// text present and not empty, `conflictWhen` exactly where the English entry has one,
    /// and the same drafting keys. A file that breaks one of these is a ``CatalogError``
    /// naming the file and line; an area file or a requirement the translation leaves out is
    /// not an error — its English text stands in, and `untranslated` says so.
    public static func translation(_ language: Language, directory: URL, english: Catalog) throws -> CatalogTranslation {
        var translated: [String: Requirement] = [:]
        var areas: [Area] = []
        var missingAreas: [String] = []
        for area in english.areas {
            let url = directory.appendingPathComponent("\(area.id).yml")
            guard FileManager.default.fileExists(atPath: url.path) else {
                missingAreas.append(area.id)
                areas.append(area)
                continue
            }
            let file = try TranslationFile(url: url, language: language, area: area.id, english: english)
            areas.append(Area(id: area.id, title: file.title, summary: file.summary))
            for r in file.requirements { translated[r.id] = r }
        }
        let requirements = english.requirements.map { translated[$0.id] ?? $0 }
        return CatalogTranslation(language: language,
                                  catalog: Catalog(areas: areas, requirements: requirements, version: english.version),
                                  untranslated: english.requirements.map(\.id).filter { translated[$0] == nil },
                                  untranslatedAreas: missingAreas)
    }
}

/// One translated area file, read and checked against the English catalog.
struct TranslationFile {
    let title: String
    let summary: String
    let requirements: [Requirement]

    private static let fileKeys: Set = ["language", "area", "title", "summary", "requirements"]
    private static let entryKeys: Set = ["id", "title", "asks", "conflictWhen", "recommendation", "drafting"]
    /// The drafting keys as the area files write them, and as a requirement keeps them.
    static let draftingKeys = ["commonLaw": Tradition.commonLaw.rawValue, "civilLaw": Tradition.civilLaw.rawValue,
                               "islamicLaw": Tradition.islamicLaw.rawValue]

    private let path: String

    init(url: URL, language: Language, area: String, english: Catalog) throws {
        path = url.path
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw CatalogError(file: path, problem: "cannot be read as UTF-8 text")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw CatalogError(file: path, problem: "is empty") }
            root = node
        } catch let e as CatalogError {
            throw e
        } catch {
            throw CatalogError(file: path, problem: "is not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        let fields = try Self.mapping(root, keys: Self.fileKeys, what: "a translated area file", in: path)
        let declared = try Self.text(fields, "language", at: root, in: path)
        guard declared == language.rawValue else {
            throw CatalogError(file: Self.at(path, fields["language"]), problem: "declares language \(declared), but it is in the \(language.rawValue) folder")
        }
        let declaredArea = try Self.text(fields, "area", at: root, in: path)
        guard declaredArea == area else {
            throw CatalogError(file: Self.at(path, fields["area"]), problem: "declares area \(declaredArea), expected \(area) (the file's name)")
        }
        title = try Self.text(fields, "title", at: root, in: path)
        summary = try Self.text(fields, "summary", at: root, in: path)
        guard let list = fields["requirements"], let entries = list.sequence else {
            throw CatalogError(file: Self.at(path, fields["requirements"] ?? root), problem: "requirements must be a list of entries (- id: ...)")
        }
        var seen = Set<String>()
        var requirements: [Requirement] = []
        for entry in entries {
            if let id = entry.mapping?.first(where: { $0.key.string == "id" })?.value.string, !seen.insert(id).inserted {
                throw CatalogError(file: Self.at(path, entry), problem: "requirement \(id) is translated twice")
            }
            requirements.append(try Self.requirement(entry, area: area, english: english, in: path))
        }
        self.requirements = requirements
    }

    /// One entry: the English requirement with the translated words.
    private static func requirement(_ node: Node, area: String, english: Catalog, in path: String) throws -> Requirement {
        let fields = try mapping(node, keys: entryKeys, what: "a requirement", in: path)
        let id = try text(fields, "id", at: node, in: path)
        guard let base = english[id], base.area == area else {
            let problem = english[id] == nil ? "unknown requirement \(id) (not in the English catalog)" : "requirement \(id) is not in area \(area)"
            throw CatalogError(file: at(path, fields["id"]), problem: problem)
        }
        var conflict: String?
        switch (base.conflictWhen != nil, fields["conflictWhen"] != nil) {
        case (true, true): conflict = try text(fields, "conflictWhen", at: node, in: path)
        case (true, false): throw CatalogError(file: at(path, node), problem: "\(id) has no conflictWhen, but the English entry has one")
        case (false, true): throw CatalogError(file: at(path, fields["conflictWhen"]), problem: "\(id) has a conflictWhen, but the English entry has none")
        case (false, false): conflict = nil
        }
        let drafting = try self.drafting(fields["drafting"], of: base, entry: node, in: path)
        return Requirement(id: id, area: area, title: try text(fields, "title", at: node, in: path), obligation: base.obligation,
                           sources: base.sources, asks: try text(fields, "asks", at: node, in: path), conflictWhen: conflict,
                           recommendation: try text(fields, "recommendation", at: node, in: path), drafting: drafting,
                           narrowedBy: base.narrowedBy)
    }

    /// The drafting suggestions: the same keys as the English entry, each with its text.
    private static func drafting(_ node: Node?, of base: Requirement, entry: Node, in path: String) throws -> [String: String] {
        guard let node else { throw CatalogError(file: at(path, entry), problem: "\(base.id) has no drafting") }
        let expected = Set(base.drafting.keys.compactMap { key in draftingKeys.first { $0.value == key }?.key })
        let fields = try mapping(node, keys: expected, what: "drafting", in: path)
        var out: [String: String] = [:]
        for key in expected.sorted() {
            guard fields[key] != nil else {
                throw CatalogError(file: at(path, node), problem: "\(base.id): drafting has no \(key), but the English entry has one")
            }
            out[draftingKeys[key]!] = try text(fields, key, at: node, in: path)
        }
        return out
    }

    /// A mapping's values by key; a key outside `keys` (or a key twice) is an error at its line.
    private static func mapping(_ node: Node, keys: Set<String>, what: String, in path: String) throws -> [String: Node] {
        guard let m = node.mapping else {
            throw CatalogError(file: at(path, node), problem: "\(what) must be a mapping (\(keys.sorted().joined(separator: ", ")))")
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            let key = k.string ?? "?"
            guard keys.contains(key) else {
                throw CatalogError(file: at(path, k), problem: "unknown key \(key) in \(what) (expected \(keys.sorted().joined(separator: ", ")))")
            }
            guard out.updateValue(v, forKey: key) == nil else { throw CatalogError(file: at(path, k), problem: "\(key) is given twice") }
        }
        return out
    }

    /// A field's text: present, a string, and not empty.
    private static func text(_ fields: [String: Node], _ key: String, at parent: Node, in path: String) throws -> String {
        guard let node = fields[key] else { throw CatalogError(file: at(path, parent), problem: "\(key) is missing") }
        guard let s = node.scalar?.string else { throw CatalogError(file: at(path, node), problem: "\(key) must be text") }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CatalogError(file: at(path, node), problem: "\(key) is empty") }
        return trimmed
    }

    /// `path:line` for a node whose line is known.
    static func at(_ path: String, _ node: Node?) -> String {
        node?.mark.map { "\(path):\($0.line)" } ?? path
    }
}
