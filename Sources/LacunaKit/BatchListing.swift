import Foundation

/// A file of a batch's folder that the walk left out, and why.
public struct SkippedFile: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// A project's own documentation, by its name (``BatchInput/isDocumentationFile(_:)``):
        /// `README*`, `CHANGELOG`, `LICENSE`, `NOTICE` ...
        case documentation
        /// Not a format a batch reads (`.csv`, `.json`, an image), or not a regular file.
        case otherType
        /// A symbolic link whose target does not exist.
        case brokenLink
        /// A symbolic link that leads back into a folder it is in (or to itself).
        case linkLoop
        /// A file or folder already listed under another path (reached again through a link).
        case sameFile
        /// A folder that could not be listed (permissions): the listing is then incomplete.
        case unreadableFolder

        /// How a summary names the reason, for `n` files.
        func describe(_ n: Int) -> String {
            let s = n == 1 ? "" : "s"
            switch self {
            case .documentation: return "\(n) documentation file\(s) (README, LICENSE ...)"
            case .otherType: return "\(n) file\(s) of a type a batch does not read"
            case .brokenLink: return "\(n) broken symbolic link\(s)"
            case .linkLoop: return "\(n) symbolic link loop\(s)"
            case .sameFile: return "\(n) file\(s) or folder\(s) already listed through another path"
            case .unreadableFolder: return "\(n) folder\(s) that could not be listed"
            }
        }
    }

    /// The path relative to the batch's folder.
    public var path: String
    public var reason: Reason
    /// For ``Reason/sameFile``: the path it was listed under first.
    public var sameAs: String?

    public init(path: String, reason: Reason, sameAs: String? = nil) {
        self.path = path
        self.reason = reason
        self.sameAs = sameAs
    }
}

/// What a batch's input holds: the documents, the files of a folder left out and why, and
/// whether the listing is the whole source.
///
/// Laws: `complete` is false for a manifest on standard input (a stream may be one part of a
/// corpus, as each of Spark's partitions is) and for a folder with a sub-folder that could not
/// be listed; only a complete listing lets a finished run retire the documents it no longer
/// holds.
public struct BatchListing: Sendable {
    public var items: [BatchItem]
    public var skipped: [SkippedFile]
    public var complete: Bool

    public init(items: [BatchItem], skipped: [SkippedFile] = [], complete: Bool) {
        self.items = items
        self.skipped = skipped
        self.complete = complete
    }

    /// One sentence on the files left out — how many, why, the first few of each reason — or
    /// nil when none was.
    public var skippedSummary: String? {
        guard !skipped.isEmpty else { return nil }
        var parts: [String] = []
        for reason in SkippedFile.Reason.allCases {
            let files = skipped.filter { $0.reason == reason }
            guard !files.isEmpty else { continue }
            var examples = files.prefix(3).map { f in f.sameAs.map { "\(f.path) = \($0)" } ?? f.path }
            if files.count > 3 { examples.append("...") }
            parts.append("\(reason.describe(files.count)): \(examples.joined(separator: ", "))")
        }
        let n = skipped.count
        return "\(n) file\(n == 1 ? "" : "s") skipped — " + parts.joined(separator: "; ")
    }
}
