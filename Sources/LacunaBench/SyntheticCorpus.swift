import Foundation

/// A reproducible corpus of synthetic statutes for `lacuna bench`: fictional jurisdictions,
/// mixed traditions (common-law acts in sections, civil-law laws and code extracts in
/// articles, Gulf-style laws in "Article (n)"), with definitions, offences with varied acts,
/// means and purposes, penalties of every kind, victim protection, jurisdiction,
/// cooperation and prevention — strong laws and weak ones, so that every kind of rule fires.
///
/// The texts are written from templates in the project's own words. The same seed gives the
/// same corpus, byte for byte, on every machine.
public struct SyntheticCorpus: Sendable {
    public var documents: Int
    public var seed: UInt64

    public init(documents: Int = 5000, seed: UInt64 = 1) {
        self.documents = documents
        self.seed = seed
    }

    /// One generated statute.
    public struct Statute: Sendable, Hashable {
        public var jurisdiction: String
        /// `common-law`, `civil-law` or `islamic-law`.
        public var tradition: String
        public var title: String
        public var year: Int
        /// `jurisdiction/name.txt`.
        public var relativePath: String
        public var text: String
    }

    /// What ``write(to:)`` wrote.
    public struct Written: Sendable {
        public var folder: URL
        public var files: [URL]
        public var bytes: Int
        /// A CSV manifest of the corpus (path, jurisdiction, tradition, title, year), beside the folders.
        public var manifest: URL
    }

    /// The fictional jurisdictions: about one per forty documents, at least one.
    public var jurisdictions: [(name: String, tradition: String)] {
        let count = max(1, documents / 40)
        var rng = SplitMix64.forItem(-1, seed: seed)
        var names = Set<String>()
        var out: [(String, String)] = []
        while out.count < count {
            let name = Words.countryName(&rng)
            guard names.insert(name).inserted else { continue }
            let r = rng.unit()
            out.append((name, r < 0.45 ? "common-law" : r < 0.8 ? "civil-law" : "islamic-law"))
        }
        return out
    }

    /// Statute `index` (0-based); independent of the others.
    public func statute(_ index: Int, jurisdictions: [(name: String, tradition: String)]) -> Statute {
        var rng = SplitMix64.forItem(index, seed: seed)
        let j = jurisdictions[rng.below(jurisdictions.count)]
        // Most of a jurisdiction's laws follow its tradition; a few are drafted in another style.
        let tradition = rng.chance(0.9) ? j.tradition : rng.pick(["common-law", "civil-law", "islamic-law"])
        var writer = StatuteWriter(rng: rng, country: j.name, tradition: tradition)
        let (title, year, text) = writer.write()
        let slug = Words.slug(title)
        return Statute(jurisdiction: j.name, tradition: tradition, title: title, year: year,
                       relativePath: "\(Words.slug(j.name))/\(String(format: "%05d", index))-\(slug).txt", text: text)
    }

    /// Writes every statute under `folder` (one sub-folder per jurisdiction) and a manifest.
    public func write(to folder: URL) throws -> Written {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let js = jurisdictions
        var files: [URL] = []
        var bytes = 0
        var manifest = "path,jurisdiction,tradition,title,year\n"
        var made = Set<String>()
        for i in 0..<documents {
            let s = statute(i, jurisdictions: js)
            let url = folder.appendingPathComponent(s.relativePath)
            let dir = url.deletingLastPathComponent()
            if made.insert(dir.path).inserted { try fm.createDirectory(at: dir, withIntermediateDirectories: true) }
            let data = Data(s.text.utf8)
            try data.write(to: url)
            files.append(url)
            bytes += data.count
            manifest += [s.relativePath, s.jurisdiction, s.tradition, s.title, String(s.year)].map(Words.csvField).joined(separator: ",") + "\n"
        }
        let manifestURL = folder.appendingPathComponent("manifest.csv")
        try Data(manifest.utf8).write(to: manifestURL)
        return Written(folder: folder, files: files, bytes: bytes, manifest: manifestURL)
    }
}

/// Word pools and small text helpers for the generator.
enum Words {
    static let syllables = ["nor", "val", "dor", "east", "mar", "ch", "lan", "ber", "sel", "ka", "ri", "to", "ven", "al", "mon",
                            "tar", "es", "qu", "in", "gar", "ost", "lin", "ro", "sa", "hel", "ve", "dra", "mir", "zan", "ul"]
    static let endings = ["land", "ia", "ova", "mark", "stan", "ador", "ina", "eth", "ar", "oria", "istan", "avia", "ene", "ur"]

    static func countryName(_ rng: inout SplitMix64) -> String {
        var s = rng.pick(syllables) + (rng.chance(0.5) ? rng.pick(syllables) : "") + rng.pick(endings)
        s = s.prefix(1).uppercased() + s.dropFirst()
        return s
    }

    static func slug(_ s: String) -> String {
        let lowered = s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let collapsed = String(lowered).split(separator: "-").prefix(8).joined(separator: "-")
        return collapsed.isEmpty ? "statute" : collapsed
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static let numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                              "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                              "twenty-one", "twenty-two", "twenty-three", "twenty-four", "twenty-five"]

    static func word(_ n: Int) -> String { n >= 1 && n <= numberWords.count ? numberWords[n - 1] : String(n) }

    /// `one year`, `three years`.
    static func years(_ n: Int) -> String { n == 1 ? "one year" : "\(word(n)) years" }

    static let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    static func list(_ items: [String], and conjunction: String = "or") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }
    }
}

/// Writes one statute. Each part is present or absent, strong or weak, by chance, so that
/// the corpus holds every kind of finding.
struct StatuteWriter {
    var rng: SplitMix64
    let country: String
    let tradition: String
    /// How complete the law is, 0...1: strong laws cover more, weak ones have gaps and conflicts.
    let quality: Double
    var lines: [String] = []
    var number = 0

    init(rng: SplitMix64, country: String, tradition: String) {
        self.rng = rng
        self.country = country
        self.tradition = tradition
        var r = rng
        quality = 0.25 + 0.75 * r.unit()
        self.rng = r
    }

    mutating func has(_ p: Double) -> Bool { rng.chance(min(0.97, p * (0.4 + quality))) }

    // MARK: Pools

    static let acts = ["recruits", "transports", "transfers", "harbours", "receives"]
    static let actsUS = ["recruits", "entices", "harbors", "transports", "provides", "obtains", "maintains"]
    static let extraActs = ["hands over or takes over control of", "sells, buys or exchanges", "hires"]
    static let means = [
        "the use of force or violence, or the threat of it",
        "any other form of coercion, including intimidation or psychological pressure",
        "abduction or kidnapping",
        "fraud, deception or false promises",
        "the abuse of power or of a position of authority",
        "the abuse of a position of vulnerability",
        "the giving or receiving of payments or benefits to obtain the consent of a person having control over another person",
        "debt bondage or the withholding of wages",
        "the confiscation of identity or travel documents",
    ]
    static let purposes = [
        "the exploitation of the prostitution of others or other forms of sexual exploitation",
        "forced labour or services, including forced begging",
        "slavery or practices similar to slavery",
        "servitude, including domestic servitude",
        "the removal of organs, tissue or body parts",
        "forced marriage",
        "the use of a person in criminal activities",
        "the use of a child in armed conflict",
        "illegal adoption",
    ]
    static let moreDefinitions = [
        "\"authorised officer\" means a police officer of or above the rank of inspector, a labour inspector or an immigration officer designated in writing by the Minister;",
        "\"court\" means the High Court or any court of competent jurisdiction;",
        "\"Fund\" means the Victims of Trafficking Fund established under this Act;",
        "\"organised criminal group\" means a structured group of three or more persons, existing for a period of time and acting in concert with the aim of committing one or more serious crimes in order to obtain a financial or other material benefit;",
        "\"public officer\" means a person holding an office in the public service, a local authority or a statutory body, and includes a member of the police, the armed forces and the immigration service;",
        "\"travel or identity document\" means a passport, visa, national identity card, birth certificate, residence or work permit, or any other document establishing the identity or immigration status of a person;",
        "\"shelter\" means premises approved by the Director for the temporary accommodation of victims;",
        "\"service provider\" means a person or body, including a non-governmental organisation, that provides accommodation, care or support to victims;",
        "\"debt bondage\" means the status or condition of a debtor arising from a pledge by the debtor of his or her personal services, or of those of a person under his or her control, as security for a debt, where the value of those services is not applied towards the liquidation of the debt;",
        "\"servitude\" means a condition in which a person is compelled to live on the property of another and to render services to that person, without the possibility of changing that condition;",
    ]
    static let weakPurposes = ["prostitution", "selling the person abroad", "immoral acts"]
    static let ministries = ["home affairs", "justice", "the interior", "labour and social welfare", "public security", "gender and family"]
    static let currencies = ["dollars", "crowns", "lev", "pounds", "marks", "francs"]
    static let gulfCurrencies = ["riyals", "dinars", "dirhams"]

    // MARK: The document

    mutating func write() -> (title: String, year: Int, text: String) {
        let year = rng.int(1995...2025)
        let kind = rng.unit()
        var title: String
        switch tradition {
        case "civil-law":
            if kind < 0.35 {
                title = "Criminal Code of \(country) (extract)"
                civilCodeExtract(year: year)
            } else {
                title = rng.pick(["Law on Combating Trafficking in Human Beings", "Law on the Prevention of Trafficking in Human Beings and the Protection of Victims",
                                  "Law on Measures against Trafficking in Persons", "Law on Combating Human Trafficking and Forced Labour"])
                civilLaw(title: title, year: year)
            }
        case "islamic-law":
            title = rng.pick(["Law on Combating Human Trafficking", "Law regarding Combating Trafficking in Persons",
                              "Decree-Law on the Prevention of Human Trafficking"])
            islamicLaw(title: title, year: year)
        default:
            if kind < 0.15 {
                title = rng.pick(["Criminal Law (Amendment) Act", "Penal Code (Amendment) Act", "Immigration (Amendment) Act"])
                commonAmendment(title: title, year: year)
            } else if kind < 0.3 {
                title = rng.pick(["Trafficking in Persons (Victim Assistance) Regulations", "Anti-Trafficking (Shelter and Support) Regulations"])
                commonRegulations(title: title, year: year)
            } else {
                title = rng.pick(["Trafficking in Persons (Prohibition) Act", "Prevention of Trafficking in Persons Act",
                                  "Anti-Human Trafficking Act", "Modern Slavery and Trafficking Act",
                                  "Trafficking in Persons (Prohibition, Enforcement and Victim Protection) Act",
                                  "Combating of Trafficking in Persons Act"])
                commonLawAct(title: title, year: year)
            }
        }
        return (title, year, lines.joined(separator: "\n") + "\n")
    }

    mutating func add(_ s: String) { lines.append(s) }
    mutating func blank() { lines.append("") }

    // MARK: Common law

    // Longer than 80 lines: one whole statute written top to bottom, a line per provision;
    // split up, its order would be scattered over helpers.
    mutating func commonLawAct(title: String, year: Int) {
        let actNo = rng.int(1...60)
        add(rng.pick(["REPUBLIC OF \(country.uppercased())", "\(country.uppercased())", "THE STATE OF \(country.uppercased())"]))
        blank()
        add("\(title.uppercased()), \(year)")
        blank()
        add("Act No. \(actNo) of \(year)")
        blank()
        add("AN ACT to prohibit trafficking in persons, to punish those who commit it, to protect and assist its victims\(has(0.6) ? ", to establish a national body to coordinate the response of \(country)" : ""), and for connected purposes.")
        blank()
        if rng.chance(0.5) {
            add("WHEREAS every person in \(country) is entitled to liberty and to the dignity of the human person;")
            add("AND WHEREAS \(country) is a party to the international instruments on trafficking in persons;")
            add("NOW THEREFORE be it enacted by the Parliament of \(country) as follows:")
        } else {
            add("ENACTED by the Parliament of \(country).")
        }
        blank()
        // The plan of the Act: which sections it has, in order.
        var parts: [(String, [(String, (inout StatuteWriter) -> Void)])] = []
        parts.append(("PRELIMINARY", [
            ("Short title and commencement", { w in
                w.add("(1) This Act may be cited as the \(title), \(year).")
                w.add("(2) This Act comes into operation on such date as the Minister may appoint by notice in the Gazette.")
            }),
            ("Interpretation", { w in w.commonDefinitions() }),
        ]))
        var offences: [(String, (inout StatuteWriter) -> Void)] = [("Trafficking in persons", { w in w.commonOffence() })]
        if has(0.6) { offences.append(("Attempt", { w in w.add("A person who attempts to commit an offence under section 3 commits an offence and is liable to the same penalty as for the completed offence.") })) }
        if has(0.6) { offences.append(("Aiding and abetting", { w in w.add("A person who aids, abets, counsels or procures the commission of an offence under section 3 commits an offence and is liable to be punished as a principal offender.") })) }
        if has(0.5) { offences.append(("Organising or directing others", { w in w.add("A person who organises or directs other persons to commit an offence under section 3 commits an offence and is liable on conviction on indictment to imprisonment for life.") })) }
        if has(0.55) { offences.append(("Offences by bodies corporate", { w in w.commonCorporate() })) }
        if has(0.55) { offences.append(("Aggravating circumstances", { w in w.commonAggravation() })) }
        if has(0.4) { offences.append(("Using the services of a victim", { w in w.add("A person who uses the labour or services, including the sexual services, of another person knowing that the other person is a victim of trafficking commits an offence and is liable on conviction to imprisonment for a term not exceeding \(Words.word(w.rng.int(3...10))) years.") })) }
        if has(0.45) { offences.append(("Offences relating to travel and identity documents", { w in w.add("A person who, for the purpose of committing or facilitating an offence under section 3, destroys, conceals, removes, confiscates or withholds the passport, identity card or other travel or identity document of another person commits an offence and is liable on conviction to imprisonment for a term not exceeding \(Words.word(w.rng.int(2...10))) years.") })) }
        parts.append(("OFFENCES", offences))
        var victims: [(String, (inout StatuteWriter) -> Void)] = []
        if has(0.55) { victims.append(("Non-punishment of victims", { w in w.commonNonPunishment() })) }
        if has(0.5) { victims.append(("Identification of victims", { w in w.add("(1) The Coordinator shall issue guidelines for the early identification of victims, to be used by the police, labour inspectors, immigration officers and social workers.\n(2) A person who there are reasonable grounds to believe is a victim shall be treated as a victim until the identification is complete.") })) }
        if has(0.65) { victims.append(("Assistance to victims", { w in w.commonAssistance() })) }
        if has(0.45) { victims.append(("Child victims", { w in w.add("(1) In every decision concerning a child victim the best interests of the child shall be the primary consideration.\n(2) Where the age of a victim is uncertain and there are reasons to believe that the victim is a child, the victim shall be presumed to be a child pending verification of age.\n(3) A guardian shall be appointed without delay for every unaccompanied child victim.") })) }
        if has(0.45) { victims.append(("Privacy and protection of victims and witnesses", { w in w.add("(1) The court may order that proceedings under this Act be held in camera and that the identity of a victim not be disclosed.\n(2) The police shall take measures to protect victims and witnesses, and members of their families, from intimidation and retaliation.") })) }
        if has(0.5) { victims.append(("Compensation and restitution", { w in w.commonCompensation() })) }
        if has(0.45) { victims.append(("Residence of foreign victims", { w in w.commonResidence() })) }
        if has(0.4) { victims.append(("Return of victims", { w in w.add("The return of a victim to the country of which the victim is a national shall be voluntary, shall take place with due regard for the safety of the victim and the status of any legal proceedings, and shall be arranged with the authorities of that country.") })) }
        if !victims.isEmpty { parts.append(("PROTECTION AND ASSISTANCE OF VICTIMS", victims)) }
        var state: [(String, (inout StatuteWriter) -> Void)] = []
        if has(0.55) { state.append(("Jurisdiction", { w in w.commonJurisdiction() })) }
        if has(0.5) { state.append(("National Anti-Trafficking Coordinator", { w in w.add("(1) The Minister shall appoint a National Anti-Trafficking Coordinator to coordinate the work of the ministries, the police and civil society against trafficking in persons.\n(2) The Coordinator shall prepare a national action plan and report to Parliament every year on its implementation.") })) }
        if has(0.5) { state.append(("Prevention", { w in w.add("The Minister shall carry out research, information and awareness campaigns and social and economic initiatives to prevent trafficking in persons, and shall take measures to discourage the demand that fosters the exploitation of persons.") })) }
        if has(0.4) { state.append(("Training", { w in w.add("The Coordinator shall ensure that police officers, prosecutors, judges, immigration officers and labour inspectors receive training on the prevention of trafficking, the identification of victims and the protection of their rights.") })) }
        if has(0.4) { state.append(("International cooperation", { w in w.add("(1) The competent authorities may exchange information with the authorities of other States to identify perpetrators and victims of trafficking.\n(2) Trafficking in persons shall be an extraditable offence, and mutual legal assistance shall be afforded to the widest extent possible.") })) }
        if has(0.35) { state.append(("Border measures", { w in w.add("The immigration authorities shall strengthen border controls as may be necessary to prevent and detect trafficking in persons, and commercial carriers shall verify that passengers hold the travel documents required for entry.") })) }
        if !state.isEmpty { parts.append(("JURISDICTION, COORDINATION AND PREVENTION", state)) }
        var misc: [(String, (inout StatuteWriter) -> Void)] = [("Regulations", { w in w.add("The Minister may make regulations for the better carrying out of the purposes of this Act.") })]
        var used = Set<String>()
        for _ in 0..<rng.int(2...9) {
            let f = filler(common: true)
            if used.insert(f.0).inserted { misc.append(f) }
        }
        parts.append(("MISCELLANEOUS", misc))

        if rng.chance(0.4) {
            add("ARRANGEMENT OF SECTIONS")
            var n = 0
            for (i, part) in parts.enumerated() {
                add("Part \(Words.roman[i]) — \(part.0.capitalized)")
                for s in part.1 { n += 1; add("\(n). \(s.0)") }
            }
            blank()
        }
        number = 0
        for (i, part) in parts.enumerated() {
            add("PART \(Words.roman[i]) — \(part.0)")
            blank()
            for s in part.1 {
                number += 1
                add("\(number). \(s.0)")
                s.1(&self)
                blank()
            }
        }
        if rng.chance(0.6) { commonSchedule() }
    }

    mutating func commonDefinitions() {
        add("In this Act, unless the context otherwise requires—")
        var defs: [String] = []
        defs.append("\"child\" means a person under the age of \(rng.chance(0.85) ? "eighteen" : "sixteen") years;")
        if has(0.6) {
            let ps = rng.some(StatuteWriter.purposes, p: 0.3 + 0.6 * quality, minimum: 2)
            let letters = "abcdefghij".map(String.init)
            defs.append("\"exploitation\" includes\(rng.chance(0.5) ? ", at a minimum" : "")—\n" + ps.enumerated().map { "(\(letters[$0.offset])) \($0.element);" }.joined(separator: "\n"))
        }
        if has(0.4) {
            defs.append("\"abuse of a position of vulnerability\" means taking advantage of any situation, such as age, illness, disability, poverty or irregular immigration status, in which the person concerned has no real and acceptable alternative but to submit;")
        }
        if has(0.4) {
            defs.append("\"forced labour\" means work or service exacted from a person under the menace of a penalty and for which the person has not offered himself or herself voluntarily;")
        }
        defs.append("\"Minister\" means the Minister responsible for \(rng.pick(StatuteWriter.ministries));")
        defs += rng.some(StatuteWriter.moreDefinitions, p: 0.55, minimum: 3)
        if rng.chance(0.6) { defs.append("\"Coordinator\" means the National Anti-Trafficking Coordinator;") }
        defs.append("\"victim\" means a person against whom an offence under section 3 has been committed, whether or not an offender has been identified, prosecuted or convicted.")
        for d in defs { add(d) }
    }

    mutating func commonOffence() {
        let actList = rng.chance(0.15) ? Words.list(rng.some(StatuteWriter.actsUS, p: 0.8, minimum: 3))
            : Words.list(rng.some(StatuteWriter.acts, p: 0.45 + 0.5 * quality, minimum: 2) + (rng.chance(0.3) ? [rng.pick(StatuteWriter.extraActs)] : []))
        let strong = has(0.6)
        let meansText = strong ? Words.list(rng.some(StatuteWriter.means, p: 0.35 + 0.6 * quality, minimum: 2)) : rng.pick(["force or the threat of force", "fraud or deception", "threats"])
        let purposeText = strong ? "for the purpose of exploitation" : "for the purpose of " + rng.pick(StatuteWriter.weakPurposes)
        var sub = 1
        if rng.chance(0.5) {
            add("(\(sub)) A person commits an offence if that person—")
            add("(a) \(actList) another person;")
            add("(b) does so by means of \(meansText); and")
            add("(c) does so \(purposeText).")
        } else {
            add("(\(sub)) A person who \(actList) another person by means of \(meansText) \(purposeText) commits the offence of trafficking in persons.")
        }
        sub += 1
        if has(0.6) {
            add("(\(sub)) A person who \(actList) a child for the purpose of exploitation commits an offence under this section, whether or not any of the means referred to in subsection (1) has been used.")
            sub += 1
        }
        let consent = rng.unit()
        if consent < 0.55 * quality + 0.2 {
            add("(\(sub)) The consent of a victim to the intended exploitation is irrelevant where any of the means referred to in subsection (1) has been used.")
            sub += 1
        } else if consent > 0.9 {
            add("(\(sub)) It shall be a defence to a charge under this section that the person trafficked consented to the conduct complained of.")
            sub += 1
        }
        if has(0.4) {
            add("(\(sub)) It is immaterial whether the victim was moved across a border, and the offence may be committed wholly within \(country).")
            sub += 1
        } else if rng.chance(0.08) {
            add("(\(sub)) This section applies only where the person is brought into or taken out of \(country).")
            sub += 1
        }
        add("(\(sub)) " + commonPenalty(serious: has(0.7)))
    }

    mutating func commonPenalty(serious: Bool) -> String {
        if serious {
            let years = rng.int(8...25)
            return rng.pick([
                "A person who commits an offence under this section is liable on conviction on indictment to imprisonment for a term not exceeding \(Words.word(years)) years.",
                "A person convicted of an offence under this section is liable to imprisonment for a term of not less than \(Words.word(rng.int(3...7))) years and not more than \(Words.word(years)) years, and to a fine.",
                "A person who commits an offence under this section is liable on conviction to imprisonment for life.",
            ])
        }
        return rng.pick([
            "A person who commits an offence under this section is liable on conviction to a fine not exceeding \(rng.int(1...50) * 1000) \(rng.pick(StatuteWriter.currencies)) or to imprisonment for a term not exceeding \(Words.years(rng.int(1...3))), or to both.",
            "A person who commits an offence under this section is liable on summary conviction to a fine not exceeding the prescribed amount.",
            "A person who commits an offence under this section shall be fined or imprisoned for a term not exceeding \(Words.years(rng.int(1...5))), or both.",
        ])
    }

    mutating func commonCorporate() {
        add("(1) Where an offence under this Part is committed for the benefit of a body corporate, the body corporate is also guilty of the offence and is liable to a fine not exceeding \(Words.word(rng.int(1...10))) million \(rng.pick(StatuteWriter.currencies)).")
        if rng.chance(0.5) { add("(2) On convicting a body corporate, the court may in addition order the cancellation of any licence held by it, or its closure.") }
        if rng.chance(0.6) { add("(3) Where an offence committed by a body corporate is proved to have been committed with the consent or connivance of a director or manager, that person as well as the body corporate is guilty of the offence.") }
    }

    mutating func commonAggravation() {
        add("(1) A person convicted of an offence under section 3 is liable to imprisonment for life where—")
        let cases = rng.some(["the victim is a child;", "the offender is a public officer who committed the offence through the abuse of his or her office;",
                              "the offence was committed by an organised criminal group;", "the offence caused the death of, or serious harm to, the victim;",
                              "the offender recklessly endangered the life of the victim;"], p: 0.6, minimum: 2)
        let letters = "abcdef".map(String.init)
        for (i, c) in cases.enumerated() { add("(\(letters[i])) \(c)") }
        add("(2) Nothing in subsection (1) limits the discretion of the court in sentencing.")
    }

    mutating func commonNonPunishment() {
        switch rng.below(4) {
        case 0:
            add("A victim shall not be prosecuted or punished for any offence, including an immigration offence, that the victim committed as a direct consequence of having been trafficked.")
        case 1:
            add("(1) It is a defence for a person charged with an offence to prove that the person committed the offence because he or she was compelled to do so as a victim of trafficking.\n(2) Subsection (1) does not apply to offences punishable by imprisonment for life.")
        case 2:
            add("A victim shall not be held criminally liable for unlawful entry into or unlawful presence in \(country), or for the possession of false travel documents, where that conduct resulted directly from the victim having been trafficked.")
        default:
            add("The prosecuting authority may decline to prosecute a victim for an offence committed in the course of being trafficked.")
        }
    }

    mutating func commonAssistance() {
        let duty = has(0.6) ? "shall" : "may"
        add("(1) The Minister \(duty) provide to every victim, in cooperation with non-governmental organisations—")
        let items = rng.some(["(a) safe and appropriate accommodation;", "(b) medical and psychological assistance;",
                              "(c) counselling and information, in a language the victim understands, about his or her legal rights;",
                              "(d) legal assistance, free of charge;", "(e) interpretation and translation services;",
                              "(f) access to education, vocational training and employment opportunities."], p: 0.3 + 0.6 * quality, minimum: 2)
        for i in items { add(i) }
        if rng.chance(0.25 * (1.2 - quality)) {
            add("(2) Assistance under this section shall be provided only to a victim who agrees to cooperate with the police and to give evidence in any proceedings.")
        } else {
            add("(2) Assistance under this section shall not be made conditional on the victim's willingness to act as a witness.")
        }
    }

    mutating func commonCompensation() {
        add("(1) Where a person is convicted of an offence under this Act, the court shall order the person to pay restitution to the victim, including for lost earnings and for costs of medical and psychological treatment.")
        if rng.chance(0.5) { add("(2) A victim may bring civil proceedings for damages against the offender whether or not the victim remains in \(country).") }
        if rng.chance(0.4) { add("(3) There is established a Victims of Trafficking Fund, into which the proceeds of property forfeited under this Act shall be paid, for the compensation and support of victims.") }
    }

    mutating func commonResidence() {
        add("(1) A foreign victim shall be granted a recovery and reflection period of not less than \(Words.word(rng.int(30...90))) days, during which no order for removal shall be enforced.")
        add("(2) The Minister may grant a foreign victim a temporary residence permit on humanitarian grounds, or where the victim's stay is necessary for an investigation or proceedings.")
        if rng.chance(0.2) { add("(3) A victim who is not a citizen shall be deported as soon as any proceedings in which he or she is a witness have concluded.") }
    }

    mutating func commonJurisdiction() {
        add("The courts of \(country) have jurisdiction over an offence under this Act where the offence is committed—")
        let cases = rng.some(["(a) within \(country), or on board a ship or aircraft registered in \(country);",
                              "(b) outside \(country) by a citizen or permanent resident of \(country);",
                              "(c) outside \(country) against a citizen of \(country);",
                              "(d) outside \(country) by a person who is present in \(country) and is not extradited."], p: 0.5 + 0.4 * quality, minimum: 1)
        for c in cases { add(c) }
    }

    /// A section of ordinary legislative machinery, to give the texts realistic bulk.
    mutating func filler(common: Bool) -> (String, (inout StatuteWriter) -> Void) {
        let options: [(String, String)] = [
            ("Powers of authorised officers", "(1) An authorised officer may, at any reasonable time, enter and inspect any premises where he or she has reasonable grounds to believe that a person is being held in servitude.\n(2) An authorised officer who enters premises under this section shall produce evidence of his or her authority on request.\n(3) A person who obstructs an authorised officer in the exercise of a power under this section is liable to a penalty prescribed by regulations."),
            ("Evidence by certificate", "In any proceedings under this Act, a certificate purporting to be signed by the Director of Public Prosecutions and stating any matter relating to the records of a public body shall be admissible as evidence of that matter unless the contrary is proved."),
            ("Protection from personal liability", "No action shall lie against a public officer in respect of anything done in good faith in the exercise or purported exercise of a function under this Act."),
            ("Annual report", "(1) The Minister shall, within six months after the end of each financial year, lay before Parliament a report on the operation of this Act during that year.\n(2) The report shall include statistics on investigations, prosecutions, convictions and the number of persons assisted, disaggregated by age and sex."),
            ("Delegation", "The Minister may, by notice in the Gazette, delegate any of the functions conferred on the Minister by this Act, other than the power to make regulations, to a public officer."),
            ("Forfeiture of property", "(1) Where a person is convicted of an offence under this Act, the court may order the forfeiture of any property used in, or derived from, the commission of the offence.\n(2) The provisions of the Proceeds of Crime Act apply to property liable to forfeiture under this section."),
            ("Transitional provisions", "Proceedings commenced under any enactment repealed by this Act before the commencement of this Act may be continued and completed as if this Act had not been enacted."),
            ("Consequential amendments", "The enactments specified in the Schedule are amended to the extent specified in the Schedule."),
            ("Data protection", "Personal data collected under this Act shall be processed only for the purposes of this Act, kept securely and retained no longer than necessary for those purposes."),
            ("Licensing of recruitment agencies", "(1) No person shall carry on the business of recruiting workers for employment, within or outside the country, without a licence issued by the Commissioner of Labour.\n(2) The Commissioner may refuse, suspend or revoke a licence where the holder has charged recruitment fees to workers or retained their documents."),
            ("Offences by public officers", "A public officer who, in the exercise of his or her functions, knowingly fails to act on information that a person is a victim commits an offence and is liable on conviction to a fine and to dismissal from office."),
            ("Rules of court", "The Chief Justice may make rules of court regulating the practice and procedure in proceedings under this Act, including the giving of evidence by video link."),
        ]
        let pick = rng.pick(options)
        return (pick.0, { w in w.add(pick.1) })
    }

    /// A schedule of consequential amendments: the kind of bulk real Acts carry.
    mutating func commonSchedule() {
        add("SCHEDULE")
        add("(Section \(number - 1))")
        add("CONSEQUENTIAL AMENDMENTS")
        blank()
        let acts = ["Penal Code", "Criminal Procedure Code", "Immigration Act", "Evidence Act", "Children Act", "Employment Act",
                    "Extradition Act", "Mutual Assistance in Criminal Matters Act", "Proceeds of Crime Act", "Passports Act"]
        for act in rng.some(acts, p: 0.45, minimum: 2) {
            add("\(act)")
            let n = rng.int(2...180)
            add(rng.pick([
                "1. Section \(n) is amended by inserting, after the words \"any offence\", the words \"including an offence under the \(country) Trafficking in Persons Act\".",
                "1. In section \(n), for the words \"six months\" substitute the words \"two years\".",
                "1. Section \(n) is repealed and replaced by the following section— \"\(n). The court may receive the evidence of a vulnerable witness by video link or from behind a screen.\"",
                "1. In the First Schedule, after the entry relating to section \(n) insert the entry \"offences under the Trafficking in Persons Act\".",
            ]))
            blank()
        }
    }

    mutating func commonAmendment(title: String, year: Int) {
        add("\(country.uppercased())")
        blank()
        add("\(title.uppercased()), \(year)")
        blank()
        add("AN ACT to amend the Penal Code in relation to trafficking in persons.")
        blank()
        add("ENACTED by the Parliament of \(country).")
        blank()
        add("1. Short title")
        add("This Act may be cited as the \(title), \(year).")
        blank()
        add("2. Amendment of section \(rng.int(200...400))")
        let n = rng.int(200...400)
        add("Section \(n) of the Penal Code is amended—")
        add("(a) in subsection (1), by deleting the words \"for the purpose of prostitution\" and substituting the words \"for the purpose of exploitation\";")
        if rng.chance(0.6) {
            add("(b) by inserting after subsection (2) the following subsection—")
            add("\"(2A) The consent of a victim to the intended exploitation is irrelevant where any of the means referred to in subsection (1) has been used.\"")
        }
        blank()
        add("3. Insertion of new section \(n)A")
        add("The Penal Code is amended by inserting after section \(n) the following section—")
        add("\"\(n)A. Non-punishment of victims")
        add("A victim of trafficking shall not be punished for an offence committed as a direct consequence of having been trafficked.\"")
        blank()
        add("4. Repeal of section \(n + 3)")
        add("Section \(n + 3) of the Penal Code is repealed.")
        for n in 0..<rng.int(3...6) {
            let f = filler(common: true)
            blank()
            add("\(5 + n). \(f.0)")
            f.1(&self)
        }
    }

    mutating func commonRegulations(title: String, year: Int) {
        add("\(country.uppercased())")
        blank()
        add("\(title.uppercased()), \(year)")
        blank()
        add("In exercise of the powers conferred by section \(rng.int(20...40)) of the Trafficking in Persons Act, the Minister makes the following Regulations.")
        blank()
        let sections: [(String, String)] = [
            ("Citation", "These Regulations may be cited as the \(title), \(year)."),
            ("Interpretation", "In these Regulations—\n\"Act\" means the Trafficking in Persons Act;\n\"shelter\" means premises approved under regulation 3 for the accommodation of victims;\n\"victim\" has the meaning given in the Act."),
            ("Approval of shelters", "(1) The Director may approve premises as a shelter where they are safe, adequately staffed and suitable for the accommodation of victims, with separate accommodation for children.\n(2) An approval may be withdrawn where the premises cease to meet those conditions."),
            ("Services in shelters", "A shelter shall provide to each victim accommodated in it—\n(a) food, clothing and personal items;\n(b) access to medical and psychological assistance;\n(c) information about legal rights and the available services, in a language the victim understands;\n(d) access to legal assistance."),
            ("Freedom of movement", "A victim accommodated in a shelter shall be free to leave it at any time, and shall not be detained in it."),
            ("Child victims", "A child victim shall be accommodated separately from adults, and a guardian shall be appointed for every unaccompanied child without delay."),
            ("Records", "The manager of a shelter shall keep confidential records of the persons accommodated, and shall not disclose them except to the Director or by order of a court."),
            ("Complaints", "A victim may complain to the Director about the services of a shelter, and the Director shall investigate every complaint and inform the victim of the outcome."),
            ("Referral", "(1) A police officer, labour inspector, immigration officer or social worker who encounters a presumed victim shall refer the person to the Director within twenty-four hours.\n(2) The Director shall record each referral and the services offered, and shall inform the presumed victim of those services in a language the person understands."),
            ("Interpreters", "The Director shall maintain a list of interpreters who may be called upon to assist victims in their dealings with shelters, the police and the courts, and the cost of their services shall be met from public funds."),
            ("Medical examination", "A victim shall be offered a medical examination and any treatment required, free of charge, and no examination shall be carried out without the informed consent of the victim or, in the case of a child, of the child's guardian."),
            ("Standards of care", "Every shelter shall meet the standards of care set out in the First Schedule, including standards on staffing, hygiene, security, privacy and the separation of children from adults."),
            ("Inspection", "The Director or an officer authorised by the Director may at any time inspect a shelter and the records kept in it, and shall report any failure to meet the standards of care to the Minister."),
            ("Revocation", "These Regulations revoke the Trafficking in Persons (Interim Assistance) Regulations, save in respect of any act done or proceedings begun under them before the commencement of these Regulations."),
        ]
        for (i, s) in sections.enumerated() where i < 3 || rng.chance(0.5 + 0.4 * quality) {
            add("\(i + 1). \(s.0)")
            add(s.1)
            blank()
        }
    }

    // MARK: Civil law

    // Longer than 80 lines: one whole statute written top to bottom, a line per provision;
    // split up, its order would be scattered over helpers.
    mutating func civilLaw(title: String, year: Int) {
        add("REPUBLIC OF \(country.uppercased())")
        blank()
        add("LAW No. \(rng.int(1...300))/\(year)")
        add(title.uppercased())
        blank()
        add("The National Assembly of \(country) has adopted the following Law:")
        blank()
        var article = 0
        func heading(_ t: String, _ w: inout StatuteWriter) { article += 1; w.add("Article \(article) — \(t)") }
        add("Chapter I — General provisions")
        blank()
        heading("Subject matter", &self)
        add("This Law lays down measures to prevent and combat trafficking in human beings, to punish its perpetrators and to protect and assist its victims.")
        blank()
        heading("Definitions", &self)
        add("For the purposes of this Law:")
        add("1. \"child\" means any person below \(rng.chance(0.85) ? "eighteen" : "fourteen") years of age;")
        if has(0.6) {
            let ps = rng.some(StatuteWriter.purposes, p: 0.3 + 0.6 * quality, minimum: 2)
            add("2. \"exploitation\" includes, at a minimum, \(Words.list(ps, and: "and"));")
        }
        add("3. \"victim\" means a natural person who has been subjected to trafficking in human beings.")
        blank()
        add("Chapter II — Criminal provisions")
        blank()
        heading("Trafficking in human beings", &self)
        civilOffence(articleCitation: article)
        if has(0.55) {
            blank()
            heading("Aggravated forms", &self)
            add("The perpetrator shall be punished by imprisonment from \(Words.word(rng.int(5...10))) to \(Words.word(rng.int(12...20))) years where the offence under Article \(article - 1):")
            let cases = rng.some(["is committed against a child;", "is committed by a public official in the performance of his or her duties;",
                                  "is committed within a criminal organisation;", "endangers the life of the victim;", "causes serious harm to the victim."], p: 0.6, minimum: 2)
            for (i, c) in cases.enumerated() { add("\(i + 1). \(c)") }
        }
        if has(0.5) {
            blank()
            heading("Liability of legal persons", &self)
            add("(1) A legal person shall be liable for the offences under this Chapter committed for its benefit by a person holding a leading position within it, and shall be punished by a fine of up to \(rng.int(1...5)) million \(rng.pick(StatuteWriter.currencies)).")
            add("(2) The liability of the legal person shall not exclude the criminal liability of the natural persons who committed the offence.")
        }
        if has(0.45) {
            blank()
            heading("Attempt and participation", &self)
            add("The attempt is punishable. Whoever instigates or assists the commission of an offence under this Chapter shall be punished as a perpetrator.")
        }
        blank()
        add("Chapter III — Protection of victims")
        blank()
        if has(0.55) {
            heading("Exemption from punishment", &self)
            add(rng.chance(0.7)
                ? "A victim shall not be punished for criminal offences or administrative offences, including illegal entry or stay, which he or she was compelled to commit as a direct consequence of being subjected to trafficking."
                : "The public prosecutor may refrain from prosecuting a victim for an offence committed in connection with the trafficking.")
            blank()
        }
        if has(0.65) {
            heading("Assistance and support", &self)
            let duty = has(0.6) ? "shall be entitled to" : "may receive"
            add("(1) Victims \(duty) appropriate and safe accommodation, medical and psychological assistance, counselling and information in a language they understand, and free legal aid.")
            add(rng.chance(0.2) ? "(2) Assistance shall be granted only where the victim cooperates with the criminal proceedings." : "(2) Assistance shall not depend on the victim's willingness to cooperate in the criminal proceedings.")
            blank()
        }
        if has(0.45) {
            heading("Stay of foreign victims", &self)
            add("(1) A foreign victim shall be granted a reflection period of \(rng.int(30...90)) days to recover and to decide whether to cooperate with the competent authorities.")
            add("(2) A residence permit may be issued to a foreign victim for the duration of the proceedings or on humanitarian grounds.")
            blank()
        }
        if has(0.5) {
            heading("Compensation", &self)
            add("When convicting the perpetrator, the court shall order him or her to compensate the victim for the material and non-material damage suffered. The State shall advance the compensation where it cannot be recovered from the perpetrator.")
            blank()
        }
        if has(0.4) {
            heading("Child victims", &self)
            add("In all proceedings concerning a child victim the best interests of the child shall be a primary consideration. Where the age of the victim is uncertain and there are reasons to believe that the victim is a child, he or she shall be presumed to be a child.")
            blank()
        }
        add("Chapter IV — Coordination, prevention and cooperation")
        blank()
        if has(0.5) {
            heading("National coordinator", &self)
            add("The Government shall appoint a National Coordinator for combating trafficking in human beings, who shall coordinate the competent authorities and present an annual report to the National Assembly.")
            blank()
        }
        if has(0.5) {
            heading("Prevention", &self)
            add("The competent ministries shall conduct information and awareness-raising campaigns, research and education programmes, and shall take measures to discourage the demand that fosters exploitation.")
            blank()
        }
        if has(0.5) {
            heading("Jurisdiction", &self)
            add("The criminal law of \(country) shall apply to offences under this Law committed abroad by a citizen of \(country) or against a citizen of \(country), irrespective of the law of the place where they were committed.")
            blank()
        }
        var used = Set<String>()
        for _ in 0..<rng.int(9...22) {
            let f = civilFiller()
            guard used.insert(f.0).inserted else { continue }
            heading(f.0, &self)
            add(f.1)
            blank()
        }
        add("Chapter V — Final provisions")
        blank()
        heading("Entry into force", &self)
        add("This Law shall enter into force on the fifteenth day following its publication in the Official Gazette.")
    }

    mutating func civilOffence(articleCitation: Int) {
        let strong = has(0.6)
        let meansItems = strong ? rng.some(StatuteWriter.means, p: 0.35 + 0.6 * quality, minimum: 2) : [rng.pick(["violence", "threat", "deceit"])]
        add("(1) Whoever, by means of:")
        for (i, m) in meansItems.enumerated() { add("\(i + 1). \(m),") }
        let acts = Words.list(rng.some(StatuteWriter.acts, p: 0.45 + 0.5 * quality, minimum: 2))
        let purpose = strong ? "for the purpose of exploitation" : "for the purpose of " + rng.pick(StatuteWriter.weakPurposes)
        let penalty: String
        if has(0.7) {
            penalty = "shall be punished by imprisonment from \(Words.word(rng.int(2...5))) to \(Words.word(rng.int(8...15))) years"
        } else {
            penalty = "shall be punished by a fine or by imprisonment of up to \(Words.years(rng.int(1...3)))"
        }
        add("\(acts) a person \(purpose), \(penalty).")
        var p = 2
        if has(0.6) {
            add("(\(p)) Exploitation within the meaning of paragraph (1) includes \(Words.list(rng.some(StatuteWriter.purposes, p: 0.5, minimum: 2), and: "and")).")
            p += 1
        }
        if has(0.55) {
            add("(\(p)) The consent of the victim to the intended exploitation shall be irrelevant where any of the means set out in paragraph (1) has been used.")
            p += 1
        }
        if has(0.55) {
            add("(\(p)) Whoever commits an act referred to in paragraph (1) against a child shall be punished under that paragraph even where none of the means set out in it has been used.")
            p += 1
        }
        if has(0.4) {
            add("(\(p)) The offence shall be punishable irrespective of whether the victim was taken across a State border.")
        }
    }

    mutating func civilFiller() -> (String, String) {
        rng.pick([
            ("Supervision of employment agencies", "Employment agencies that place workers abroad shall be registered with the Ministry of Labour, shall not charge fees to workers and shall keep records of the contracts they arrange."),
            ("Statistics", "The National Coordinator shall collect statistical data on trafficking in human beings, disaggregated by sex, age and form of exploitation, and shall publish them every year."),
            ("Cooperation with civil society", "The competent authorities shall cooperate with non-governmental organisations and other elements of civil society in the protection and assistance of victims."),
            ("Training of officials", "Police officers, prosecutors, judges, labour inspectors and border guards shall receive regular training on the identification of victims and on their rights."),
            ("Confiscation", "Objects used for the commission of an offence under this Law and the proceeds derived from it shall be confiscated, and the proceeds shall be used for the compensation of victims."),
            ("Hearing of victims", "A child victim shall be heard without unjustified delay, in premises adapted for the purpose, and the number of hearings shall be limited to what is strictly necessary."),
            ("Exchange of information", "The competent authorities may exchange information with foreign authorities and international organisations to prevent and detect trafficking in human beings, subject to the protection of personal data."),
            ("Misdemeanours", "A legal person that fails to keep the records required under this Law shall be fined for a misdemeanour by an amount prescribed by regulation."),
            ("Amendment of the Law on Foreigners", "(1) In Article \(rng.int(20...90)) of the Law on Foreigners, after paragraph 3 the following paragraph shall be added: \"(4) A residence permit issued to a victim of trafficking in human beings shall not be withdrawn solely because the criminal proceedings have ended.\"\n(2) In Article \(rng.int(91...140)) of the same Law, the words \"shall be expelled\" shall be replaced by the words \"may be returned, with due regard to his or her safety,\"."),
            ("Amendment of the Law on Social Assistance", "In Article \(rng.int(10...60)) of the Law on Social Assistance, point 7 shall be replaced by the following: \"7. victims of trafficking in human beings, for the period during which they are accommodated in a shelter or receive assistance under the Law on Combating Trafficking in Human Beings;\"."),
            ("Rights of the injured party in proceedings", "(1) The injured party shall have the right to be informed of the progress of the proceedings, to be heard, to propose evidence and to be assisted by a lawyer of his or her choice.\n(2) Where the injured party does not have sufficient means, a lawyer shall be appointed at the expense of the State."),
            ("Funding", "The funds for the implementation of this Law shall be provided from the State budget, from donations and from the proceeds of confiscated property, and shall be shown separately in the budget of the competent ministry."),
            ("Inspection of workplaces", "(1) Labour inspectors shall inspect workplaces in sectors at risk of forced labour, in particular agriculture, construction, domestic work and the fishing industry.\n(2) Where an inspector has grounds to believe that a worker is a victim, he or she shall inform the police and the National Coordinator without delay."),
            ("Shelters", "(1) Shelters for victims shall be established by the ministry responsible for social affairs, or by non-governmental organisations under contract with it.\n(2) Children shall be accommodated separately from adults, and men separately from women."),
            ("Secondary legislation", "The Government shall adopt the regulations for the implementation of this Law within six months of its entry into force."),
            ("Special investigative measures", "(1) For the detection of offences under this Law, the public prosecutor may order the interception of communications, controlled delivery, undercover investigation and the monitoring of financial transactions, in accordance with the Code of Criminal Procedure.\n(2) The measures may last no longer than six months and may be extended once by the court."),
            ("Protection of witnesses", "(1) A victim who testifies in proceedings under this Law may be examined under a pseudonym, by video link or without the presence of the accused, where there is a danger to his or her life, health or freedom.\n(2) The court shall order the measures ex officio or at the request of the public prosecutor, the victim or his or her representative."),
            ("Interpretation and translation", "A victim who does not understand the language of the proceedings shall be provided with interpretation and with a translation of the decisions that concern him or her, free of charge."),
            ("Liability of carriers", "A commercial carrier that transports into the territory of the State a person who does not hold the travel documents required for entry shall be liable to a fine for a misdemeanour, unless it proves that it took the measures of verification required by regulation."),
            ("Records of employment agencies", "Employment agencies shall keep for five years the records of the workers they place abroad, the employers, the contracts and the fees charged, and shall make them available to the labour inspectorate on request."),
        ])
    }

    mutating func civilCodeExtract(year: Int) {
        add("CRIMINAL CODE OF \(country.uppercased())")
        blank()
        add("(Extract, as in force on 1 January \(year))")
        blank()
        add("Chapter \(rng.int(8...20)) — Offences against personal liberty")
        blank()
        let base = rng.int(150...250)
        add("Article \(base) — Deprivation of liberty")
        add("Whoever unlawfully confines another person or otherwise deprives him or her of personal liberty shall be punished by imprisonment of up to \(Words.word(rng.int(2...5))) years.")
        blank()
        let others: [(String, String)] = [
            ("Abduction", "(1) Whoever abducts a person by force, threat or deceit in order to obtain a ransom or to compel the person or a third party to act shall be punished by imprisonment from two to ten years.\n(2) Where the victim is a child, the penalty shall be imprisonment from three to twelve years."),
            ("Forced labour", "Whoever, by violence or threat, compels another person to perform work or services that the person has not offered to perform voluntarily shall be punished by imprisonment from one to eight years."),
            ("Smuggling of migrants", "(1) Whoever, for financial or other material gain, facilitates the illegal entry of a person into the territory of the State, or the illegal stay of such a person, shall be punished by imprisonment from one to five years.\n(2) Where the offence endangers the life of the migrants, the penalty shall be imprisonment from three to ten years."),
            ("Coercion", "Whoever, by force or by threat of serious harm, compels another person to do, omit or endure something shall be punished by imprisonment of up to three years or by a fine."),
            ("Exploitation of begging", "Whoever organises the begging of others for his or her own gain, or uses a child for begging, shall be punished by imprisonment of up to three years."),
            ("Retention of identity documents", "(1) Whoever, without lawful authority, retains, conceals or destroys the passport or identity document of another person in order to restrict that person's freedom of movement shall be punished by imprisonment of up to three years.\n(2) The attempt is punishable."),
            ("Exploitation of labour", "(1) Whoever employs another person under working conditions that are in striking disproportion to those of workers performing the same or comparable activity, taking advantage of that person's predicament or helplessness, shall be punished by imprisonment from six months to five years.\n(2) Where the offence is committed against a child, or on a commercial basis, the penalty shall be imprisonment from one to eight years."),
            ("Procuring", "(1) Whoever, for financial gain, induces another person to engage in prostitution, or keeps that person in prostitution against his or her will, shall be punished by imprisonment from one to six years.\n(2) Where the victim is a child, the penalty shall be imprisonment from three to ten years."),
            ("Illegal adoption", "Whoever, for financial gain, mediates in the adoption of a child in breach of the statutory procedure shall be punished by imprisonment of up to three years or by a fine."),
        ]
        add("Article \(base + 1) — Trafficking in human beings")
        civilOffence(articleCitation: base + 1)
        blank()
        if has(0.6) {
            add("Article \(base + 1) bis — Aggravated trafficking")
            add("The penalty shall be imprisonment from \(Words.word(rng.int(5...10))) to \(Words.word(rng.int(12...20))) years where the offence under Article \(base + 1) is committed against a child, by a public official or by a criminal organisation.")
            blank()
        }
        if has(0.4) {
            add("Article \(base + 2) — Use of services of a victim")
            add("Whoever, knowing that a person is a victim of trafficking, uses the services of that person shall be punished by imprisonment from six months to \(Words.word(rng.int(2...5))) years.")
            blank()
        }
        if has(0.45) {
            add("Article \(base + 3) — Non-punishment of victims")
            add("A victim of trafficking shall not be punished for illegal entry or stay, or for the use of a false document, where these acts were a direct consequence of the offence committed against him or her.")
            blank()
        }
        if has(0.4) {
            add("Article \(base + 4) — Offences committed abroad")
            add("The criminal law of \(country) applies to offences under Articles \(base + 1) to \(base + 2) committed abroad by a citizen of \(country).")
            blank()
        }
        // Neighbouring offences of the chapter.
        var number = base + 5
        for (name, text) in others where rng.chance(0.7) {
            add("Article \(number) — \(name)")
            add(text)
            blank()
            number += 1
        }
    }

    // MARK: Islamic-law (Gulf and North African model)

    // Longer than 80 lines: one whole statute written top to bottom, a line per provision;
    // split up, its order would be scattered over helpers.
    mutating func islamicLaw(title: String, year: Int) {
        let currency = rng.pick(StatuteWriter.gulfCurrencies)
        if rng.chance(0.6) { add("In the name of God, the Most Gracious, the Most Merciful") ; blank() }
        add("Law No. (\(rng.int(1...40))) of \(year)")
        add(title)
        blank()
        add("We, \(rng.pick(["the Emir", "the President", "the Sultan"])) of the State of \(country),")
        add("Having reviewed the Constitution, the Penal Code and the proposal of the Minister of Interior, and after consulting the \(rng.pick(["Shura Council", "Majlis", "People's Assembly"])),")
        add("Have decreed the following law:")
        blank()
        var article = 0
        func heading(_ w: inout StatuteWriter) { article += 1; w.add("Article (\(article))") }
        heading(&self)
        add("In applying the provisions of this Law, the following words and expressions shall have the meanings assigned to each of them, unless the context requires otherwise:")
        add("Child: Every person who has not attained \(rng.chance(0.85) ? "eighteen" : "fifteen") years of age.")
        add("Victim: Any natural person who has suffered harm as a result of a crime of human trafficking.")
        add("Competent Authority: The Ministry of Interior.")
        for d in rng.some([
            "National Committee: The National Committee to Combat Human Trafficking established under this Law.",
            "Exploitation: Any use of a person for the benefit of another, including the exploitation of the prostitution of others, forced labour or services, slavery or practices similar to slavery, servitude, begging and the removal of organs.",
            "Organised Criminal Group: A group of three or more persons, formed for a period of time and acting in concert, with the aim of committing one or more crimes for a financial or other material benefit.",
            "Shelter: The places designated by the Competent Authority for the accommodation, care and rehabilitation of victims.",
            "Funds: Assets of every kind, whether material or immaterial, movable or immovable, and the documents evidencing title to them.",
            "Crime of Human Trafficking: Any of the crimes stipulated in this Law.",
        ], p: 0.6, minimum: 2) { add(d) }
        blank()
        heading(&self)
        let strong = has(0.6)
        let meansItems = strong ? rng.some(StatuteWriter.means, p: 0.35 + 0.6 * quality, minimum: 2) : ["force or threat"]
        add("Any person who deals in any manner in a natural person, including selling, offering for sale, purchasing or promising to sell, using, recruiting, transporting, transferring, harbouring or receiving, whether within the country or across its borders, shall be considered to have committed the crime of human trafficking, if this is done by means of \(Words.list(meansItems)), \(strong ? "for the purpose of exploitation in any form" : "for the purpose of " + rng.pick(StatuteWriter.weakPurposes)).")
        if strong {
            add("Exploitation includes \(Words.list(rng.some(StatuteWriter.purposes, p: 0.5, minimum: 2), and: "and")).")
        }
        blank()
        if has(0.55) {
            heading(&self)
            add("The consent of the victim to the intended exploitation shall not be taken into account where any of the means set out in Article (2) has been used.")
            add("Where the victim is a child, the use of any of those means shall not be required for the crime of human trafficking to be established.")
            blank()
        }
        heading(&self)
        if has(0.7) {
            add("Whoever commits the crime of human trafficking shall be punished by temporary imprisonment for a period of not less than \(Words.word(rng.int(3...7))) years and a fine of not less than \(rng.int(50...300) * 1000) \(currency).")
        } else {
            add("Whoever commits the crime of human trafficking shall be punished by imprisonment for a period not exceeding \(Words.years(rng.int(1...3))) or by a fine not exceeding \(rng.int(10...50) * 1000) \(currency).")
        }
        blank()
        if has(0.5) {
            heading(&self)
            add("The penalty shall be imprisonment for a period not exceeding fifteen years where the victim is a child or a person with a disability, where the offender is a public official, or where the crime is committed by an organised criminal group.")
            blank()
        }
        if has(0.45) {
            heading(&self)
            add("A legal person shall be punished by a fine of not less than \(rng.int(1...10) * 100000) \(currency) if the crime is committed in its name or for its benefit, and the court may order the closure of the establishment.")
            blank()
        }
        if has(0.5) {
            heading(&self)
            add("The victim of a crime of human trafficking shall not be criminally or civilly liable for any crime of human trafficking whenever it results directly from being a victim.")
            blank()
        }
        if has(0.6) {
            heading(&self)
            add("The Competent Authority shall, within the limits of the available resources, provide victims with medical, psychological and social care, suitable shelter and legal assistance, and shall inform them of their legal rights in a language they understand.")
            blank()
        }
        if has(0.4) {
            heading(&self)
            add("The victim shall have the right to remain in the State for the duration of the investigation and trial, and to return safely to his or her country of origin.")
            blank()
        }
        if has(0.4) {
            heading(&self)
            add("The provisions of this Law shall apply to every person who commits outside the State an act that makes him a perpetrator of, or accomplice in, any of the crimes stipulated in this Law, if the act is punishable in the State where it was committed.")
            blank()
        }
        if has(0.45) {
            heading(&self)
            add("A National Committee to Combat Human Trafficking shall be established by a decision of the Council of Ministers, to coordinate the efforts of the competent authorities and to raise awareness of the dangers of human trafficking.")
            blank()
        }
        var used = Set<String>()
        for _ in 0..<rng.int(6...14) {
            let text = rng.pick([
                "The court shall order the confiscation of the funds, instruments and proceeds of the crimes stipulated in this Law, without prejudice to the rights of third parties in good faith.",
                "Officers designated by a decision of the Public Prosecutor shall have the capacity of judicial officers in establishing the crimes stipulated in this Law.",
                "The penalties prescribed in this Law shall not prejudice any more severe penalty prescribed in any other law.",
                "Whoever knew of the commission of a crime of human trafficking and did not inform the competent authorities shall be punished by imprisonment for a period not exceeding one year.",
                "The Minister shall issue the decisions necessary to implement the provisions of this Law.",
                "The competent authorities shall keep a register of the crimes of human trafficking reported to them and of the measures taken in respect of each, and shall submit a periodic report to the National Committee.",
                "Recruitment offices and employment agencies shall not retain the passports or identity documents of the workers they recruit, and shall not charge them any recruitment fee.",
                "The National Committee shall prepare a national plan to combat human trafficking, follow up its implementation, and prepare an annual report on the efforts of the State in this field to be submitted to the Council of Ministers.",
                "Any person who reveals the identity of a victim or a witness in a crime of human trafficking, or publishes any information that may lead to their identification, shall be punished by imprisonment for a period not exceeding two years and a fine not exceeding fifty thousand.",
                "The Public Prosecution shall give priority to the investigation of the crimes stipulated in this Law, and the court shall decide on them as a matter of urgency.",
                "The court may exempt from punishment any offender who informs the competent authorities of the crime before its discovery, and may reduce the penalty if the information leads to the arrest of the other offenders.",
                "The Competent Authority shall cooperate with the competent authorities of other States and with international organisations in combating human trafficking, including by exchanging information and extraditing offenders in accordance with the treaties in force.",
                "Labour inspectors shall have the capacity of judicial officers in establishing the crimes stipulated in this Law committed in places of work, and may enter such places at any time for that purpose.",
            ])
            guard used.insert(text).inserted else { continue }
            heading(&self)
            add(text)
            blank()
        }
        heading(&self)
        add("All competent authorities, each within its jurisdiction, shall implement this Law, which shall be published in the Official Gazette and shall come into force from the date of its publication.")
    }
}
