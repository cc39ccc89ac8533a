import CivilLawPlugin
import CommonLawPlugin
import Foundation
import IslamicLawPlugin
import LacunaCore
import SharedRulePacks

/// The analyzer plugins Lacuna knows, by tradition. Registration is explicit: a literal
/// list, checked by a test, never discovered at run time.
public struct PluginRegistry: Sendable {
    public let plugins: [any AnalyzerPlugin]
    /// Packs applied before every plugin's own.
    public let sharedPacks: [URL]

    public init(plugins: [any AnalyzerPlugin], sharedPacks: [URL]) {
        self.plugins = plugins
        self.sharedPacks = sharedPacks
    }

    /// The built-in plugins.
    public static let standard = PluginRegistry(
        plugins: [CommonLawPlugin(), CivilLawPlugin(), IslamicLawPlugin()],
        sharedPacks: SharedRulePacks.rulePacks)

    public var traditions: [Tradition] { plugins.map(\.tradition) }

    public func plugin(for tradition: Tradition) -> (any AnalyzerPlugin)? {
        plugins.first { $0.tradition == tradition }
    }
}
