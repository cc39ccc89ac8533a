#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Looking for a literal in UTF-8 bytes: `memchr` to the next candidate first byte, `memcmp`
/// for the rest. For the many small literal tests done on every document (tradition cues,
/// line classification, literal analysis), where Foundation's `range(of:)` would convert to
/// UTF-16 on each call.
public enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `from`; nil
    /// when there is none. An empty needle occurs at `from`.
    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard let first = needle.first else { return from <= haystack.count ? from : nil }
        guard haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { buffer -> Int? in
            let base = buffer.baseAddress!
            let last = buffer.count - needle.count
            var i = from
            while i <= last, let hit = memchr(base + i, Int32(first), last - i + 1) {
                let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + j, needle, needle.count) == 0 { return j }
                i = j + 1
            }
            return nil
        }
    }

    /// Whether `needle` occurs in `haystack`.
    public static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// Non-overlapping occurrences of a non-empty `needle`, counting at most `max`.
    public static func count(of needle: [UInt8], in haystack: [UInt8], max: Int) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var from = 0
        while count < max, let j = firstIndex(of: needle, in: haystack, from: from) {
            count += 1
            from = j + needle.count
        }
        return count
    }
}
