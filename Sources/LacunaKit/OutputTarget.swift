import Foundation
import LacunaCore

/// Where a front end writes a report (`-o`), checked against what it reads.
public enum OutputTarget {
    /// Refuses an output that is one of the inputs (however it is spelled: another path, a
    /// symbolic link, a hard link), so that a report never overwrites the law it is about.
    ///
    /// - Throws: ``UsageError`` naming the output and the input.
    public static func check(_ output: String, against inputs: [String]) throws {
        guard let target = identity(output) else { return }   // a new file: nothing to overwrite
        for input in inputs where input != "-" && identity(input) == target {
            let same = input == output ? "" : " (\(input))"
            throw UsageError("\(output): is an input file\(same); the report would overwrite it — write it elsewhere")
        }
    }

    /// The device and inode of the file at `path` (following links), or nil when there is none.
    static func identity(_ path: String) -> [Int]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path),
              let device = (attributes[.systemNumber] as? NSNumber)?.intValue,
              let inode = (attributes[.systemFileNumber] as? NSNumber)?.intValue else { return nil }
        return [device, inode]
    }
}
