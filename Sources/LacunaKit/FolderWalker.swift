import Foundation
import LacunaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the documents under a folder for a batch, following symbolic links.
///
/// Laws: every real folder is listed once and every real file taken once (by device and
/// inode), so a link that leads back into one of its own folders is a loop reported as
/// ``SkippedFile/Reason/linkLoop``, never followed forever, and a file reached again through a
/// link is reported as ``SkippedFile/Reason/sameFile``; entries are visited in name order, so
/// which path is kept is deterministic. Hidden files and folders (a name starting with `.`)
/// are left out without a word. Nothing found under the folder is fatal: a broken link, a loop
/// or a folder that cannot be listed is recorded and the walk goes on.
struct FolderWalker {
    /// The folder as the user typed it (documents are read and reported under it).
    let folder: String
    private var folders: [FileID: String] = [:]
    private var files: [FileID: String] = [:]
    private(set) var items: [BatchItem] = []
    private(set) var skipped: [SkippedFile] = []
    private(set) var complete = true

    /// A file's identity on its device.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    init(folder: String) {
        self.folder = folder
    }

    /// Walks the folder; throws only when the folder itself cannot be listed.
    mutating func walk() throws -> BatchListing {
        let root = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.path
        guard case let .folder(id) = Self.kind(root) else { throw UsageError("\(folder): cannot list the folder") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root)
        } catch {
            throw UsageError("\(folder): cannot list the folder")
        }
        folders[id] = ""
        visit(names, in: root, key: [], ancestors: [id])
        return BatchListing(items: items.sorted { $0.key < $1.key }, skipped: skipped, complete: complete)
    }

    private mutating func visit(_ names: [String], in directory: String, key prefix: [String], ancestors: Set<FileID>) {
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let components = prefix + [name]
            let key = components.joined(separator: "/")
            switch Self.kind(path) {
            case let .unreachable(loop):
                skipped.append(SkippedFile(path: key, reason: loop ? .linkLoop : .brokenLink))
            case let .folder(id):
                if ancestors.contains(id) {
                    skipped.append(SkippedFile(path: key, reason: .linkLoop))
                } else if let first = folders[id] {
                    skipped.append(SkippedFile(path: key, reason: .sameFile, sameAs: first))
                } else {
                    folders[id] = key
                    guard let children = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                        skipped.append(SkippedFile(path: key, reason: .unreadableFolder))
                        complete = false
                        continue
                    }
                    visit(children, in: path, key: components, ancestors: ancestors.union([id]))
                }
            case let .file(id):
                if BatchInput.isDocumentationFile(name) {
                    skipped.append(SkippedFile(path: key, reason: .documentation))
                } else if !BatchInput.documentExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    skipped.append(SkippedFile(path: key, reason: .otherType))
                } else if let first = files[id] {
                    skipped.append(SkippedFile(path: key, reason: .sameFile, sameAs: first))
                } else {
                    files[id] = key
                    let display = folder.hasSuffix("/") ? folder + key : folder + "/" + key
                    let jurisdiction = components.count > 1 ? components[0] : (name as NSString).deletingPathExtension
                    items.append(BatchItem(path: display, key: key, jurisdiction: jurisdiction))
                }
            case .other:
                skipped.append(SkippedFile(path: key, reason: .otherType))
            }
        }
    }

    enum Kind {
        case folder(FileID)
        case file(FileID)
        case other
        /// Following the links failed: a loop of links (`ELOOP`), or a missing target.
        case unreachable(loop: Bool)
    }

    /// What `path` is once links are followed.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .unreachable(loop: errno == ELOOP) }
        let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder(id)
        case S_IFREG: return .file(id)
        default: return .other
        }
    }
}
