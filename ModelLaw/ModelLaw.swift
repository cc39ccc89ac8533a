import Foundation

/// The requirement catalog's data files (`catalog/*.yml`), bundled as resources.
///
/// This folder is data: one YAML file per area of the instruments, in the project's own
/// words. `LacunaCatalog` reads it; this file only says where it is.
public enum ModelLawData {
    /// The folder holding the area files.
    public static var catalogDirectory: URL {
        Bundle.module.url(forResource: "catalog", withExtension: nil)!
    }

    /// The areas in report order; each has `catalog/<area>.yml`.
    public static let areaOrder = ["definition", "criminalization", "nonpunishment", "assistance", "status",
                                   "jurisdiction", "prevention", "cooperation", "coordination"]
}
