import LacunaCore

/// Tells the language of a text from its script and its commonest short words — a small,
/// deterministic stop-word model: no network, no statistics learnt at run time.
///
/// How: letters are counted by script; when the dominant script has stop-word models (Latin,
/// Cyrillic, Arabic), each word of two letters or more that is a stop word of `k` of that
/// script's languages counts `1/k` for each of them, and the language with the highest share
/// of the words wins. Legal prose is dense in function words (an English statute: about one
/// word in three), so a share under ``minimumShare`` means no model fits (`und-Latn`). A
/// script without models names its language when one language dominates it (Hangul → `ko`)
/// and otherwise only the script (`und-Deva`). Fewer than ``minimumWords`` words is too
/// little to tell (`und`, and ``Detection/isConclusive`` is false).
///
/// Laws: deterministic; reads at most ``maximumBytes`` of text, so its cost is bounded
/// whatever the document's size; never changes a finding — the pipeline only reports it.
///
/// Adding a language: a ``Model`` in ``models`` (the words in lower case, one- letter words
/// left out: they collide with paragraph letters such as `(a)` and `(e)`), a name in
/// ``Language``, and a case in `LanguageDetectorTests`.
public struct LanguageDetector: Sendable {
    /// One language's stop words, in the script they are written in.
    public struct Model: Sendable {
        public var language: Language
        public var script: Script
        public var words: Set<String>
        public init(_ language: String, _ script: Script, _ words: [String]) {
            self.language = Language(language)
            self.script = script
            self.words = Set(words)
        }
    }

    /// Writing systems the detector tells apart, with their ISO 15924 codes.
    public enum Script: String, Sendable, CaseIterable {
        case latin = "Latn", cyrillic = "Cyrl", arabic = "Arab", greek = "Grek", hebrew = "Hebr", armenian = "Armn"
        case georgian = "Geor", devanagari = "Deva", bengali = "Beng", gurmukhi = "Guru", gujarati = "Gujr"
        case tamil = "Taml", telugu = "Telu", kannada = "Knda", malayalam = "Mlym", sinhala = "Sinh", thai = "Thai"
        case lao = "Laoo", myanmar = "Mymr", khmer = "Khmr", ethiopic = "Ethi", hangul = "Hang", kana = "Kana", han = "Hans"

        /// The script of a letter, or nil for a character of none of these.
        static func of(_ v: UInt32) -> Script? {
            switch v {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: .latin
            case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
            case 0x400...0x52F: .cyrillic
            case 0x530...0x58F: .armenian
            case 0x590...0x5FF: .hebrew
            case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: .arabic
            case 0x900...0x97F: .devanagari
            case 0x980...0x9FF: .bengali
            case 0xA00...0xA7F: .gurmukhi
            case 0xA80...0xAFF: .gujarati
            case 0xB80...0xBFF: .tamil
            case 0xC00...0xC7F: .telugu
            case 0xC80...0xCFF: .kannada
            case 0xD00...0xD7F: .malayalam
            case 0xD80...0xDFF: .sinhala
            case 0xE00...0xE7F: .thai
            case 0xE80...0xEFF: .lao
            case 0x1000...0x109F: .myanmar
            case 0x10A0...0x10FF: .georgian
            case 0x1100...0x11FF, 0xAC00...0xD7AF: .hangul
            case 0x1200...0x139F: .ethiopic
            case 0x1780...0x17FF: .khmer
            case 0x3040...0x30FF: .kana
            case 0x3400...0x4DBF, 0x4E00...0x9FFF: .han
            default: nil
            }
        }

        /// The language a script all but always means in legislation, if one does.
        var soleLanguage: Language? {
            switch self {
            case .greek: Language("el")
            case .hebrew: Language("he")
            case .armenian: Language("hy")
            case .georgian: Language("ka")
            case .thai: Language("th")
            case .lao: Language("lo")
            case .khmer: Language("km")
            case .hangul: Language("ko")
            case .kana: Language("ja")
            case .han: Language("zh")
            default: nil
            }
        }
    }

    /// What the detector found.
    public struct Detection: Sendable, Hashable {
        /// The language, `und` when there was too little text, `und-Xxxx` when the script is
        /// known but no model fits.
        public var language: Language
        /// Words (two letters or more) read.
        public var words: Int
        /// The winning language's share of the words (0...1); 1 for a language told by its script.
        public var share: Double
        /// Shares of every language with a model in the dominant script, highest first.
        public var scores: [LanguageScore]

        /// Whether there was enough text to tell (a short snippet is not judged).
        public var isConclusive: Bool { language != .undetermined }
    }

    public struct LanguageScore: Sendable, Hashable {
        public var language: Language
        public var share: Double
    }

    public let models: [Model]
    /// Fewer words than this is too little to tell.
    public var minimumWords = 30
    /// The least share of stop words for a model to fit.
    public var minimumShare = 0.10
    /// At most this much text is read.
    public var maximumBytes = 256 * 1024

    public init(models: [Model] = LanguageDetector.models) {
        self.models = models
    }

    /// The language of a document's operative text (what is not excluded as non-law), or of
    /// its whole text when the operative text is too short to tell.
    public func detect(operativeTextOf document: Document) -> Detection {
        let bytes = document.source.utf8
        var operative: [UInt8] = []
        operative.reserveCapacity(min(bytes.count, maximumBytes))
        var at = 0
        func take(_ range: Range<Int>) {
            guard range.lowerBound < range.upperBound, operative.count < maximumBytes else { return }
            operative.append(contentsOf: bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + maximumBytes - operative.count)])
            operative.append(0x0A)
        }
        for span in document.excluded {
            if operative.count >= maximumBytes { break }
            take(at..<min(max(at, span.range.lowerBound), bytes.count))
            at = max(at, min(span.range.upperBound, bytes.count))
        }
        take(at..<bytes.count)
        let found = detect(String(decoding: operative, as: UTF8.self))
        // `detect` reads at most `maximumBytes`: only those are made into a string.
        return found.isConclusive ? found : detect(document.source.prefix(bytes: maximumBytes))
    }

    /// The letters of each script in `text` (its first ``maximumBytes``) and its words of two
    /// letters or more, lower-cased, each with its script.
    func words(of text: String) -> (letters: [Script: Int], words: [(word: String, script: Script)]) {
        var letters: [Script: Int] = [:]
        var words: [(word: String, script: Script)] = []
        var current: [UInt8] = []   // the word so far, lower-cased, in UTF-8
        var letterCount = 0         // its scalars (a word needs two)
        var currentScript: Script?
        var read = 0
        func endWord() {
            if letterCount >= 2, let s = currentScript { words.append((String(decoding: current, as: UTF8.self), s)) }
            letterCount = 0
            current.removeAll(keepingCapacity: true)
            currentScript = nil
        }
        var asciiLetters = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                // ASCII, most of most statutes: no property lookup, no lowercase mapping.
                read += 1
                if read > maximumBytes { break }
                if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) {
                    asciiLetters += 1
                    if currentScript != nil && currentScript != .latin { endWord() }
                    currentScript = .latin
                    current.append(UInt8(v | 0x20))
                    letterCount += 1
                } else {
                    endWord()
                }
                continue
            }
            read += scalar.utf8.count
            if read > maximumBytes { break }
            let props = scalar.properties
            if let script = Script.of(scalar.value), props.isAlphabetic || props.generalCategory == .otherLetter {
                letters[script, default: 0] += 1
                if currentScript != nil && currentScript != script { endWord() }
                currentScript = script
                current.append(contentsOf: props.lowercaseMapping.utf8)
                letterCount += 1
            } else if props.generalCategory == .nonspacingMark || props.generalCategory == .spacingMark, currentScript != nil {
                current.append(contentsOf: String(scalar).utf8)   // vowel signs and accents written as marks
                letterCount += 1
            } else {
                endWord()
            }
        }
        endWord()
        if asciiLetters > 0 { letters[.latin, default: 0] += asciiLetters }
        return (letters, words)
    }

    /// The language of `text` (its first ``maximumBytes``).
    public func detect(_ text: String) -> Detection {
        let (letters, words) = self.words(of: text)

        // The dominant script; kana beside Han is Japanese.
        guard var script = letters.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key else {
            return Detection(language: .undetermined, words: 0, share: 0, scores: [])
        }
        let total = letters.values.reduce(0, +)
        if script == .han, (letters[.kana] ?? 0) * 20 >= total { script = .kana }
        let inScript = words.filter { $0.script == script }
        let candidates = models.filter { $0.script == script }
        if candidates.isEmpty {
            // Scripts without word models: CJK and Thai have no spaces, so count letters.
            guard (letters[script] ?? 0) >= minimumWords else { return Detection(language: .undetermined, words: inScript.count, share: 0, scores: []) }
            let language = script.soleLanguage ?? Language("und-\(script.rawValue)")
            return Detection(language: language, words: inScript.count, share: script.soleLanguage == nil ? 0 : 1, scores: [])
        }
        guard inScript.count >= minimumWords else {
            return Detection(language: .undetermined, words: inScript.count, share: 0, scores: [])
        }
        var owners: [String: [Int]] = [:]
        for (i, m) in candidates.enumerated() { for w in m.words { owners[w, default: []].append(i) } }
        var score = [Double](repeating: 0, count: candidates.count)
        for (word, _) in inScript {
            guard let who = owners[word] else { continue }
            for i in who { score[i] += 1 / Double(who.count) }
        }
        let scores = candidates.indices.map { LanguageScore(language: candidates[$0].language, share: score[$0] / Double(inScript.count)) }
            .sorted { ($0.share, $1.language) > ($1.share, $0.language) }
        let best = scores[0]
        guard best.share >= minimumShare else {
            return Detection(language: Language("und-\(script.rawValue)"), words: inScript.count, share: best.share, scores: scores)
        }
        return Detection(language: best.language, words: inScript.count, share: best.share, scores: scores)
    }

    /// The built-in models: each language's commonest short words in legislation, in Lacuna's
    /// own selection. Words of one letter are left out (paragraph letters).
    public static let models: [Model] = [
        Model("en", .latin, ["the", "of", "and", "to", "or", "in", "by", "is", "be", "shall", "any", "for", "with", "that",
                             "which", "who", "an", "as", "on", "such", "this", "under", "from", "not", "may", "has", "have",
                             "are", "been", "where", "its", "their", "other", "whom", "whoever", "it", "at", "person",
                             "persons", "offence", "offense", "section", "subsection", "act", "commits", "liable", "into"]),
        Model("fr", .latin, ["le", "la", "les", "des", "du", "de", "et", "ou", "est", "sont", "par", "pour", "dans", "sur",
                             "une", "un", "au", "aux", "qui", "que", "ne", "pas", "ces", "cette", "ce", "il", "elle",
                             "lorsque", "être", "été", "son", "sa", "ses", "leur", "leurs", "avec", "sans", "peut", "tout",
                             "toute", "ans", "personne", "article", "loi", "infraction", "commise", "commis", "qu", "lui"]),
        Model("es", .latin, ["el", "la", "los", "las", "del", "de", "que", "en", "por", "para", "con", "una", "un", "se",
                             "su", "sus", "es", "son", "al", "lo", "le", "como", "sin", "será", "cuando", "quien", "sobre",
                             "este", "esta", "no", "años", "pena", "persona", "personas", "artículo", "ley", "delito",
                             "cualquier", "otra", "otro", "mediante", "prisión"]),
        Model("pt", .latin, ["os", "as", "da", "do", "das", "dos", "de", "em", "no", "na", "nos", "nas", "um", "uma", "que",
                             "por", "para", "com", "ao", "aos", "se", "ser", "ou", "é", "são", "pelo", "pela", "quem", "sua",
                             "seu", "não", "será", "quando", "anos", "pena", "pessoa", "pessoas", "artigo", "lei", "crime",
                             "mediante", "qualquer", "outra", "outro"]),
        Model("it", .latin, ["il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "che", "per", "con", "un",
                             "una", "è", "sono", "non", "da", "dal", "nel", "nella", "chi", "ovvero", "anni", "ai", "alla",
                             "nei", "si", "reclusione", "persona", "persone", "articolo", "legge", "reato", "qualsiasi"]),
        Model("de", .latin, ["der", "die", "das", "den", "dem", "des", "und", "oder", "ist", "sind", "wird", "werden", "ein",
                             "eine", "einer", "eines", "einem", "mit", "von", "zu", "zur", "zum", "auf", "für", "nicht",
                             "wer", "bei", "durch", "nach", "sich", "auch", "als", "im", "jahren", "freiheitsstrafe",
                             "person", "personen", "gesetz", "absatz", "tat"]),
        Model("nl", .latin, ["de", "het", "een", "van", "en", "in", "is", "op", "die", "dat", "met", "voor", "niet", "zijn",
                             "wordt", "door", "aan", "bij", "of", "als", "te", "tot", "worden", "artikel", "persoon",
                             "personen", "wet", "jaren", "gevangenisstraf", "hij", "ten"]),
        Model("ro", .latin, ["și", "şi", "sau", "în", "de", "la", "cu", "pe", "din", "care", "este", "sunt", "un", "unei",
                             "unui", "al", "ale", "se", "pentru", "prin", "persoane", "persoana", "ani", "legea", "articolul",
                             "închisoare", "infracțiunea", "fapta"]),
        Model("pl", .latin, ["na", "nie", "się", "do", "lub", "jest", "przez", "od", "za", "po", "oraz", "który", "która",
                             "które", "jego", "lat", "osoba", "osoby", "kto", "ustawy", "art", "pozbawienia", "wolności",
                             "albo", "tym", "ze"]),
        Model("tr", .latin, ["ve", "bir", "bu", "ile", "için", "veya", "olan", "olarak", "de", "da", "her", "kişi", "gibi",
                             "ya", "ki", "yıl", "hapis", "göre", "olup", "kanun", "madde", "suç", "kişiyi", "cezası"]),
        Model("id", .latin, ["yang", "dan", "di", "dari", "untuk", "dengan", "atau", "dalam", "ini", "itu", "pada", "tidak",
                             "oleh", "orang", "setiap", "sebagaimana", "paling", "tahun", "pasal", "undang", "pidana",
                             "penjara", "ayat"]),
        Model("sw", .latin, ["na", "ya", "wa", "kwa", "za", "la", "katika", "au", "mtu", "kuwa", "hiyo", "kama", "cha",
                             "vya", "huo", "ambaye", "atakuwa", "kosa", "sheria", "kifungu", "mtoto", "adhabu"]),
        Model("vi", .latin, ["của", "và", "các", "có", "được", "trong", "người", "không", "là", "cho", "với", "theo", "này",
                             "những", "hoặc", "tội", "một", "về", "bị", "luật", "điều", "năm", "phạt"]),
        Model("ru", .cyrillic, ["на", "не", "что", "по", "или", "для", "от", "за", "из", "его", "лица", "лицо", "является",
                                "это", "как", "которые", "если", "лет", "свободы", "при", "до", "также", "статья",
                                "закона", "лиц", "либо", "целях"]),
        Model("uk", .cyrillic, ["та", "на", "не", "що", "до", "або", "для", "від", "за", "його", "особи", "особа", "це", "які",
                                "якщо", "років", "волі", "при", "також", "стаття", "закону", "осіб", "чи", "метою"]),
        Model("ar", .arabic, ["في", "من", "على", "أو", "التي", "الذي", "إلى", "عن", "أن", "لا", "كل", "هذا", "هذه", "ما",
                              "مع", "بعد", "كان", "يعاقب", "القانون", "المادة", "بالسجن", "الجريمة", "إذا", "الى", "او"]),
        Model("fa", .arabic, ["در", "به", "از", "که", "این", "را", "با", "است", "یا", "برای", "آن", "می", "هر", "شود",
                              "قانون", "ماده", "مجازات", "حبس", "باشد"]),
        Model("ur", .arabic, ["کے", "کی", "میں", "سے", "کو", "اور", "ہے", "یا", "جو", "کا", "پر", "کسی", "گا", "ہو", "قانون",
                              "سزا"]),
    ]
}
