import GRDB
import LacunaCore

/// Placeholder until the batch store lands (issue: batch runs over a legislation database).
enum StorePlaceholder {}
