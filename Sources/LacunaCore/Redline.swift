/// The wording of one provision in two drafts, word by word: what stayed, what was struck
/// out and what was put in — the redline a drafting session reads.
///
/// Laws: joining the `same` and `deleted` pieces gives the old text's words, joining the
/// `same` and `inserted` pieces the new text's (each with single spaces); the `same` pieces
/// are a longest common subsequence of the words, less the runs of one or two words caught
/// between two changes (shown inside the change, so a rewritten phrase reads as one).
public struct Redline: Codable, Sendable, Hashable {
    public struct Piece: Codable, Sendable, Hashable {
        public enum Kind: String, Codable, Sendable { case same, deleted, inserted }
        public var kind: Kind
        /// Words joined by single spaces.
        public var text: String
        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// The provision as cited in the new draft (or the old one when it was removed).
    public var citation: String
    /// The requirements whose findings changed with it, in catalog order.
    public var requirements: [String]
    public var pieces: [Piece]

    public init(citation: String, requirements: [String], pieces: [Piece]) {
        self.citation = citation
        self.requirements = requirements
        self.pieces = pieces
    }

    /// Texts longer than this many words (either) are shown as struck out and put in whole,
    /// keeping the comparison's table small.
    public static let maxWords = 2_000

    /// The word-by-word difference of two texts.
    public static func pieces(old: String, new: String) -> [Piece] {
        let a = old.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = new.split(whereSeparator: \.isWhitespace).map(String.init)
        guard a.count <= maxWords, b.count <= maxWords else {
            return [Piece(.deleted, a.joined(separator: " ")), Piece(.inserted, b.joined(separator: " "))].filter { !$0.text.isEmpty }
        }
        // lcs[i][j]: the length of the longest common subsequence of a[i...] and b[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func add(_ kind: Piece.Kind, _ word: String) {
            if pieces.last?.kind == kind { pieces[pieces.count - 1].text += " " + word } else { pieces.append(Piece(kind, word)) }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                add(.same, a[i]); i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                add(.deleted, a[i]); i += 1  // what is struck out comes before what replaces it
            } else {
                add(.inserted, b[j]); j += 1
            }
        }
        return tidy(pieces)
    }

    /// A run of at most two common words between two changes ("a", "to the") is struck out
    /// and put back in with them, so that a rewritten phrase reads as one change.
    static func tidy(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = [], deleted: [String] = [], inserted: [String] = []
        func flush() {
            if !deleted.isEmpty { out.append(Piece(.deleted, deleted.joined(separator: " "))) }
            if !inserted.isEmpty { out.append(Piece(.inserted, inserted.joined(separator: " "))) }
            deleted = []
            inserted = []
        }
        for (k, p) in pieces.enumerated() {
            switch p.kind {
            case .deleted: deleted.append(p.text)
            case .inserted: inserted.append(p.text)
            case .same:
                let between = !(deleted.isEmpty && inserted.isEmpty) && k + 1 < pieces.count
                if between && p.text.split(separator: " ").count <= 2 {
                    deleted.append(p.text)
                    inserted.append(p.text)
                } else {
                    flush()
                    out.append(p)
                }
            }
        }
        flush()
        return out
    }
}
