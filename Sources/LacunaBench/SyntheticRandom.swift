/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast generator whose sequence depends
/// only on its seed — the same corpus on every machine and every run. Not for security.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`, by multiply-shift (our own, so that it does not depend on how a
    /// standard library version implements `random(in:)`).
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int((UInt64(n).multipliedFullWidth(by: next())).high)
    }

    /// A number in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    /// A uniform number in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// Some of `items` (each kept with probability `p`, at least `minimum`), in their order.
    public mutating func some<T>(_ items: [T], p: Double, minimum: Int = 1) -> [T] {
        var kept: [T] = []
        var flags: [Bool] = []
        for item in items {
            let keep = chance(p)
            flags.append(keep)
            if keep { kept.append(item) }
        }
        var i = 0
        while kept.count < min(minimum, items.count) {
            if !flags[i] {
                flags[i] = true
                kept = zip(items, flags).filter(\.1).map(\.0)
            }
            i += 1
        }
        return kept
    }

    /// A generator for item `index` of a stream seeded with `seed`: each item gets its own
    /// sequence, so items can be made in any order (or in parallel) with the same result.
    public static func forItem(_ index: Int, seed: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(bitPattern: Int64(index)) &* 0xD6E8_FEB8_6659_FD93))
        return SplitMix64(seed: mixer.next())
    }
}
