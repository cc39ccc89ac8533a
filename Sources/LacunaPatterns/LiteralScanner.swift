/// Finds which of many literal strings occur in a text, in one pass (Aho–Corasick).
///
/// The text is folded as ``RequiredLiterals`` folds patterns: ASCII letters to lower case;
/// the two non-ASCII letters that a caseless Unicode match equates with ASCII ones (KELVIN
/// SIGN with `k`, LATIN SMALL LETTER LONG S with `s`) to those letters; and every run of
/// characters that PCRE2's `\s` matches with Unicode properties to one space.
///
/// Built once, it is immutable and shared by every thread; each scan allocates its own
/// small working arrays.
public final class LiteralScanner: Sendable {
    /// What one scan found.
    public struct Result: Sendable {
        /// By literal index: whether it occurs.
        public var found: [Bool]
        /// By literal index: where each occurrence begins (UTF-8 offsets into the text
        /// scanned, ascending), for the literals whose positions were asked for; empty for
        /// the others. 32-bit offsets: a scan holds 4 bytes per occurrence.
        public var starts: [[Int32]]
    }

    /// The literals, as given (lower-case ASCII).
    public let literals: [String]
    /// By literal index: whether a scan reports where it occurs, and its length in bytes.
    private let positional: [Bool]
    private let lengths: [Int32]
    /// The capacity of a scan's ring of recent offsets: a power of two at least as long as
    /// the longest literal with positions (a start is found that many folded bytes back).
    private let originCapacity: Int
    /// By state: whether a literal with positions ends there or along its output links.
    private let reportsPositions: [Bool]
    /// Byte → column of the transition table; bytes no literal contains share column 0.
    private let columns: [UInt8]
    private let width: Int
    /// The automaton's transitions, `states × width`, states numbered breadth first so the
    /// shallow states a text mostly visits share cache lines; 16-bit when they fit.
    private let next16: [UInt16]
    private let next32: [UInt32]
    /// Literals ending at each state: `endIndices[endStart[s]..<endStart[s + 1]]`.
    private let endStart: [Int32]
    private let endIndices: [Int32]
    /// The nearest state along the failure links that ends a literal (-1: none).
    private let outputLink: [Int32]

    /// Builds the automaton; duplicate literals are allowed (each index is reported).
    /// `positions[i]`: report where literal `i` occurs, not only whether (default: no).
    public init(_ literals: [String], positions: [Bool]? = nil) {
        self.literals = literals
        let positional = positions ?? [Bool](repeating: false, count: literals.count)
        self.positional = positional
        lengths = literals.map { Int32($0.utf8.count) }
        let longest = zip(literals, positional).filter(\.1).map { $0.0.utf8.count }.max() ?? 1
        var capacity = 1
        while capacity < longest { capacity <<= 1 }
        originCapacity = capacity
        let (columns, width) = LiteralScanner.alphabet(of: literals)
        let trie = LiteralScanner.Trie(literals, columns: columns, width: width)
        let automaton = trie.automaton()
        let table = automaton.breadthFirst(ends: trie.ends)
        self.columns = columns
        self.width = width
        if automaton.count <= Int(UInt16.max) {
            next16 = table.next.map { UInt16($0) }
            next32 = []
        } else {
            next16 = []
            next32 = table.next
        }
        self.endStart = table.endStart
        self.endIndices = table.endIndices
        self.outputLink = table.outputLink
        reportsPositions = LiteralScanner.reportingStates(table, positional: positional)
    }

    /// Byte → column of the transition table, numbered in the order the literals first use
    /// them (column 0: every byte no literal contains), and the number of columns.
    private static func alphabet(of literals: [String]) -> (columns: [UInt8], width: Int) {
        var columns = [UInt8](repeating: 0, count: 256)
        var width = 1
        for literal in literals {
            for c in literal.utf8 where columns[Int(c)] == 0 {
                columns[Int(c)] = UInt8(width)
                width += 1
            }
        }
        return (columns, width)
    }

    /// The trie of the literals, flat: the children of state s are
    /// `children[s * width ..< (s + 1) * width]` (-1: none); `ends[s]`: the literals ending at s.
    private struct Trie {
        var children: [Int32]
        var ends: [[Int32]] = [[]]
        let width: Int

        init(_ literals: [String], columns: [UInt8], width: Int) {
            self.width = width
            children = [Int32](repeating: -1, count: width)
            for (index, literal) in literals.enumerated() {
                var state = 0
                for c in literal.utf8 {
                    let slot = state * width + Int(columns[Int(c)])
                    if children[slot] < 0 {
                        children[slot] = Int32(ends.count)
                        children.append(contentsOf: repeatElement(-1, count: width))
                        ends.append([])
                    }
                    state = Int(children[slot])
                }
                ends[state].append(Int32(index))
            }
        }

        /// Failure links, breadth first, turning the trie into a complete automaton.
        func automaton() -> Automaton {
            let count = ends.count
            var fail = [Int32](repeating: 0, count: count)
            var outputLink = [Int32](repeating: -1, count: count)
            var next = [Int32](repeating: 0, count: count * width)
            var queue: [Int] = []
            for column in 0..<width {
                let child = children[column]
                if child >= 0 {
                    next[column] = child
                    queue.append(Int(child))
                }
            }
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                let f = Int(fail[state])
                outputLink[state] = ends[f].isEmpty ? outputLink[f] : Int32(f)
                for column in 0..<width {
                    let child = children[state * width + column]
                    if child >= 0 {
                        fail[Int(child)] = next[f * width + column]
                        next[state * width + column] = child
                        queue.append(Int(child))
                    } else {
                        next[state * width + column] = next[f * width + column]
                    }
                }
            }
            // the root's own failure link points to itself; its children fail to the root
            outputLink[0] = -1
            return Automaton(next: next, outputLink: outputLink, order: [0] + queue, width: width)
        }
    }

    /// The complete automaton in the trie's numbering, and its states in breadth-first order.
    private struct Automaton {
        let next: [Int32]
        let outputLink: [Int32]
        let order: [Int]
        let width: Int

        var count: Int { outputLink.count }

        /// The automaton renumbered breadth first, with the literals ending at each state.
        func breadthFirst(ends: [[Int32]]) -> Table {
            var renumbered = [Int](repeating: 0, count: count)
            for (new, old) in order.enumerated() { renumbered[old] = new }
            var bfsNext = [UInt32](repeating: 0, count: count * width)
            var bfsOutput = [Int32](repeating: -1, count: count)
            var endStart: [Int32] = [0]
            var endIndices: [Int32] = []
            for (new, old) in order.enumerated() {
                for column in 0..<width {
                    bfsNext[new * width + column] = UInt32(renumbered[Int(next[old * width + column])])
                }
                bfsOutput[new] = outputLink[old] < 0 ? -1 : Int32(renumbered[Int(outputLink[old])])
                endIndices.append(contentsOf: ends[old])
                endStart.append(Int32(endIndices.count))
            }
            return Table(next: bfsNext, outputLink: bfsOutput, endStart: endStart, endIndices: endIndices)
        }
    }

    /// The automaton as a scan reads it: transitions, output links and the literals ending at
    /// each state, states numbered breadth first.
    private struct Table {
        var next: [UInt32]
        var outputLink: [Int32]
        var endStart: [Int32]
        var endIndices: [Int32]
    }

    /// By state: whether a literal with positions ends there or along its output links.
    private static func reportingStates(_ table: Table, positional: [Bool]) -> [Bool] {
        // breadth first, a state's output link comes earlier: one pass fills the flags
        let count = table.outputLink.count
        var reports = [Bool](repeating: false, count: count)
        for state in 0..<count {
            let own = table.endIndices[Int(table.endStart[state])..<Int(table.endStart[state + 1])].contains { positional[Int($0)] }
            reports[state] = own || (table.outputLink[state] >= 0 && reports[Int(table.outputLink[state])])
        }
        return reports
    }

    /// Which literals occur in `bytes` (UTF-8), by index.
    public func scan(_ bytes: [UInt8]) -> [Bool] {
        search(bytes).found
    }

    /// Which literals occur in `bytes` (UTF-8), and where those asked for begin.
    public func search(_ bytes: [UInt8]) -> Result {
        guard !literals.isEmpty else { return Result(found: [], starts: []) }
        return next32.isEmpty ? search(bytes, next16) : search(bytes, next32)
    }

    @_specialize(where T == UInt16)
    @_specialize(where T == UInt32)
    private func search<T: FixedWidthInteger>(_ bytes: [UInt8], _ next: [T]) -> Result {
        var found = [Bool](repeating: false, count: literals.count)
        var visited = [Bool](repeating: false, count: outputLink.count)
        var starts = [[Int32]](repeating: [], count: literals.count)
        // The offsets in `bytes` of the last `originCapacity` folded bytes (folding shortens
        // the text): a ring, indexed by the count of folded bytes seen, so a scan holds a few
        // bytes whatever the length of the text (an offset per byte would be 4 bytes a byte).
        var origins = [Int32](repeating: 0, count: originCapacity)
        let mask = originCapacity - 1
        var folded = 0
        let width = self.width
        bytes.withUnsafeBufferPointer { text in
        next.withUnsafeBufferPointer { next in
        columns.withUnsafeBufferPointer { columns in
        endStart.withUnsafeBufferPointer { endStart in
        endIndices.withUnsafeBufferPointer { endIndices in
        outputLink.withUnsafeBufferPointer { outputLink in
        reportsPositions.withUnsafeBufferPointer { reportsPositions in
        positional.withUnsafeBufferPointer { positional in
        lengths.withUnsafeBufferPointer { lengths in
        visited.withUnsafeMutableBufferPointer { visited in
        origins.withUnsafeMutableBufferPointer { origins in
        found.withUnsafeMutableBufferPointer { found in
            var state = 0
            var i = 0
            let n = text.count
            var afterSpace = false
            while i < n {
                let origin = i
                var c = text[i]
                if c >= 0x41 && c <= 0x5A {
                    c |= 0x20
                } else if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                    c = 0x20
                } else if c >= 0x80 {
                    let length = LiteralScanner.spaceLength(text, i)
                    if length > 0 {
                        c = 0x20; i += length - 1
                    } else if c == 0xE2, i + 2 < n, text[i + 1] == 0x84, text[i + 2] == 0xAA {
                        c = UInt8(ascii: "k"); i += 2  // U+212A KELVIN SIGN
                    } else if c == 0xC5, i + 1 < n, text[i + 1] == 0xBF {
                        c = UInt8(ascii: "s"); i += 1  // U+017F LATIN SMALL LETTER LONG S
                    }
                }
                i += 1
                if c == 0x20 {
                    if afterSpace { continue }
                    afterSpace = true
                } else {
                    afterSpace = false
                }
                origins[folded & mask] = Int32(origin)
                folded &+= 1
                state = Int(next[state &* width &+ Int(columns[Int(c)])])
                // A state's literals are marked found on its first visit; where a literal's
                // positions are asked for, every visit walks the output links again.
                if reportsPositions[state] || !visited[state] {
                    visited[state] = true
                    var s = state
                    while s >= 0 {
                        for k in Int(endStart[s])..<Int(endStart[s + 1]) {
                            let literal = Int(endIndices[k])
                            found[literal] = true
                            if positional[literal] {
                                let length = Int(lengths[literal])
                                starts[literal].append(origins[(folded - length) & mask])
                            }
                        }
                        s = Int(outputLink[s])
                    }
                }
            }
        }}}}}}}}}}}}
        return Result(found: found, starts: starts)
    }

    /// The length of the non-ASCII whitespace character at `i` (one `\s` matches with
    /// Unicode properties: NEL, NO-BREAK SPACE, OGHAM SPACE MARK, MONGOLIAN VOWEL SEPARATOR,
    /// the spaces U+2000–U+200A, LINE and PARAGRAPH SEPARATOR, NARROW NO-BREAK SPACE, MEDIUM
    /// MATHEMATICAL SPACE, IDEOGRAPHIC SPACE); 0 when there is none.
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        switch b[i] {
        case 0xC2:
            return i + 1 < n && (b[i + 1] == 0x85 || b[i + 1] == 0xA0) ? 2 : 0
        case 0xE1:
            guard i + 2 < n else { return 0 }
            return (b[i + 1] == 0x9A && b[i + 2] == 0x80) || (b[i + 1] == 0xA0 && b[i + 2] == 0x8E) ? 3 : 0
        case 0xE2:
            guard i + 2 < n else { return 0 }
            if b[i + 1] == 0x80 { return (0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 || b[i + 2] == 0xAF ? 3 : 0 }
            return b[i + 1] == 0x81 && b[i + 2] == 0x9F ? 3 : 0
        case 0xE3:
            return i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}
