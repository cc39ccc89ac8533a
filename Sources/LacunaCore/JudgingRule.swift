/// The fourteen rules of `docs/judging.md` by which a text is read, each with the short
/// phrase reports use to name it ("rule 12: an offence without means reaches every means").
///
/// Laws: numbers run 1...14 with no gap, in the order of `docs/judging.md`; every phrase is
/// the project's own short wording of that rule (a test checks each against the page's bold
/// heading words); ``phrase(_:)`` is nil for any other number.
public enum JudgingRule {
    /// The phrase of each rule, by number (index 0 is rule 1).
    public static let phrases: [String] = [
        "only the text given",
        "only operative text",
        "the same thing said differently counts",
        "definitions travel",
        "the elements belong to the offence",
        "a requirement that asks for something to be absent is met by an offence free of it",
        "consent is met only when the text says it is irrelevant or no defence",
        "children: no means may be asked, and everyone below eighteen is a child",
        "a serious penalty is four years in prison or more",
        "a duty asks for \u{201C}shall\u{201D}; \u{201C}may\u{201D} meets only an optional requirement",
        "every finding names the provision and quotes the decisive words",
        "an offence without means reaches every means",
        "conflicts come from what the text orders",
        "each limit counts once",
    ]

    /// The phrase of rule `number`, or nil when there is no such rule.
    public static func phrase(_ number: Int) -> String? {
        (1...phrases.count).contains(number) ? phrases[number - 1] : nil
    }

    /// "JUDGING rule 12: an offence without means reaches every means" (the number alone
    /// when there is no such rule).
    public static func cite(_ number: Int) -> String {
        phrase(number).map { "JUDGING rule \(number): \($0)" } ?? "JUDGING rule \(number)"
    }

    /// The first rule a note or summary cites as "JUDGING rule N" or "JUDGING rules N and M"
    /// (the first number), or nil.
    public static func cited(in text: String) -> Int? {
        guard let range = text.firstByteRange(of: "JUDGING rule") else { return nil }
        var rest = text[range.upperBound...].drop { $0 == "s" || $0 == " " }
        var digits = ""
        while let c = rest.first, c.isASCII, c.isNumber { digits.append(c); rest = rest.dropFirst() }
        guard let n = Int(digits), phrase(n) != nil else { return nil }
        return n
    }
}
