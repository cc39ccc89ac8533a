import Foundation
import LacunaCore
import LacunaKit

/// `lacuna bench --large`: how time and memory grow with the length of one document.
///
/// For each size, in ascending order, a ``LargeStatute`` is written to a temporary file and
/// analysed twice: once by a child `lacuna analyze --format json` (what a user waits for:
/// wall time, CPU time and peak resident memory, start-up and encoding included), once in
/// this process with a ``StageTimer`` (where the CPU time goes).
///
/// Laws: sizes run smallest first, and the peak memory of a size is the largest peak of any
/// child so far (Linux reports the children's peak only as a maximum), so a peak is never
/// under-reported; nothing is left on disk unless asked (`--keep`).
public enum LargeBench {
    /// One size's figures.
    public struct Row: Sendable {
        public var sections: Int
        public var bytes: Int
        /// The child analysis, start to exit.
        public var wall: Duration
        public var cpu: Duration
        /// Peak resident memory of the child, in bytes (nil where the system does not say).
        public var peak: Int?
        /// CPU time per stage of the in-process analysis.
        public var stages: StageTimes
        public var provisions: Int
    }

    public static let defaultSizes = [10_000, 50_000, 100_000]

    /// Runs every size; `executable` is the `lacuna` binary the children run; the statutes
    /// are kept in `keep` when given (else written to a temporary folder and removed).
    public static func run(sizes: [Int], seed: UInt64, executable: String, analyzer: Analyzer, keep: String? = nil,
                           log: @Sendable (String) -> Void) throws -> [Row] {
        let fm = FileManager.default
        let folder = keep.map { URL(fileURLWithPath: $0) } ?? fm.temporaryDirectory.appendingPathComponent("lacuna-large-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? fm.removeItem(at: folder) } }
        let common = TraditionChoice(traditions: [.commonLaw], detected: false)
        _ = try analyzer.ruleSet(for: common)  // compiled once, before any stage is timed
        var rows: [Row] = []
        for size in sizes.sorted() {
            let file = folder.appendingPathComponent("large-\(size).txt")
            let bytes = try write(LargeStatute(sections: size, seed: seed), to: file)
            log("\(size) sections (\(String(format: "%.1f", Double(bytes) / 1_000_000)) MB): lacuna analyze ...")
            let (wall, cpu, peak) = try child(executable, ["analyze", "--format", "json", "--tradition", "common-law", file.path])
            log("\(size) sections: stages in this process ...")
            let timer = StageTimer()
            let analysis = try analyzer.analyze(path: file.path, tradition: common, observer: timer)
            rows.append(Row(sections: size, bytes: bytes, wall: wall, cpu: cpu, peak: peak, stages: timer.times,
                            provisions: analysis.document.provisions.count))
            if keep == nil { try fm.removeItem(at: file) }
        }
        return rows
    }

    static func write(_ statute: LargeStatute, to file: URL) throws -> Int {
        let data = Data(statute.text().utf8)
        try data.write(to: file)
        return data.count
    }

    /// Runs one child to its end: wall time, its CPU time, and the peak resident memory of
    /// the children so far.
    static func child(_ executable: String, _ arguments: [String]) throws -> (Duration, Duration, Int?) {
        let clock = ContinuousClock()
        let cpuBefore = CPUTime.children()
        let start = clock.now
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let wall = clock.now - start
        guard p.terminationStatus == 0 else {
            throw UsageError("lacuna analyze exited with status \(p.terminationStatus): "
                             + String(decoding: message.prefix(400), as: UTF8.self))
        }
        return (wall, CPUTime.children() - cpuBefore, CPUTime.childrenPeakMemory())
    }

    /// The rows as the lines `lacuna bench --large` prints.
    public static func describe(_ rows: [Row]) -> String {
        func mb(_ n: Int) -> String { String(format: "%.1f", Double(n) / 1_000_000) }
        var out = ["sections  provisions     MB    wall s   CPU s  peak MiB  peak/input  CPU s per MB"]
        for r in rows {
            let peak = r.peak.map { String(format: "%8.0f", Double($0) / 1_048_576) } ?? "       ?"
            let ratio = r.peak.map { String(format: "%9.1f×", Double($0) / Double(max(r.bytes, 1))) } ?? "         ?"
            out.append(String(format: "%8d  %10d  %5@  %8.2f  %6.2f  ", r.sections, r.provisions, mb(r.bytes), r.wall.seconds, r.cpu.seconds)
                       + peak + "  " + ratio + String(format: "  %12.3f", r.cpu.seconds / max(Double(r.bytes) / 1_000_000, 1e-9)))
        }
        out.append("")
        out.append("stages (CPU s of the thread that ran each, in-process; start-up and encoding not included; the rule")
        out.append("searches a document over 1 MB hands to other threads count in the CPU column above, not under analyze)")
        // A single analysis neither encodes for a store nor commits to one.
        func shown(_ t: StageTimes) -> [(String, Duration)] { t.stages.filter { $0.0 != "encode" && $0.0 != "store" } }
        out.append("sections  " + shown(StageTimes()).map { $0.0.padding(toLength: 17, withPad: " ", startingAt: 0) }.joined())
        for r in rows {
            out.append(String(format: "%8d  ", r.sections) + shown(r.stages).map { String(format: "%-17.2f", $0.1.seconds) }.joined())
        }
        return out.joined(separator: "\n")
    }
}
