import Foundation
import LacunaCore
import ModelLaw

/// The languages a report can be written in: English (the catalog itself) and each
/// translation of the catalog, loaded the first time a report asks for it.
///
/// Laws: `catalog(for: .english)` is the English catalog; a translation is checked against
/// the English catalog when it is loaded (``CatalogLoader/translation(_:directory:english:)``)
/// and loaded once; `languages` is English, then the translations in the order given.
/// Safe to share between tasks.
public final class CatalogTranslations: @unchecked Sendable {
    public let english: Catalog
    /// The folder of each translation (`ModelLaw/catalog/fr`), by language.
    public let directories: [(language: Language, directory: URL)]
    private var loaded: [Language: CatalogTranslation] = [:]
    private let lock = NSLock()

    public init(english: Catalog, directories: [(language: Language, directory: URL)]) {
        self.english = english
        self.directories = directories
    }

    /// The translations bundled with Lacuna (`ModelLaw/catalog/<lang>/`), of the bundled catalog.
    public static func bundled(english: Catalog) -> CatalogTranslations {
        let root = ModelLawData.catalogDirectory
        return CatalogTranslations(english: english, directories: ModelLawData.translations.map {
            (Language($0), root.appendingPathComponent($0, isDirectory: true))
        })
    }

    /// English only (for a catalog of the caller's own, which no bundled translation matches).
    public static func englishOnly(_ english: Catalog) -> CatalogTranslations {
        CatalogTranslations(english: english, directories: [])
    }

    /// English and every language with a translation folder.
    public var languages: [Language] {
        [.english] + directories.filter { FileManager.default.fileExists(atPath: $0.directory.path) }.map(\.language)
    }

    /// Whether a report can be written in `language` (its primary subtag: `fr-CA` is French).
    public func has(_ language: Language) -> Bool {
        languages.contains { $0.primary == language.primary }
    }

    /// The catalog in `language`: English, or its translation (loaded and checked on first use).
    /// A language without a translation folder is a ``CatalogError`` naming the folder.
    public func catalog(for language: Language) throws -> CatalogTranslation {
        let primary = Language(language.primary)
        if primary == .english {
            return CatalogTranslation(language: .english, catalog: english, untranslated: [], untranslatedAreas: [])
        }
        if let done = lock.withLock({ loaded[primary] }) { return done }
        guard let entry = directories.first(where: { $0.language == primary }) else {
            throw CatalogError(file: primary.rawValue, problem: "no translation of the catalog into \(primary.name) (reports are written in \(languages.map(\.rawValue).joined(separator: ", ")))")
        }
        guard FileManager.default.fileExists(atPath: entry.directory.path) else {
            throw CatalogError(file: entry.directory.path, problem: "no translation of the catalog into \(primary.name) is installed")
        }
        let translation = try CatalogLoader.translation(primary, directory: entry.directory, english: english)
        lock.withLock { loaded[primary] = translation }
        return translation
    }
}
