import Foundation
import LacunaCore

/// Rule packs for idioms that recur in every tradition, because national laws transpose the
/// Protocol's own structure (act, means, purpose; consent; children; jurisdiction). Every
/// plugin's packs are applied after these and may override or disable their rules by id.
public enum SharedRulePacks {
    public static var rulePacks: [URL] {
        RulePackFiles.list(in: Bundle.module.url(forResource: "rules", withExtension: nil))
    }
}
