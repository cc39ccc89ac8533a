import Testing
import LacunaCore
@testable import LacunaText

/// Sections as legislation databases deliver them — a heading line and one paragraph of
/// run-in subsections and items — must give the tree the same text gives with one
/// subdivision per line; references must never be split.
@Suite struct RunInStructureTests {
    static let lineByLine = """
    PART III — OFFENCES

    9. Trafficking in persons
    (1) A person who trafficks another person commits the offence termed trafficking in persons.
    (2) The offence is committed where—
    (a) the act is done within the Republic; or
    (b) the act is done abroad by a citizen.
    (3) A person referred to in subsection (2) (a) or (b) is liable to imprisonment for ten years.
    """

    static let runIn = """
    PART III — OFFENCES

    9. Trafficking in persons
    (1) A person who trafficks another person commits the offence termed trafficking in persons. (2) The offence is committed where— (a) the act is done within the Republic; or (b) the act is done abroad by a citizen. (3) A person referred to in subsection (2) (a) or (b) is liable to imprisonment for ten years.
    """

    @Test func runInSubsectionsGiveTheSameTreeAsOneSubdivisionPerLine() throws {
        let expected = try resolve(Self.lineByLine).citations
        #expect(expected.contains("s. 9(2)(b)"))
        #expect(try resolve(Self.runIn).citations == expected)
    }

    @Test func aHeadingAndItsSubsectionsOnOneLineAreSplitAfterTheHeading() throws {
        let text = "PART I\n\n3. Crime of trafficking in persons (1) Any person who— (a) recruits a person; or (b) harbours a person, for exploitation, commits an offence. (2) The consent of the victim is immaterial.\n"
        let document = try resolve(text)
        #expect(document.provision("s. 3")?.heading == "Crime of trafficking in persons")
        #expect(document.citations.contains("s. 3(1)(b)"))
        #expect(document.citations.contains("s. 3(2)"))
    }

    @Test func referencesAndNumbersInsideASentenceAreNotSplit() throws {
        let text = "4. Penalties\nA person who contravenes section 3 (1) (a) or paragraphs (a), (b) and (c) of subsection (2), is liable to imprisonment of one (1) to three (3) years.\n"
        let document = try resolve(text)
        #expect(document.provisions.filter { $0.kind > .section }.isEmpty, "\(document.citations)")
    }

    @Test func aLoneNumberUnderItsHeadingIsTheSectionNumber() throws {
        let text = "## PART II — OFFENCES\n\n[Trafficking in persons]\n3.\n(1) A person who recruits another person for exploitation commits an offence.\n\n[Attempt]\n4.\nA person who attempts to commit an offence under section 3 commits an offence.\n"
        let document = try resolve(text)
        #expect(document.provision("s. 3")?.heading == "Trafficking in persons")
        #expect(document.citations.contains("s. 3(1)"))
        #expect(document.provision("s. 4")?.heading == "Attempt")
    }

    @Test func aDivisionWithADecimalNumberIsASectionAndItsPenaltyLineIsLaw() throws {
        let text = "Division 271.2 – Offence of trafficking in persons\n\n(1) A person commits an offence if:\n(a) the person recruits another person; and\n(b) the person uses force.\nPenalty: Imprisonment for 12 years.\n\n(1A) A person commits an offence if the person harbours another person.\nPenalty: Imprisonment for 12 years.\n"
        let document = try resolve(text)
        #expect(document.citations == ["s. 271.2", "s. 271.2(1)", "s. 271.2(1)(a)", "s. 271.2(1)(b)", "s. 271.2(1A)"])
        #expect(document.provision("s. 271.2(1A)")?.heading == nil)
        let penalty = Array(text.utf8).count - 10
        #expect(!document.isExcluded(penalty..<penalty + 5))
        let first = text.utf8.count - text[text.range(of: "Penalty")!.lowerBound...].utf8.count
        #expect(!document.isExcluded(first..<first + 8))
    }

    @Test func aNumberAndADashBeforeTheFirstSubsectionOpenASection() throws {
        let text = "Support pending identification\n\n18—(1) The Department must provide support to a person to whom this section applies.\n(2) This section applies to a person who may be a victim.\n"
        let document = try resolve(text)
        #expect(document.citations == ["s. 18", "s. 18(1)", "s. 18(2)"])
        #expect(document.provision("s. 18")?.heading == "Support pending identification")
    }

    /// US state codes: "787.06 Human trafficking.—", findings of the Legislature, and numbered
    /// items under lettered paragraphs ("(3)(a)1.").
    @Test func aStateCodeSectionWithFindingsAndNumberedItemsUnderLetters() throws {
        let text = """
        [Extract: one section only.]

        801.02 Human trafficking.—
        (1) The Legislature finds that trafficking is a grave crime.
        (2) Any person who knowingly recruits another person for labor commits:
        (a)1. For labor of a child, a felony of the first degree.
        2. For labor of an adult, a felony of the second degree.
        (b) For commercial sexual activity of a child, a life felony.
        (c)1. For a first offense, a fine.
        """
        let document = try resolve(text)
        #expect(document.provision("s. 801.02")?.heading == "Human trafficking")
        #expect(document.citations.filter { $0.hasPrefix("s. 801.02(2)") } == [
            "s. 801.02(2)", "s. 801.02(2)(a)", "s. 801.02(2)(a)1.", "s. 801.02(2)(a)2.", "s. 801.02(2)(b)", "s. 801.02(2)(c)", "s. 801.02(2)(c)1.",
        ])
        let findings = text.utf8.count - text[text.range(of: "The Legislature finds")!.lowerBound...].utf8.count
        #expect(document.isExcluded(findings..<findings + 10))
    }

    /// ... while letters under a numbered point stay items of the point ("1. ... (a) ... 2.").
    @Test func lettersUnderANumberedPointStayItsItems() throws {
        let text = "Article 5 (Trafficking)\n1. A person who recruits another person by\n(a) force; or\n(b) fraud,\ncommits an offence.\n2. The penalty is imprisonment for ten years.\n"
        let document = try resolve(text, .civilLaw)
        #expect(document.citations == ["Art. 5", "Art. 5 no. 1", "Art. 5 no. 1(a)", "Art. 5 no. 1(b)", "Art. 5 no. 2"])
    }

    /// "section 61 (“Abuse of office by a public officer”)": the title of another provision,
    /// quoted only to name it, is not what this law says.
    @Test func aQuotedTitleOfAnotherProvisionIsOnlyAName() throws {
        let text = "5. Related offences\nA person convicted under section 61 (“Abuse of office by a public officer”) or Part IV (“Offences against children”) may also be charged under this Act.\n"
        let document = try resolve(text)
        let title = text.utf8.count - text[text.range(of: "Abuse of office")!.lowerBound...].utf8.count
        #expect(document.isExcluded(title..<title + 8))
        let part = text.utf8.count - text[text.range(of: "Offences against")!.lowerBound...].utf8.count
        #expect(document.isExcluded(part..<part + 8))
        let charged = text.utf8.count - text[text.range(of: "may also be charged")!.lowerBound...].utf8.count
        #expect(!document.isExcluded(charged..<charged + 8))
    }

    @Test func anExplanatoryMemorandumAfterTheClausesIsNotLaw() throws {
        let text = "1. Offence\nA person who recruits another person for exploitation commits an offence.\n\nEXPLANATORY MEMORANDUM\n\nClause 1 ensures that victims are never punished.\n"
        let document = try resolve(text)
        let claim = document.source.text.utf8.count - 10
        #expect(document.isExcluded(claim..<claim + 5))
        #expect(!document.isExcluded(20..<25))
    }
}

/// Which provisions are read as the trafficking offence: the ones that create it, whatever
/// their form, and not the ones that only mention it.
@Suite struct OffenceRecognitionTests {
    static func offences(_ text: String, _ conventions: SegmentationConventions = .commonLaw) throws -> [String] {
        let document = try resolve(text, conventions)
        return document.traffickingOffences.sorted().map { document.provisions[$0].citation }
    }

    @Test func anOffenceThroughADefinedVerbIsTheOffence() throws {
        let text = """
        2. Interpretation
        In this Act— "trafficks" means recruits, transports or harbours a person for exploitation.

        14. Trafficking in persons
        (1) A person who trafficks another person commits the offence termed trafficking in persons and is liable to imprisonment for twelve years.
        """
        #expect(try Self.offences(text) == ["s. 14"])
    }

    @Test func sectionsThatOnlyMentionTheOffenceAreNotTheOffence() throws {
        let text = """
        5. Trafficking in persons
        Any person who recruits, transports or receives a person for the purpose of exploitation commits an offence and is liable to imprisonment for fifteen years.

        6. Offence involving dishonesty
        The offence of trafficking in persons constitutes an offence involving dishonesty for the purposes of the Public Service Act.

        7. Closure of premises
        Where an offence of trafficking in persons is committed on any premises, the court may order the closure of the premises.

        8. Duties of carriers
        (1) A carrier shall verify the travel documents of each passenger. (2) This section applies to any person selling or issuing tickets and receiving passengers. (3) Any person who fails to comply with subsection (1) commits an offence and is liable to a fine.
        """
        #expect(try Self.offences(text) == ["s. 5"])
    }

    @Test func anOffenceNamedByItsVerbOrAsWhatTheConductIsIsTheOffence() throws {
        let named = "Article 4\nWhoever, for gain, moves a person abroad to make that person work without pay commits trafficking of a person and shall be imprisoned for five to ten years.\n"
        #expect(try Self.offences(named, .civilLaw) == ["Art. 4"])
        let isTrafficking = "Article 7\nTaking a child across the border to exploit the child's labour is trafficking in persons and is punished by imprisonment for eight years.\n"
        #expect(try Self.offences(isTrafficking, .civilLaw) == ["Art. 7"])
    }

    @Test func aNounPhraseDefinitionWithThePenaltyInItIsTheOffence() throws {
        let text = "Article 12. Trafficking in persons\n1. Trafficking in persons, that is, the recruitment, transportation or harbouring of a person for the purpose of exploitation, shall be punished by imprisonment for eight to fifteen years.\n"
        #expect(try Self.offences(text, .civilLaw) == ["Art. 12"])
    }
}
