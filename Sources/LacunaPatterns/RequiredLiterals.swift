/// The literal text a pattern cannot match without: a set of strings, one of which is in
/// every match, read off the pattern's source.
///
/// It lets a caller skip a pattern on a text that holds none of the strings, without running
/// it. The strings are lower-case ASCII, so they are necessary whether or not the pattern is
/// caseless (compare them with text folded by ``LiteralScanner``).
///
/// Laws:
/// - Sound, never clever: whenever the pattern could match a text, one of the strings occurs
///   in that text (after folding). Any construct the reader does not fully understand —
///   extended mode, numbered back-references, `\Q…\E`, verbs, recursion, conditionals — gives nil,
///   "nothing known", and the pattern is always run.
/// - Anchors, `\b` and negative lookarounds require nothing; a positive lookaround requires
///   its own text; classes, `.`, `\w` and the like are "any character" (a small class of
///   plain letters, such as `[cs]`, is its letters); an optional part requires nothing; a
///   named back-reference is unknown text that may be empty.
/// - Leading strings too many to keep are cut to shared prefixes (``bounded(_:)``), never
///   dropped for a string that a match could begin with otherwise.
public enum RequiredLiterals {
    /// At most this many strings are kept in a set; a larger set is dropped (nothing known).
    static let maximumSet = 64
    /// At most this many sets are kept in a conjunction (the most selective ones).
    static let maximumConjuncts = 4

    /// Sets of strings such that every match of `source` contains one string of each set;
    /// nil when nothing useful is known (then the pattern must always be run).
    ///
    /// Whitespace is one space: `\s+`, `\s`, a literal space or tab all read as " ", and
    /// ``LiteralScanner`` folds every run of whitespace in the text to one space.
    public static func of(_ source: String) -> [Set<String>]? {
        analysis(of: source).required
    }

    /// Strings one of which every match of `source` begins with (after anchors, `\b` and
    /// lookarounds, which consume nothing); nil when unknown. A match can then only start
    /// where one of them occurs. Folded as for ``of(_:)``; never a string beginning with a
    /// space (a `\s` may match part of a run of spaces).
    public static func leading(of source: String) -> Set<String>? {
        analysis(of: source).leading
    }

    /// Both readings of `source` at once.
    public static func analysis(of source: String) -> (required: [Set<String>]?, leading: Set<String>?) {
        var parser = Parser(Array(source.utf8))
        guard let info = parser.parse() else { return (nil, nil) }
        let sets = info.all.filter { set in !set.contains(where: { $0.isEmpty || $0 == " " }) }.map(reduced)
        let leading = parser.resetsStart ? nil : info.starts.map(reducedLeading)
        return (sets.isEmpty ? nil : sets, leading)
    }

    /// At most this many bytes of a literal are kept: a prefix of a required string is
    /// required too, and short literals keep the scanner's automaton small.
    static let maximumLength = 12

    /// The same requirement with fewer, shorter strings: each cut to ``maximumLength`` bytes,
    /// and any string that contains another of the set dropped ("victims" goes when
    /// "victim" is there: whenever it occurs, so does "victim").
    static func reduced(_ set: Set<String>) -> Set<String> {
        shortest(set) { longer, shorter in ByteSearch.contains(shorter, in: longer) }
    }

    /// Leading strings reduced the same way, but a string is dropped only when it *begins*
    /// with another of the set (a match that begins with "victims" begins with "victim").
    static func reducedLeading(_ set: Set<String>) -> Set<String> {
        shortest(set) { longer, shorter in longer.starts(with: shorter) }
    }

    /// The shortest prefixes kept of a leading string when a set outgrows ``maximumSet``.
    static let shortestLeadingPrefix = 3

    /// Leading strings within ``maximumSet``: `set` itself when small enough, else its strings
    /// cut to ever shorter prefixes (a match that begins with "not be held" begins with
    /// "not "), down to ``shortestLeadingPrefix`` bytes; nil when even those are too many.
    /// A long alternation of phrases ("with or without", "regardless of", "irrelevant", ...)
    /// so keeps the places where it can begin instead of being tried at every letter.
    static func bounded(_ set: Set<String>) -> Set<String>? {
        if set.count <= maximumSet { return set }
        for length in stride(from: maximumLength, through: shortestLeadingPrefix, by: -1) {
            let cut = reducedLeading(Set(set.map { String(decoding: $0.utf8.prefix(length), as: UTF8.self) }))
            if cut.count <= maximumSet { return cut }
        }
        return nil
    }

    /// The strings of `set` cut to ``maximumLength`` bytes, without those that `covers` one
    /// already kept (shortest first).
    private static func shortest(_ set: Set<String>, dropping covers: ([UInt8], [UInt8]) -> Bool) -> Set<String> {
        let cut = Set(set.map { Array($0.utf8.prefix(maximumLength)) })
        let byLength = cut.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var kept: [[UInt8]] = []
        for s in byLength where !kept.contains(where: { covers(s, $0) }) { kept.append(s) }
        return Set(kept.map { String(decoding: $0, as: UTF8.self) })
    }

    /// What is known of a part of a pattern.
    struct Info {
        /// Every string the part can match, when that is a small finite set.
        var exact: Set<String>?
        /// Every match contains one string of each set (besides what `exact` says).
        var required: [Set<String>]

        /// Every match begins with one of these, when `exact` does not say; nil: unknown.
        /// Never set for a part that can match the empty string.
        var leading: Set<String>? = nil

        /// The strings every match begins with: `exact` when none is empty or begins with a
        /// space, else `leading`.
        var starts: Set<String>? {
            if let e = exact { return e.contains(where: { $0.isEmpty || $0.hasPrefix(" ") }) ? nil : e }
            return leading
        }

        static let any = Info(exact: nil, required: [])
        static let empty = Info(exact: [""], required: [])
        static let space = Info(exact: [" "], required: [])

        /// Every requirement known: `required` and, when usable, `exact`.
        var all: [Set<String>] {
            guard let e = Info.asRequirement(exact) else { return required }
            return Info.trimmed(required + [e])
        }

        static func asRequirement(_ exact: Set<String>?) -> Set<String>? {
            guard let exact, !exact.contains(""), !exact.contains(" ") else { return nil }
            return exact
        }

        /// How selective a set is: its shortest string, then (negated) its size.
        static func score(_ set: Set<String>) -> (Int, Int) {
            (set.map { $0.utf8.count }.min() ?? 0, -set.count)
        }

        /// The most selective sets, at most ``maximumConjuncts``, in a stable order.
        static func trimmed(_ sets: [Set<String>]) -> [Set<String>] {
            var unique: [Set<String>] = []
            for set in sets where !unique.contains(set) { unique.append(set) }
            guard unique.count > RequiredLiterals.maximumConjuncts else { return unique }
            let ranked = unique.enumerated().sorted { a, b in
                let x = score(a.element), y = score(b.element)
                return x != y ? x > y : a.offset < b.offset
            }
            return ranked.prefix(RequiredLiterals.maximumConjuncts).sorted { $0.offset < $1.offset }.map(\.element)
        }

        /// Joins two strings, one space where both bring one.
        static func join(_ p: String, _ q: String) -> String {
            if p.hasSuffix(" ") && q.hasPrefix(" ") { return p + q.dropFirst() }
            return p + q
        }

        static func concatenate(_ a: Info, _ b: Info) -> Info {
            if let x = a.exact, let y = b.exact, x.count * y.count <= RequiredLiterals.maximumSet {
                var product = Set<String>()
                for p in x { for q in y { product.insert(join(p, q)) } }
                return Info(exact: product, required: trimmed(a.required + b.required))
            }
            // an empty-width start (\b, a lookaround) leaves the start to what follows
            return Info(exact: nil, required: trimmed(a.all + b.all), leading: leading(of: a, then: b))
        }

        /// Where `a` followed by `b` begins: where `a` does; and when `a` may match nothing
        /// ("(?:shall\s+)?" before "includ"), also where `b` does.
        static func leading(of a: Info, then b: Info) -> Set<String>? {
            guard let e = a.exact, e.contains("") else { return a.starts }
            let rest = e.subtracting([""])
            if rest.isEmpty { return b.starts }
            guard !rest.contains(where: { $0.hasPrefix(" ") }), let after = b.starts else { return nil }
            return RequiredLiterals.bounded(rest.union(after))
        }

        static func alternate(_ a: Info, _ b: Info) -> Info {
            var exact: Set<String>?
            if let x = a.exact, let y = b.exact {
                let union = x.union(y)
                if union.count <= RequiredLiterals.maximumSet { exact = union }
            }
            if exact != nil { return Info(exact: exact, required: []) }
            var info = Info.any
            if let x = a.starts, let y = b.starts {
                info.leading = RequiredLiterals.bounded(x.union(y))
            }
            if let union = bestUnion(a, b) { info.required = [union] }
            return info
        }

        /// Strings this long are selective enough: beyond it, fewer strings matter more.
        static let selectiveLength = 6

        /// The requirement of an alternation: one set from each side, joined. Of the pairs
        /// whose union stays within ``RequiredLiterals/maximumSet``, the one whose shortest
        /// string is longest (up to ``selectiveLength``), then the smallest union; the first
        /// such pair on a tie. Choosing by union and not each side's ``best`` keeps a long
        /// alternation of phrases that all say "traffick" from outgrowing the limit.
        static func bestUnion(_ a: Info, _ b: Info) -> Set<String>? {
            var chosen: (set: Set<String>, length: Int, count: Int)?
            for x in a.all {
                for y in b.all {
                    let union = x.union(y)
                    guard union.count <= RequiredLiterals.maximumSet else { continue }
                    let length = min(union.map { $0.utf8.count }.min() ?? 0, selectiveLength)
                    if let c = chosen, (c.length, -c.count) >= (length, -union.count) { continue }
                    chosen = (union, length, union.count)
                }
            }
            return chosen?.set
        }

        func repeated(min: Int, max: Int?) -> Info {
            if exact == [" "] { return min == 0 ? Info(exact: ["", " "], required: []) : .space }
            if min == 0 {
                if max == 1, var e = exact { e.insert(""); return Info(exact: e, required: []) }
                return .any
            }
            if min == 1 && max == 1 { return self }
            return Info(exact: nil, required: all, leading: starts)
        }
    }

    /// A recursive-descent reader of PCRE2 syntax that gives up (nil) on anything unfamiliar.
    struct Parser {
        let b: [UInt8]
        var i = 0
        /// The pattern has `\K`, which moves the start of the match it reports.
        var resetsStart = false

        init(_ bytes: [UInt8]) { b = bytes }

        mutating func parse() -> Info? {
            guard let info = alternation(), i == b.count else { return nil }
            return info
        }

        /// Branches separated by `|`, up to a `)` (not consumed) or the end.
        mutating func alternation() -> Info? {
            guard var info = sequence() else { return nil }
            while i < b.count, b[i] == UInt8(ascii: "|") {
                i += 1
                guard let next = sequence() else { return nil }
                info = .alternate(info, next)
            }
            return info
        }

        /// Atoms up to a `|` or `)`. Neighbouring atoms with exact strings are joined first
        /// ("year" "s?" " " "of" → "years of"), then the runs are concatenated in order, so a
        /// run after an unknown part is still one string rather than single letters.
        mutating func sequence() -> Info? {
            var runs: [Info] = []
            while i < b.count, b[i] != UInt8(ascii: "|"), b[i] != UInt8(ascii: ")") {
                guard let atom = atom() else { return nil }
                guard let quantified = quantify(atom) else { return nil }
                if let last = runs.last, let x = last.exact, let y = quantified.exact,
                   x.count * y.count <= RequiredLiterals.maximumSet {
                    runs[runs.count - 1] = .concatenate(last, quantified)
                } else {
                    runs.append(quantified)
                }
            }
            return runs.reduce(Info.empty, Info.concatenate)
        }

        mutating func quantify(_ atom: Info) -> Info? {
            guard i < b.count else { return atom }
            var min = 1, max: Int? = 1
            switch b[i] {
            case UInt8(ascii: "?"): min = 0; max = 1; i += 1
            case UInt8(ascii: "*"): min = 0; max = nil; i += 1
            case UInt8(ascii: "+"): min = 1; max = nil; i += 1
            case UInt8(ascii: "{"):
                guard let (low, high) = braces() else { return nil }
                min = low; max = high
            default: return atom
            }
            // lazy or possessive
            if i < b.count, b[i] == UInt8(ascii: "?") || b[i] == UInt8(ascii: "+") { i += 1 }
            if i < b.count, [UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{")].contains(b[i]) { return nil }
            return atom.repeated(min: min, max: max)
        }

        /// `{n}`, `{n,}`, `{n,m}`; anything else (which PCRE2 may read as literal text) gives up.
        mutating func braces() -> (Int, Int?)? {
            var j = i + 1
            func number() -> Int? {
                let start = j
                while j < b.count, b[j] >= 0x30, b[j] <= 0x39, j - start < 6 { j += 1 }
                return j > start ? Int(String(decoding: b[start..<j], as: UTF8.self)) : nil
            }
            guard let low = number(), j < b.count else { return nil }
            var high: Int? = low
            if b[j] == UInt8(ascii: ",") {
                j += 1
                high = number()
                if let h = high, h < low { return nil }
            }
            guard j < b.count, b[j] == UInt8(ascii: "}") else { return nil }
            i = j + 1
            return (low, high)
        }

        mutating func atom() -> Info? {
            let c = b[i]
            switch c {
            case UInt8(ascii: "("): return group()
            case UInt8(ascii: "["): return characterClass()
            case UInt8(ascii: "\\"): return escape()
            case UInt8(ascii: "."): i += 1; return .any
            case UInt8(ascii: "^"), UInt8(ascii: "$"): i += 1; return .empty
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"): return nil
            default:
                if c >= 0x80 { skipScalar(); return .any }
                i += 1
                if RequiredLiterals.isSpace(c) { return .space }
                return Info(exact: [String(UnicodeScalar(RequiredLiterals.fold(c)))], required: [])
            }
        }

        mutating func skipScalar() {
            i += 1
            while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
        }

        mutating func group() -> Info? {
            i += 1  // (
            var consumes = true
            var positive = true
            if i < b.count, b[i] == UInt8(ascii: "*") { return nil }  // (*VERB)
            if i < b.count, b[i] == UInt8(ascii: "?") {
                i += 1
                guard i < b.count else { return nil }
                switch b[i] {
                case UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "|"): i += 1
                case UInt8(ascii: "="), UInt8(ascii: "!"): positive = b[i] == UInt8(ascii: "="); i += 1; consumes = false
                case UInt8(ascii: "#"):
                    while i < b.count, b[i] != UInt8(ascii: ")") { i += 1 }
                    guard i < b.count else { return nil }
                    i += 1
                    return .empty
                case UInt8(ascii: "<"):
                    i += 1
                    guard i < b.count else { return nil }
                    if b[i] == UInt8(ascii: "=") || b[i] == UInt8(ascii: "!") { positive = b[i] == UInt8(ascii: "="); i += 1; consumes = false } else {
                        guard name(until: UInt8(ascii: ">")) else { return nil }
                    }
                case UInt8(ascii: "P"):
                    i += 1
                    guard i < b.count, b[i] == UInt8(ascii: "<") else { return nil }  // (?P=name), (?P>name)
                    i += 1
                    guard name(until: UInt8(ascii: ">")) else { return nil }
                case UInt8(ascii: "'"):
                    i += 1
                    guard name(until: UInt8(ascii: "'")) else { return nil }
                default:
                    // inline options: (?i) (?-i) (?i:...) — anything but letters and '-' gives up
                    var options: [UInt8] = []
                    while i < b.count, (b[i] >= 0x61 && b[i] <= 0x7A) || (b[i] >= 0x41 && b[i] <= 0x5A) || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "^") {
                        options.append(b[i]); i += 1
                    }
                    guard !options.isEmpty, i < b.count else { return nil }
                    // extended mode changes what spaces and '#' mean
                    if options.contains(UInt8(ascii: "x")) { return nil }
                    if b[i] == UInt8(ascii: ")") { i += 1; return .empty }
                    guard b[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                }
            }
            guard let inner = alternation(), i < b.count, b[i] == UInt8(ascii: ")") else { return nil }
            i += 1
            if consumes { return inner }
            // A positive lookaround's text must be there too, though it is not consumed.
            return positive ? Info(exact: [""], required: inner.all) : .empty
        }

        /// A group name up to `close` (consumed): word characters only.
        mutating func name(until close: UInt8) -> Bool {
            let start = i
            while i < b.count, b[i] != close {
                let c = b[i]
                guard (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_") else { return false }
                i += 1
            }
            guard i < b.count, i > start else { return false }
            i += 1
            return true
        }

        /// `[...]`: a few plain ASCII characters give their set; anything else is any character.
        mutating func characterClass() -> Info? {
            i += 1
            var negated = false
            if i < b.count, b[i] == UInt8(ascii: "^") { negated = true; i += 1 }
            var members = Set<UInt8>()
            var simple = true
            var first = true
            var closed = false
            while i < b.count {
                var c = b[i]
                if c == UInt8(ascii: "]") && !first { i += 1; closed = true; break }
                first = false
                if c == UInt8(ascii: "[") && i + 1 < b.count && (b[i + 1] == UInt8(ascii: ":") || b[i + 1] == UInt8(ascii: ".") || b[i + 1] == UInt8(ascii: "=")) {
                    // [:alpha:] and its kin
                    let close = b[i + 1]
                    var j = i + 2
                    while j + 1 < b.count, !(b[j] == close && b[j + 1] == UInt8(ascii: "]")) { j += 1 }
                    guard j + 1 < b.count else { return nil }
                    i = j + 2
                    simple = false
                    continue
                }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < b.count else { return nil }
                    let e = b[i + 1]
                    if RequiredLiterals.isWordByte(e) || e >= 0x80 {
                        // \d, \w, \p{..}, \x{..}, \Q...: not a plain character
                        if e == UInt8(ascii: "Q") || e == UInt8(ascii: "E") { return nil }
                        i += 2
                        if i < b.count, b[i] == UInt8(ascii: "{") {
                            while i < b.count, b[i] != UInt8(ascii: "}") { i += 1 }
                            guard i < b.count else { return nil }
                            i += 1
                        }
                        simple = false
                        continue
                    }
                    c = e
                    i += 2
                } else if c >= 0x80 {
                    skipScalar()
                    simple = false
                    continue
                } else {
                    i += 1
                }
                // a range a-z
                if i + 1 < b.count, b[i] == UInt8(ascii: "-"), b[i + 1] != UInt8(ascii: "]") {
                    simple = false
                    i += 1
                    if b[i] == UInt8(ascii: "\\") { i += 1 }
                    if i < b.count, b[i] >= 0x80 { skipScalar() } else { i += 1 }
                    continue
                }
                members.insert(RequiredLiterals.fold(c))
            }
            guard closed, !members.isEmpty || !simple else { return nil }
            if negated || !simple || members.count > 8 { return .any }
            if members.contains(where: RequiredLiterals.isSpace) { return .any }
            return Info(exact: Set(members.map { String(UnicodeScalar($0)) }), required: [])
        }

        mutating func escape() -> Info? {
            guard i + 1 < b.count else { return nil }
            let e = b[i + 1]
            i += 2
            if e >= 0x80 { i -= 1; skipScalar(); return .any }
            if !RequiredLiterals.isWordByte(e) {
                if RequiredLiterals.isSpace(e) { return .space }
                return Info(exact: [String(UnicodeScalar(RequiredLiterals.fold(e)))], required: [])
            }
            switch e {
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"), UInt8(ascii: "G"):
                return .empty
            case UInt8(ascii: "K"):
                resetsStart = true
                return .empty
            case UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "x"), UInt8(ascii: "o"):
                if i < b.count, b[i] == UInt8(ascii: "{") {
                    while i < b.count, b[i] != UInt8(ascii: "}") { i += 1 }
                    guard i < b.count else { return nil }
                    i += 1
                } else if e == UInt8(ascii: "x") {
                    var n = 0
                    while n < 2, i < b.count, RequiredLiterals.isHex(b[i]) { i += 1; n += 1 }
                } else if e == UInt8(ascii: "o") {
                    return nil
                } else {
                    guard i < b.count else { return nil }
                    i += 1
                }
                return .any
            case UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "v"), UInt8(ascii: "R"),
                 UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "f"):
                // one whitespace character (\R: one line break, perhaps CR LF)
                return .space
            case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "S"),
                 UInt8(ascii: "H"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "e"), UInt8(ascii: "a"):
                return .any
            case UInt8(ascii: "N"):
                if i < b.count, b[i] == UInt8(ascii: "{") { return nil }
                return .any
            case UInt8(ascii: "k"):
                // a named back-reference, \k<name> \k'name' \k{name}: it repeats text some group
                // matched (perhaps none), so it requires nothing and its content is unknown
                guard i < b.count else { return nil }
                let close: UInt8
                switch b[i] {
                case UInt8(ascii: "<"): close = UInt8(ascii: ">")
                case UInt8(ascii: "'"): close = UInt8(ascii: "'")
                case UInt8(ascii: "{"): close = UInt8(ascii: "}")
                default: return nil
                }
                i += 1
                guard name(until: close) else { return nil }
                return .any
            default:
                // numbered back-references, \Q...\E, \g, \c, octal: give up
                return nil
            }
        }
    }

    static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_")
    }

    /// ASCII whitespace: tab, line feed, vertical tab, form feed, carriage return, space.
    static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }

    static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    /// ASCII letters to lower case; every other byte as it is.
    @inline(__always) static func fold(_ c: UInt8) -> UInt8 {
        c >= 0x41 && c <= 0x5A ? c | 0x20 : c
    }
}
