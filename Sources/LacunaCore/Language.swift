/// A natural language, by its BCP 47 tag: `en`, `fr`, or `und` (with a script, `und-Deva`)
/// when the language could not be told.
///
/// Rule packs declare the languages they read (`languages: [en]`); the text layer's
/// `LanguageDetector` names the language of a document's operative text; a report says both.
public struct Language: RawRepresentable, Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let english = Language("en")
    /// Not told: too little text, or no model fits.
    public static let undetermined = Language("und")

    /// Whether the language is known (not `und`, with or without a script).
    public var isDetermined: Bool { !(rawValue == "und" || rawValue.hasPrefix("und-")) }

    /// Its English name: "French", or for an undetermined one "an undetermined language"
    /// (with the script when known: "an undetermined language in Devanagari script").
    public var name: String {
        if let name = Language.names[rawValue] { return name }
        if rawValue.hasPrefix("und-"), let script = Language.scripts[String(rawValue.dropFirst(4))] {
            return "an undetermined language in \(script) script"
        }
        if rawValue == "und" { return "an undetermined language" }
        return rawValue
    }

    public var description: String { rawValue }

    /// The primary subtag, in lower case: `pt` for `pt-BR`.
    public var primary: String {
        String(rawValue.split(separator: "-", maxSplits: 1).first ?? "").lowercased()
    }

    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }

    /// Whether `text` is a well-formed tag as rule packs write it: two or three lower-case
    /// letters (ISO 639), optionally a region or script (`pt-BR`, `sr-Latn`).
    public static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { p in
            (2...8).contains(p.count) && p.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    /// Names of the languages Lacuna can tell apart or that packs commonly declare.
    static let names: [String: String] = [
        "en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian", "de": "German",
        "nl": "Dutch", "ro": "Romanian", "pl": "Polish", "tr": "Turkish", "id": "Indonesian or Malay",
        "sw": "Swahili", "vi": "Vietnamese", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "fa": "Persian",
        "ur": "Urdu", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "th": "Thai", "el": "Greek", "he": "Hebrew",
        "hy": "Armenian", "ka": "Georgian", "am": "Amharic",
    ]

    /// ISO 15924 script codes and their names.
    static let scripts: [String: String] = [
        "Latn": "Latin", "Cyrl": "Cyrillic", "Arab": "Arabic", "Deva": "Devanagari", "Beng": "Bengali",
        "Taml": "Tamil", "Hans": "Han", "Grek": "Greek", "Hebr": "Hebrew", "Thai": "Thai", "Hang": "Hangul",
        "Ethi": "Ethiopic", "Geor": "Georgian", "Armn": "Armenian", "Mymr": "Myanmar", "Khmr": "Khmer",
        "Sinh": "Sinhala", "Guru": "Gurmukhi", "Gujr": "Gujarati", "Telu": "Telugu", "Knda": "Kannada", "Mlym": "Malayalam",
        "Laoo": "Lao",
    ]
}

/// A document in a language none of the rules that ran reads: its findings would say
/// "missing" for want of rules that read it, not because the law lacks anything.
public struct UnreadLanguage: LacunaError, Equatable {
    public var path: String
    /// The language of the text.
    public var language: Language
    /// The languages the rules read.
    public var read: [Language]

    public init(path: String, language: Language, read: [Language]) {
        self.path = path
        self.language = language
        self.read = read
    }

    public var location: String? { path }

    public var problem: String {
        "\(UnreadLanguage.sentence(language, read: read)); --language-anyway reports it all the same"
    }

    /// The warning a report carries: one sentence, no command-line advice.
    public static func sentence(_ language: Language, read: [Language]) -> String {
        let names = read.map(\.name)
        let rules = names.isEmpty ? "no language"
            : names.count == 1 ? "only \(names[0])" : names.dropLast().joined(separator: ", ") + " and " + names.last!
        let lang = language.isDetermined ? language.name : "\(language.name) (not one Lacuna can name)"
        return "the text is in \(lang), but the rules read \(rules): the findings do not assess this law (a requirement reads as missing for want of rules that read the language, not because the law lacks it)"
    }
}
