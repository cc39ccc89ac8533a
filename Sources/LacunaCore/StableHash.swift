/// FNV-1a, 64-bit: a hash that is stable from run to run and machine to machine (unlike
/// `Hasher`), used to version the catalog and rule sets. Not for security.
public struct StableHash: Sendable {
    private var state: UInt64 = 0xcbf29ce484222325

    public init() {}

    /// Adds a string, with a separator so that ("ab","c") and ("a","bc") differ.
    public mutating func combine(_ s: String) {
        for b in s.utf8 {
            state ^= UInt64(b)
            state = state &* 0x100000001b3
        }
        state ^= 0xff
        state = state &* 0x100000001b3
    }

    /// Sixteen lower-case hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
