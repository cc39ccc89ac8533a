import Foundation

/// The requirement catalog's data files (`catalog/*.yml`), bundled as resources.
///
/// This folder is data: one YAML file per area of the instruments, in the project's own
/// words, and in `catalog/<lang>/` the same areas translated for reports in that language
/// (the English catalog reads only `catalog/<area>.yml`, never a subfolder).
/// `LacunaCatalog` reads it; this file only says where it is.
public enum ModelLawData {
    /// The folder holding the area files.
    public static var catalogDirectory: URL {
        Bundle.module.url(forResource: "catalog", withExtension: nil)!
    }

    /// The areas in report order; each has `catalog/<area>.yml`.
    public static let areaOrder = ["definition", "criminalization", "nonpunishment", "assistance", "status",
                                   "jurisdiction", "prevention", "cooperation", "coordination"]

    /// The languages the catalog is translated into, each in `catalog/<lang>/<area>.yml`
    /// (an explicit list: a folder not named here is not read).
    public static let translations = ["fr", "es"]
}
