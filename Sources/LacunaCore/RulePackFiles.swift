import Foundation

/// Lists the rule pack files (`*.yml`, `*.yaml`) of a folder, sorted by name, so that
/// plugins bundle their packs as a resource folder and apply them in a fixed order.
public enum RulePackFiles {
    public static func list(in directory: URL?) -> [URL] {
        guard let directory,
              let urls = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        else { return [] }
        return urls.filter { ["yml", "yaml"].contains($0.pathExtension) }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
