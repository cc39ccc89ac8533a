import Foundation
import LacunaCore
import LacunaPatterns

/// Resolves a segmented text into a ``Document``: marks what is not law (inline editorial
/// notes, words an amendment deletes or only quotes), finds defined terms, finds the
/// provisions that define or criminalise trafficking, and follows their cross-references
/// to the definitions and provisions they use.
///
/// Laws: deterministic; only adds exclusions (never removes segmentation's); the trafficking
/// scope contains every trafficking offence and is closed under the references followed.
public struct Resolver: Sendable {
    private let patterns: ResolverPatterns

    public init() throws {
        patterns = try ResolverPatterns()
    }

    public func resolve(_ segmentation: Segmentation, source: SourceText) throws -> Document {
        // The source's own bytes, shared: a long text is not copied again for matching.
        let subject = Subject(utf8OfString: source.utf8)
        var excluded = segmentation.excluded
        // Inline editorial notes: "[TRUNCATED — ...]", "[Section 13(1)(d) substituted by ...]".
        for m in try patterns.inlineEditorial.matches(in: subject) {
            excluded.append(ExcludedSpan(range: m.range, reason: .editorial))
        }
        // Amendments: the words deleted or only quoted to locate a change do not count.
        for pattern in patterns.amendmentQuotes {
            for m in try pattern.matches(in: subject) {
                if let r = m.range(named: "old") { excluded.append(ExcludedSpan(range: r, reason: .amendmentQuote)) }
            }
        }
        var document = Document(source: source, title: segmentation.title, provisions: segmentation.provisions,
                                excluded: excluded.sortedAndMerged())
        document.definitions = try definitions(in: document, subject: subject)
        // The quoted headword of a definition ("“debt bondage” means") names a term; what the
        // law says is in the definition that follows.
        var headwords: [ExcludedSpan] = []
        for m in try patterns.quotedHeadword.matches(in: subject) where !document.isExcluded(m.range) {
            headwords.append(ExcludedSpan(range: m.range, reason: .definedTerm))
        }
        if !headwords.isEmpty { document.excluded = (document.excluded + headwords).sortedAndMerged() }
        try findTraffickingScope(&document, subject: subject)
        return document
    }

    // MARK: definitions

    func definitions(in document: Document, subject: Subject) throws -> [DefinedTerm] {
        var terms: [DefinedTerm] = []
        for m in try patterns.definition.matches(in: subject) + patterns.inlineDefinition.matches(in: subject) where !document.isExcluded(m.range) {
            guard let termRange = m.range(named: "term") else { continue }
            let term = subject.text(termRange).lowercased()
            terms.append(DefinedTerm(term: term, range: m.range, provision: document.provision(at: m.range.lowerBound)))
        }
        return terms
    }

    // MARK: trafficking scope

    func operativeText(of index: Int, in document: Document) -> String {
        // The provision's own text without its heading.
        String(decoding: operativeBytes(of: index, in: document).bytes, as: UTF8.self)
    }

    /// The pieces of a provision's text outside its exclusions, joined by a space: its
    /// operative text as UTF-8, built once (no string per piece), and whether every piece
    /// starts and ends on a character boundary (they do, exclusions being whole characters;
    /// when one did not, each piece alone would be repaired as text, and the bytes are then
    /// those of the repaired pieces, so the text is the same either way).
    func operativeBytes(of index: Int, in document: Document) -> (bytes: [UInt8], aligned: Bool) {
        let p = document.provisions[index]
        let b = document.source.utf8
        var pieces: [Range<Int>] = []
        var cursor = p.range.lowerBound
        // Only the exclusions near the provision (found by binary search), so a text of many
        // sections stays linear.
        for span in document.exclusions(near: p.range) where span.range.overlaps(p.range) {
            if span.range.lowerBound > cursor { pieces.append(Resolver.clamped(cursor..<span.range.lowerBound, b.count)) }
            cursor = max(cursor, span.range.upperBound)
        }
        if cursor < p.range.upperBound { pieces.append(Resolver.clamped(cursor..<p.range.upperBound, b.count)) }
        func boundary(_ i: Int) -> Bool { i >= b.count || b[i] & 0xC0 != 0x80 }
        guard pieces.allSatisfy({ boundary($0.lowerBound) && boundary($0.upperBound) }) else {
            let text = pieces.map { document.source.slice($0) }.joined(separator: " ")
            return (Array(text.utf8), false)
        }
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count + 1 })
        for (k, piece) in pieces.enumerated() {
            if k > 0 { out.append(0x20) }
            out.append(contentsOf: b[piece])
        }
        return (out, true)
    }

    /// `range` within `0..<count`, as ``SourceText/slice(_:)`` reads it.
    static func clamped(_ range: Range<Int>, _ count: Int) -> Range<Int> {
        let lower = max(0, min(range.lowerBound, count))
        return lower..<max(lower, min(range.upperBound, count))
    }

    /// Finds the sections that create the trafficking offence, and the scope they bring
    /// with them: the definitions and provisions they use (JUDGING rules 4 and 5), and the
    /// sections outside it that refer to an offence.
    func findTraffickingScope(_ document: inout Document, subject: Subject) throws {
        let index = SectionTexts(of: document, screenedBy: patterns.perSection, operativeBytes: operativeBytes)
        let (offences, definitional) = try offenceAndDefinitionSections(index, in: document)
        var scope = offences.union(definitional)
        // Follow references from the offences (and from what they pull in) to the sections
        // they use, and pull in sections declared "for the purposes of" a section in scope.
        let purposesOf = try sectionsForThePurposes(index, in: document)
        let definingSections = sectionsDefiningTermsOf(offences, scope: &scope, in: document)
        try followReferences(from: offences.sorted() + definingSections, definitional: definitional, purposesOf: purposesOf,
                             index, in: document, scope: &scope)
        document.traffickingOffences = offences
        document.traffickingScope = scope
        document.traffickingReferrers = try referrers(outside: scope, offences: offences, index, in: document)
    }

    /// The sections of a document, each with its operative text read once (the passes of the
    /// scope search each visit every section), and the first section of each label.
    struct SectionTexts {
        let sections: [Int]
        /// Screened by the patterns the passes run on each section, so that a pattern whose
        /// words a section lacks is not run on it (most sections of a long Act have none).
        let texts: [Int: ScreenedSubject]
        let byLabel: [String: Int]

        init(of document: Document, screenedBy group: PatternGroup, operativeBytes: (Int, Document) -> (bytes: [UInt8], aligned: Bool)) {
            sections = document.provisions.indices.filter { document.provisions[$0].kind == .section }
            var texts: [Int: ScreenedSubject] = [:]
            texts.reserveCapacity(sections.count)
            // Valid UTF-8 either way: whole characters of the source joined by spaces, or
            // the bytes of a string.
            for s in sections { texts[s] = group.screen(Subject(utf8OfString: operativeBytes(s, document).bytes)) }
            self.texts = texts
            byLabel = Dictionary(sections.map { (Resolver.normaliseLabel(document.provisions[$0].label), $0) },
                                 uniquingKeysWith: { first, _ in first })
        }
    }

    /// The sections that create a trafficking offence, and the definitions sections.
    func offenceAndDefinitionSections(_ index: SectionTexts, in document: Document) throws -> (offences: Set<Int>, definitional: Set<Int>) {
        var offences = Set<Int>()
        var definitional = Set<Int>()
        for s in index.sections {
            let p = document.provisions[s]
            if document.exclusion(overlapping: p.range)?.range == p.range { continue }
            let text = index.texts[s]!
            let heading = Subject(p.heading ?? "")
            if try patterns.definitionsHeading.isMatch(in: heading) || patterns.definitionsOpening.isMatch(in: text) {
                definitional.insert(s)
            } else if try createsOffence(text: text, heading: heading) {
                offences.insert(s)
            }
        }
        return (offences, definitional)
    }

    /// Whether a section creates a trafficking offence: offence words, two acts done by a
    /// person and a sign of trafficking (the word, in the text or heading, or an exploitative
    /// purpose) — or words that name the offence of trafficking.
    ///
    /// Each test runs only when the answer still depends on it (most sections of a long Act
    /// have no offence words and no act verbs), so a section costs one or two pattern runs.
    func createsOffence(text: ScreenedSubject, heading: Subject) throws -> Bool {
        var verbs: [Range<Int>]?
        func actVerbs() throws -> [Range<Int>] {
            if let verbs { return verbs }
            let found = try patterns.actVerb.matches(in: text).compactMap { $0.range(named: "verb") }
            verbs = found
            return found
        }
        if try patterns.offenceLanguage.isMatch(in: text),
           try patterns.trafficking.isMatch(in: text) || patterns.traffickingHeading.isMatch(in: heading)
            || patterns.exploitativePurpose.isMatch(in: text),
           try actsDoneByAPerson(try actVerbs(), in: text).count >= 2 {
            return true
        }
        if try patterns.traffickingOffenceName.isMatch(in: text) { return true }
        let namedActs = Set(try actVerbs().map { text.subject.text($0).lowercased().prefix(5) })
        return try namedActs.count >= 2 && patterns.traffickingDefinition.isMatch(in: text)
    }

    /// By section: the sections declared "for the purposes of" it.
    func sectionsForThePurposes(_ index: SectionTexts, in document: Document) throws -> [Int: [Int]] {
        var purposesOf: [Int: [Int]] = [:]   // target section -> sections written for its purposes
        for other in index.sections {
            let text = index.texts[other]!
            for m in try patterns.forThePurposesOf.matches(in: text) {
                for run in try referencedSections(in: ScreenedSubject(unscreened: Subject(text.subject.text(m.range))), byLabel: index.byLabel,
                                                  sections: index.sections, document: document, from: other) {
                    for target in run where target != other { purposesOf[target, default: []].append(other) }
                }
            }
        }
        return purposesOf
    }

    /// Definitions travel (JUDGING rule 4): a section that defines a term the offence uses
    /// ("exploitation", "coercion", "child") is part of what the offence means, wherever it
    /// stands (an interpretation section, or one an amending act inserts). Adds them to
    /// `scope` and returns them in the order found.
    func sectionsDefiningTermsOf(_ offences: Set<Int>, scope: inout Set<Int>, in document: Document) -> [Int] {
        let offenceText = offences.map { operativeText(of: $0, in: document).lowercased() }.joined(separator: "\n")
        var definingSections: [Int] = []
        for term in document.definitions where term.term.count >= 4 {
            guard let p = term.provision else { continue }
            let section = document.section(of: p)
            if !scope.contains(section), document.provisions[section].kind == .section,
               offenceText.range(of: "\\b" + NSRegularExpression.escapedPattern(for: term.term) + "\\b", options: .regularExpression) != nil {
                scope.insert(section)
                definingSections.append(section)
            }
        }
        return definingSections
    }

    /// Adds to `scope` every section reached from `start` through references and "for the
    /// purposes of" declarations.
    func followReferences(from start: [Int], definitional: Set<Int>, purposesOf: [Int: [Int]], _ index: SectionTexts,
                          in document: Document, scope: inout Set<Int>) throws {
        var queue = start
        var visited = Set<Int>()
        var runsFollowed = Set<Range<Int>>()   // a chapter named by many sections is followed once
        while let s = queue.popLast() {
            guard visited.insert(s).inserted else { continue }
            // A definitions section names the bodies and procedures of the whole Act ("the
            // Committee established under section 4"): of what it refers to, only offences
            // ("exploitation includes an offence under section 1") are part of the offence.
            let used = try referencedSections(in: index.texts[s]!, byLabel: index.byLabel, sections: index.sections, document: document,
                                              from: s, offencesOnly: definitional.contains(s))
            for run in used + [ArraySlice(purposesOf[s] ?? [])] {
                if run.count > 1, !runsFollowed.insert(run.startIndex..<run.endIndex).inserted { continue }
                for target in run where target != s && !visited.contains(target) {
                    scope.insert(target)
                    queue.append(target)
                }
            }
        }
    }

    /// The sections outside `scope` that refer to a trafficking offence by number.
    func referrers(outside scope: Set<Int>, offences: Set<Int>, _ index: SectionTexts, in document: Document) throws -> Set<Int> {
        var referrers = Set<Int>()
        let sortedOffences = offences.sorted()
        for other in index.sections where !scope.contains(other) {
            let refs = try referencedSections(in: index.texts[other]!, byLabel: index.byLabel, sections: index.sections,
                                              document: document, from: other)
            // A run of sections holds an offence when an offence lies between its ends.
            if refs.contains(where: { run in
                guard let first = run.first, let last = run.last else { return false }
                return !Resolver.slice(of: sortedOffences) { $0 >= first } upTo: { $0 > last }.isEmpty
            }) { referrers.insert(other) }
        }
        return referrers
    }

    /// The distinct acts of trafficking (first five letters of the verb) that a person is said
    /// to do: of the act verbs found (`verbs`), those that follow "a person who", "whoever", "any person" ... in the same
    /// clause. "The Committee shall receive reports and provide training" names no act of an
    /// offender; "Any person who recruits, transports or harbours" names three.
    func actsDoneByAPerson(_ verbs: [Range<Int>], in text: ScreenedSubject) throws -> Set<Substring> {
        var acts = Set<Substring>()
        let subjects = try patterns.personSubject.matches(in: text)
        guard !subjects.isEmpty else { return acts }
        for verb in verbs {
            let follows = subjects.contains { s in
                s.range.upperBound <= verb.lowerBound && verb.lowerBound - s.range.upperBound < 600
                    && !Resolver.endsSentence(text.subject.bytes[s.range.upperBound..<verb.lowerBound])
            }
            if follows { acts.insert(text.subject.text(verb).lowercased().prefix(5)) }
        }
        return acts
    }

    /// Whether the bytes hold the end of a sentence: a full stop, a space and a capital.
    ///
    /// Coarser than ``SentenceMap``'s sentence ends on purpose: it runs on a section's
    /// operative text (headings and numbers cut out, pieces joined), before the document and
    /// its sentence map exist, and only tells whether "a person who" and an act verb stand in
    /// one sentence; an abbreviation before a capital ("Cap. A") is rare between them, and reading it
    /// as an end only keeps a verb from counting as an act.
    static func endsSentence(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i + 2 < bytes.endIndex {
            if bytes[i] == 0x2E, bytes[i + 1] == 0x20 || bytes[i + 1] == 0x0A, MarkerScanner.isUpper(bytes[i + 2]) { return true }
            i += 1
        }
        return false
    }

    /// The sections a text refers to, as runs of `sections` (a single section, "sections 3 to
    /// 7", "this Part"); a run may hold `from` itself, which callers skip. Runs are slices,
    /// not copies, so a chapter named by every one of its sections costs nothing to name.
    func referencedSections(in text: ScreenedSubject, byLabel: [String: Int], sections: [Int], document: Document, from: Int,
                            offencesOnly: Bool = false) throws -> [ArraySlice<Int>] {
        var targets: [ArraySlice<Int>] = []
        for m in try patterns.sectionReference.matches(in: text) {
            guard let listRange = m.range(named: "list") else { continue }
            if offencesOnly {
                let before = text.subject.text(max(0, m.range.lowerBound - 40)..<m.range.lowerBound).lowercased()
                guard ["offence", "offense", "crime", "infraction", "délit", "delito"].contains(where: { Resolver.contains(before, $0) }) else { continue }
            }
            let list = Resolver.withoutParentheses(text.subject.text(listRange))
            let numbers = Resolver.numbers(in: list)
            if [" to ", "–", " through ", " à ", " a ", " al "].contains(where: { Resolver.contains(list, $0) }), numbers.count == 2,
               let a = byLabel[numbers[0]], let b = byLabel[numbers[1]], a <= b {
                targets.append(Resolver.slice(of: sections) { $0 >= a } upTo: { $0 > b })
            } else {
                targets.append(contentsOf: numbers.compactMap { byLabel[$0] }.filter { $0 != from }.map { [$0][...] })
            }
        }
        if try patterns.thisChapter.isMatch(in: text) {
            // Every section of the enclosing chapter (or of the whole text when there is none).
            let chapter = document.ancestry(of: from).dropFirst().first { document.provisions[$0].kind <= .chapter }
            let range = chapter.map { document.provisions[$0].range } ?? 0..<document.source.utf8.count
            // Sections are in document order: the chapter's are one run of them.
            targets.append(Resolver.slice(of: sections) { document.provisions[$0].range.lowerBound >= range.lowerBound }
                upTo: { document.provisions[$0].range.lowerBound >= range.upperBound })
        }
        return targets
    }

    /// Foundation's `text.contains(word)`, asked only when the bytes of `word` occur in the
    /// text's: for the words asked here (no "k", ";" or "`", the ASCII characters that have
    /// another canonically equivalent form), they must for Foundation to find them.
    static func contains(_ text: String, _ word: String) -> Bool {
        let found = TextClassifier.withUTF8(text) { b in
            TextClassifier.withUTF8(word) { w in
                guard !w.isEmpty, w.count <= b.count else { return w.isEmpty }
                for i in 0...(b.count - w.count) where memcmp(b.baseAddress! + i, w.baseAddress!, w.count) == 0 { return true }
                return false
            }
        }
        return found && text.contains(word)
    }

    /// The run of a sorted array from the first element where `from` holds to the first where
    /// `upTo` holds (both predicates monotone), found by binary search.
    static func slice(of sorted: [Int], from: (Int) -> Bool, upTo: (Int) -> Bool) -> ArraySlice<Int> {
        func firstIndex(_ holds: (Int) -> Bool) -> Int {
            var low = 0, high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if holds(sorted[mid]) { high = mid } else { low = mid + 1 }
            }
            return low
        }
        let start = firstIndex(from), end = firstIndex(upTo)
        return start < end ? sorted[start..<end] : []
    }

    /// "3(3) to (6)" -> "3 to ": subdivision labels are not section numbers.
    static func withoutParentheses(_ text: String) -> String {
        var out = ""
        var depth = 0
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(c) }
        }
        return out
    }

    static func numbers(in list: String) -> [String] {
        var out: [String] = []
        var scanner = MarkerScanner(list)
        while scanner.i < scanner.bytes.count {
            if let n = scanner.number(allowDots: true) { out.append(normaliseLabel(n)) } else { scanner.i += 1 }
        }
        return out
    }

    static func normaliseLabel(_ label: String) -> String {
        label.lowercased().filter { !$0.isWhitespace }
    }
}

/// The patterns the resolver uses, compiled once.
struct ResolverPatterns: Sendable {
    let inlineEditorial: Pattern
    let amendmentQuotes: [Pattern]
    let definition: Pattern
    let inlineDefinition: Pattern
    let offenceLanguage: Pattern
    let trafficking: Pattern
    let traffickingHeading: Pattern
    let actVerb: Pattern
    let exploitativePurpose: Pattern
    let definitionsHeading: Pattern
    let definitionsOpening: Pattern
    let forThePurposesOf: Pattern
    let sectionReference: Pattern
    let thisChapter: Pattern
    let traffickingOffenceName: Pattern
    let quotedHeadword: Pattern
    let traffickingDefinition: Pattern
    let personSubject: Pattern
    /// The patterns the scope passes run on every section, screened together.
    let perSection: PatternGroup

    // French and Spanish alternatives of the cues above, each starting with "|" (one group
    // per cue, so a French or Spanish law is read with the same structure as an English one).
    // Accents are written as classes ([ée]) because the text may have lost them.

    /// "est puni de", "sont punies", "encourt", "passible de", "commet une infraction",
    /// "emprisonnement", "réclusion"; "será castigado", "se castigará", "será reprimido",
    /// "será sancionado", "pena de prisión", "pena privativa de libertad", "comete delito".
    static let offenceLanguageFrenchSpanish = #"|\b(?:est|sont|sera|seront)\s+puni(?:e|s|es)?\b|\bpunie?s?\s+(?:de|d['’])|\bencour(?:t|ent|ra)\b|\bpassibles?\s+(?:de|d['’])|\bcommet\s+une\s+infraction\b|\bcoupable\b|\bemprisonnement\b|\br[ée]clusion\b|\b(?:ser[áa]n?|ser[áa]\s+(?:tambi[ée]n\s+)?)\s*(?:castigad|reprimid|sancionad|penad)[oa]s?\b|\bse\s+(?:castigar[áa]|sancionar[áa]|impondr[áa])\b|\bpena\s+(?:de\s+prisi[óo]n|privativa\s+de\s+(?:la\s+)?libertad)\b|\bprisi[óo]n\s+de\b|\bcomete\s+(?:el\s+)?delito\b"#
    /// "traite des personnes", "traite des êtres humains"; "trata de personas", "trata de seres humanos".
    static let traffickingFrenchSpanish = #"|\btraite\s+(?:des?|d['’])\s*(?:personnes?|[êe]tres\s+humains|enfants|mineurs)\b|\btrata\s+de\s+(?:personas|seres\s+humanos|menores|ni[ñn]os)\b"#
    /// "la traite des êtres humains est le fait de", "commet l'infraction de traite"; "reo de
    /// trata", "comete (el) delito de trata", "el delito de trata de personas ... será".
    static let traffickingOffenceFrenchSpanish = #"|\btraite\s+des\s+(?:[êe]tres\s+humains|personnes)\s+est\s+le\s+fait\b|\b(?:commet|coupable\s+de)\s+(?:l['’]infraction|le\s+d[ée]lit|le\s+crime)\s+de\s+traite\b|\breos?\s+de(?:l\s+delito\s+de)?\s+trata\b|\bcomete\s+(?:el\s+)?delito\s+de\s+trata\b|\bdelito\s+de\s+trata\s+de\s+(?:personas|seres\s+humanos)[^.;:]{0,160}?\b(?:castigad|reprimid|sancionad|penad|prisi[óo]n)"#
    /// "constitue la traite", "la traite ... est le fait de"; "constituye trata", "se
    /// considerará trata", "se entiende por trata", "la trata de personas es".
    static let traffickingDefinitionFrenchSpanish = #"|\bconstitue(?:nt)?\s+(?:une|la)\s+traite\b|\btraite\s+des\s+(?:[êe]tres\s+humains|personnes)\s+(?:est|s['’]entend)\b|\b(?:constituye|constituir[áa]|se\s+considerar[áa]|se\s+entiende\s+por)\s+(?:el\s+delito\s+de\s+)?trata\b|\btrata\s+de\s+(?:personas|seres\s+humanos)\s+(?:es|consiste)\b"#
    /// "quiconque", "toute personne qui", "celui qui", "le fait de recruter"; "el que",
    /// "quien", "toda persona que", "la persona que".
    static let personSubjectFrenchSpanish = #"|\b(?:quiconque|(?:toute|la)\s+personne\s+qui|celui\s+qui|(?:el|la|al|los)\s+que|quien(?:es)?|(?:toda|la|cualquier)\s+persona\s+que)\b|\ble\s+fait\s+(?:de|d['’])\s*(?=recrut|transport|transf[ée]r|h[ée]berg|accueill)"#

    init() throws {
        inlineEditorial = try Pattern(#"\[(?:[^\]\n]{0,200}?)(?:TRUNCATED|not collected|not in (?:the )?source|inserted by|substituted by|amended by|missing from|supplied by)[^\]\n]{0,300}\]"#, caseless: true)
        // Each template has a slot for the quoted words; it is filled once for double and
        // once for single quotes (apostrophes may stand inside double-quoted words).
        let quoted = [#"["“](?<old>[^"“”\n]{1,800})["”]"#, #"['‘](?<old>[^'‘’\n]{1,800})['’](?=[\s,.;:])"#]
        let templates = [
            // for the words "X" substitute / there shall be substituted
            #"\bfor\s+the\s+(?:words?|expression|figures?|definition(?:\s+of)?)\s+QUOTED"#,
            // delete / omit / repeal the words "X"
            #"\b(?:delet(?:e|ing)|omit(?:ting)?|repeal(?:ing)?|strik(?:e|ing)\s+out)\s+(?:the\s+)?(?:words?|expression|figures?)\s+QUOTED"#,
            // the words "X" are deleted / shall be replaced by
            #"\bthe\s+(?:words?|expression)\s+QUOTED\s*,?\s+(?:is|are|shall\s+be)\s+(?:deleted|omitted|repealed|replaced|substituted|struck\s+out)"#,
            // after "X" insert: X only locates the change
            #"\b(?:after|before)\s+(?:the\s+(?:words?|expression)\s+)?QUOTED\s*,?\s+(?:there\s+shall\s+be\s+)?insert"#,
        ]
        amendmentQuotes = try templates.flatMap { t in
            try quoted.map { q in try Pattern(t.replacingOccurrences(of: "QUOTED", with: q), caseless: true) }
        } + [
            // The title of another provision, quoted only to name it: "section 178 (“Obstruction
            // of public official”)", "Part XIVA (“Protection of vulnerable witnesses”)". Its words
            // are a name, not what this law says.
            try Pattern(#"(?:\b[0-9]+[A-Z]{0,2}|\b[IVXLC]+[A-Z]{0,2})\s*\((?<old>[“"][^“”"\n]{2,100}[”"])\)"#),
        ]
        definition = try Pattern(#"(?m)^[\s\-•*]*(?:\(?[0-9a-z]{1,3}[.)]\s*)?(?:the\s+term\s+)?[“"‘']{0,2}(?<term>[A-Za-z][\w\s\-]{1,60}?)[”"’']?\s*(?:,[^,\n]{1,80},\s*)?(?:means|includes|shall\s+mean|has\s+the\s+(?:same\s+)?meaning|refers\s+to|:)"#)
        // Words that create an offence or attach a penalty (not "criminal proceedings" or
        // "victim of an offence", which a victims' section also uses).
        // "..., exploitation includes ...", "For the purposes of this Law, child means ..."
        inlineDefinition = try Pattern(#"(?:^|[.;:,]\s+)(?:the\s+(?:term|expression)\s+)?[“"‘']?(?<term>[a-z][a-z\-]{2,30}(?:\s+[a-z][a-z\-]{2,30}){0,2})[”"’']?\s+(?:means|includes|shall\s+(?:mean|include))\b"#)
        offenceLanguage = try Pattern(#"\b(?:commits?|committed)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:offen[cs]es?|crimes?|trafficking)\b|\bguilty\b|\b(?:shall\s+be|is|are)\s+(?:punish\w*|liable|imprisoned|fined|sentenced)\b|\bliable\s+(?:to|on)\b|\bpunishable\b|\bpunished\b|\bimprisonment\b|\bpenalt(?:y|ies)\b|\b(?:class\s+\w+\s+)?(?:felony|misdemeanou?r)\b|\bunlawful\s+for\b|\b(?:is|are|shall\s+be)\s+prohibited\b|\bcommits\b"#
            + ResolverPatterns.offenceLanguageFrenchSpanish, caseless: true)
        trafficking = try Pattern(#"\btraffic(?:k(?:ing|ed|er|ers|s)?)?\b"# + ResolverPatterns.traffickingFrenchSpanish, caseless: true)
        traffickingHeading = try Pattern(#"(?:\btraffick\w*|\btraite\s+des?\s+(?:personnes|[êe]tres)|\btrata\s+de\s+(?:personas|seres))(?!.*\b(?:document|benefit|jurisdiction|victim|definition|penalt|repeal|agency|fund|investigat|cognizan))"#, caseless: true)
        actVerb = try Pattern(#"\b(?<verb>recruit|transport|transfer|harbo|receiv|receipt|recept|shelter|conceal|obtain|provid|deliver|sell|sale|buy|purchas|kidnap|abduct|entic|hold|exchang|lease|hire|lodg|recrut|transf[ée]r|h[ée]berg|accueill|capt|traslad|acog|recib|recepci|d[ée]t[ie]en|reten)"#, caseless: true)
        exploitativePurpose = try Pattern(#"\b(?:exploit\w*|labou?r|servic\w+|slave\w*|servitude|prostitut\w+|sex\w*|organs?|explot\w*|travail|trabajos?|esclav\w*|servidumbre|organes|[óo]rganos)\b"#, caseless: true)
        definitionsHeading = try Pattern(#"\b(?:definitions?|interpretation|meaning\s+of|terms\s+used|use\s+of\s+terms)\b"#, caseless: true)
        definitionsOpening = try Pattern(#"^\s*(?:(?:interpretation|definitions?)\s*[.:—–-]?\s*)?(?:\(\d+\)\s*)?(?:in\s+this\s+(?:act|law|code|chapter|part|decree|ordinance)|for\s+the\s+purposes?\s+of\s+this\s+(?:act|law|code|chapter|part)|in\s+applying\s+the\s+provisions\s+of\s+this|the\s+following\s+(?:words|terms|expressions)\b[^.]{0,120}\bmeanings?|(?:au\s+sens|aux\s+fins|pour\s+l['’]application)\s+de\s+la\s+pr[ée]sente\s+(?:loi|ordonnance)|(?:para\s+(?:los\s+)?(?:efectos|fines)|a\s+(?:los\s+)?efectos)\s+de\s+(?:la\s+presente|esta)\s+ley)"#, caseless: true)
        forThePurposesOf = try Pattern(#"\bfor\s+the\s+purposes?\s+of\s+(?:this\s+)?(?:sections?|articles?|ss?\.|arts?\.|§§?)\s*[0-9][^;:\n]{0,60}"#
            + #"|\b(?:pour\s+l['’]application|aux\s+fins|au\s+sens)\s+(?:des?|du)\s+(?:l['’])?(?:articles?|paragraphes?|art\.)\s*[0-9][^;:\n]{0,60}"#
            + #"|\b(?:para\s+(?:los\s+)?(?:efectos|fines)|a\s+(?:los\s+)?efectos)\s+del?\s+(?:los\s+)?(?:art[íi]culos?|arts?\.)\s*[0-9][^;:\n]{0,60}"#, caseless: true)
        sectionReference = try Pattern(#"\b(?:under|of|in|by|within|to|violat\w*|contravening|referred\s+to\s+in|pursuant\s+to|vis[ée]e?s?\s+(?:au|à|aux)|pr[ée]vue?s?\s+(?:au|à|aux|par)|(?:previst|establecid|tipificad|sancionad)[oa]s?\s+en|del?|des|du|aux?|en\s+el)\s+(?:this\s+)?(?:(?:l['’]|el\s+|los\s+)?(?:sections?|articles?|ss?\.|arts?\.|§§?|paragraphes?|art[íi]culos?))\s*(?<list>[0-9][0-9A-Za-z.]*(?:\s*\([0-9A-Za-z]+\))*(?:\s*(?:,|and|or|to|through|–|et|ou|à|y|o|al?)\s*(?:sections?\s+)?[0-9][0-9A-Za-z.]*(?:\s*\([0-9A-Za-z]+\))*)*)"#, caseless: true)
        // Creating the offence, not mentioning it: "commits the offence of (termed, called)
        // trafficking", "the crime of trafficking ... shall be punished by", "a person who
        // trafficks another person" (the defined verb); not "an offence of trafficking is
        // deemed aggravated if", "where an offence of trafficking is committed by ...".
        traffickingOffenceName = try Pattern(#"\bcommit(?:s|ting|ted)?\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:offen[cs]e|crime)\s+(?:of|termed|called|known\s+as|named)\s+(?:\w+\s+)?traffick|(?<!\bof\s)(?<!\bof\sthe\s)(?<!\bof\san\s)(?<!\bof\sa\s)(?<!\bwhere\san\s)(?<!\bwhere\sthe\s)(?<!\bif\san\s)\b(?:offen[cs]e|crime)\s+of\s+(?:\w+\s+)?traffick[^.;:—]{0,160}?\b(?:punish\w*|liable|imprisonment|sentenced|penalty)\b|\b(?:perpetrator|author|guilty)\s+of\s+(?:the\s+)?(?:offen[cs]e|crime)\s+of\s+(?:\w+\s+)?traffick|\bcommits\s+traffick(?:ing)?\s+(?:in|of)\b|\b(?:is|are)\s+(?:guilty\s+of\s+)?(?:trafficking\s+in\s+(?:persons|human\s+beings)|human\s+trafficking)\b[^.;]{0,80}?\b(?:punish\w*|liable|imprisonment)\b|\b(?:person|whoever|anyone|who)\s+(?:\w+ly\s+)?traffick?s\s+(?:an(?:y|other)?\s+|a\s+)?(?:other\s+)?(?:person|child|individual|human)|\bguilty\s+of\s+(?:\w+\s+)?traffick|\b(?:who(?:ever)?|anyone|any\s+person|a\s+person)\s+(?:who\s+)?(?:commits|engages\s+in|carries\s+out|participates\s+in)\s+(?:the\s+(?:offen[cs]e|crime)\s+of\s+)?(?:human\s+)?traffick|\bshall\s+be\s+(?:considered|deemed)\s+(?:to\s+have\s+committed|one\s+who\s+(?:commits|deals))"#
            + ResolverPatterns.traffickingOffenceFrenchSpanish, caseless: true)
        quotedHeadword = try Pattern(#"[“"‘'][^“”"‘’'\n]{1,60}[”"’'](?=\s*(?:,?[^,.;\n“”"]{1,80},\s*)?(?:means|includes|shall\s+mean|has\s+the\s+(?:same\s+)?meaning|refers\s+to|is\s+defined)\b)"#)
        // "Trafficking in persons means the recruitment, transport ..."; "... shall constitute trafficking"
        traffickingDefinition = try Pattern(#"\b(?:trafficking\s+in\s+(?:persons|human\s+beings)|human\s+trafficking|trafficking)[”"’]?\s*(?:means|shall\s+mean|is\s+defined\s+as|refers\s+to|consists\s+(?:of|in)|is\s+(?:the\s+)?(?:act|crime|offen[cs]e))\b|\b(?:shall\s+)?constitutes?\s+(?:the\s+(?:crime|offen[cs]e)\s+of\s+)?(?:human\s+)?trafficking\b|\btrafficking\s+in\s+(?:persons|human\s+beings|people),?\s+(?:that\s+is|i\.\s?e\.|namely)\b"#
            + ResolverPatterns.traffickingDefinitionFrenchSpanish, caseless: true)
        // The offender as the subject of a clause: "a person who", "whoever", "every person
        // who", "anyone who", "if a person", "the first person", or an infinitive that opens a
        // definition ("To recruit, transport ... a person").
        personSubject = try Pattern(#"\b(?:who(?:ever|soever)|anyone\s+who|(?:any|a|an|every|no)\s+(?:other\s+)?(?:natural\s+|legal\s+)?(?:person|individual|offender)\s+(?:who|that)|persons?\s+(?:who|that)|if\s+(?:a|the)\s+person|the\s+first\s+person|a\s+parent|commits?\s+an?\s+(?:\w+\s+)?offen[cs]e\s+if|(?:unlawful|an\s+offen[cs]e|prohibited)\s+for\s+(?:any\s+)?(?:person|one))\b|(?:^|[.:;—–]\s*)\W*(?:the\s+)?(?=(?:purchase|sale|recruitment|transportation|transfer|harbou?ring|receipt)\b)|(?:^|[.:;]\s*)\s*to\s+(?=recruit|transport|transfer|harbou?r|receiv|obtain|entic|sell|buy|lodg|shelter|kidnap|abduct|deliver|hand)"#
            + ResolverPatterns.personSubjectFrenchSpanish, caseless: true)
        thisChapter = try Pattern(#"\b(?:in\s+violation\s+of|under|contrary\s+to)\s+this\s+(?:chapter|part|title)\b"#, caseless: true)
        perSection = PatternGroup([offenceLanguage, trafficking, actVerb, exploitativePurpose, definitionsOpening, forThePurposesOf,
                                   sectionReference, thisChapter, traffickingOffenceName, traffickingDefinition, personSubject])
    }
}
