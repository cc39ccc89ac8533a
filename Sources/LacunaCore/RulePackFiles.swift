import Foundation

/// Lists the rule pack files (`*.yml`, `*.yaml`) of a folder and its subfolders (a language's
/// packs live in `rules/fr/`, `rules/es/`), sorted by path relative to the folder, so that
/// plugins bundle their packs as a resource folder and apply them in a fixed order.
///
/// Laws: the order is that of the relative paths compared as strings (`criminalization.yml`
/// before `fr/criminalization.yml`); hidden files and folders are skipped.
public enum RulePackFiles {
    public static func list(in directory: URL?) -> [URL] {
        guard let directory,
              let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles])
        else { return [] }
        let base = directory.standardizedFileURL.path
        var found: [(relative: String, url: URL)] = []
        for case let url as URL in walker where ["yml", "yaml"].contains(url.pathExtension) {
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/")) : path
            found.append((relative, url))
        }
        return found.sorted { $0.relative < $1.relative }.map(\.url)
    }
}
