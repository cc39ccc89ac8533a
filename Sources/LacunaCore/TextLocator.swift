/// Converts UTF-8 byte offsets to the positions a report uses: Unicode scalar offsets
/// (what Python's `str` indexes and most tools count as characters) and 1-based lines.
///
/// Built once per document in O(n); each lookup is O(log n).
public struct TextLocator: Sendable {
    private let lineStarts: [Int]          // byte offsets where each line starts
    private let scalarCheckpoints: [Int]   // scalar count before byte i*stride
    private let bytes: [UInt8]
    private static let stride = 256

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var lines = [0]
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / TextLocator.stride + 1)
        var scalars = 0
        for (i, b) in bytes.enumerated() {
            if i % TextLocator.stride == 0 { checkpoints.append(scalars) }
            if b & 0xC0 != 0x80 { scalars += 1 }
            if b == 0x0A { lines.append(i + 1) }
        }
        if bytes.count % TextLocator.stride == 0 { checkpoints.append(scalars) }
        lineStarts = lines
        scalarCheckpoints = checkpoints
    }

    /// The number of Unicode scalars before byte `offset`.
    public func scalarOffset(_ offset: Int) -> Int {
        let clamped = max(0, min(offset, bytes.count))
        let block = clamped / TextLocator.stride
        var count = scalarCheckpoints[min(block, scalarCheckpoints.count - 1)]
        var i = min(block, scalarCheckpoints.count - 1) * TextLocator.stride
        while i < clamped {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The 1-based column (in Unicode scalars) of byte `offset` on its line.
    public func column(_ offset: Int) -> Int {
        let l = line(offset)
        return scalarOffset(offset) - scalarOffset(lineStarts[l - 1]) + 1
    }

    /// The 1-based line of byte `offset`.
    public func line(_ offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }
}
