import Foundation
import LacunaCore
import ModelLaw
import Yams

/// A catalog that cannot be loaded, with the file and the problem.
public struct CatalogError: LacunaError, Equatable {
    public var file: String
    public var problem: String
    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }
    public var location: String? { file }
}

/// Loads the requirement catalog from `ModelLaw/catalog/*.yml` (bundled) or another folder.
public enum CatalogLoader {
    private struct AreaFile: Decodable {
        var area: String
        var title: String
        var summary: String
        var requirements: [Entry]
    }
    private struct Entry: Decodable {
        var id: String
        var title: String
        var obligation: Obligation
        var sources: [String]
        var asks: String
        var conflictWhen: String?
        var recommendation: String
        var drafting: Drafting
        var narrowedBy: [String]?
    }
    private struct Drafting: Decodable {
        var commonLaw: String
        var civilLaw: String
    }

    /// The catalog bundled with Lacuna.
    public static func bundled() throws -> Catalog {
        try load(directory: ModelLawData.catalogDirectory, areaOrder: ModelLawData.areaOrder)
    }

    /// Loads `<directory>/<area>.yml` for each area in `areaOrder`.
    public static func load(directory: URL, areaOrder: [String]) throws -> Catalog {
        var areas: [Area] = []
        var requirements: [Requirement] = []
        var seen = Set<String>()
        var digest = ""
        for area in areaOrder {
            let url = directory.appendingPathComponent("\(area).yml")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw CatalogError(file: url.path, problem: "cannot be read")
            }
            digest += text
            let file: AreaFile
            do {
                file = try YAMLDecoder().decode(AreaFile.self, from: text)
            } catch {
                throw CatalogError(file: url.path, problem: "is not a valid area file: \(error)")
            }
            guard file.area == area else {
                throw CatalogError(file: url.path, problem: "declares area \(file.area), expected \(area)")
            }
            areas.append(Area(id: area, title: file.title, summary: file.summary))
            for e in file.requirements {
                guard e.id.hasPrefix(area + ".") else {
                    throw CatalogError(file: url.path, problem: "requirement \(e.id) is not in area \(area)")
                }
                guard seen.insert(e.id).inserted else {
                    throw CatalogError(file: url.path, problem: "duplicate requirement \(e.id)")
                }
                requirements.append(Requirement(
                    id: e.id, area: area, title: e.title, obligation: e.obligation, sources: e.sources,
                    asks: e.asks, conflictWhen: e.conflictWhen, recommendation: e.recommendation,
                    drafting: [Tradition.commonLaw.rawValue: e.drafting.commonLaw, Tradition.civilLaw.rawValue: e.drafting.civilLaw],
                    narrowedBy: Set(e.narrowedBy ?? [])))
            }
        }
        var hash = StableHash()
        hash.combine(digest)
        return Catalog(areas: areas, requirements: requirements, version: hash.hex)
    }
}
