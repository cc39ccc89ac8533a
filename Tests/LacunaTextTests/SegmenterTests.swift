import Testing
import LacunaCore
@testable import LacunaReaders
@testable import LacunaText

/// Helpers: segment and resolve a text, and find provisions by citation.
func resolve(_ text: String, _ conventions: SegmentationConventions = .commonLaw) throws -> Document {
    let source = SourceText(path: "test", text: text, contentHash: "")
    return try Resolver().resolve(Segmenter(conventions: conventions).segment(source), source: source)
}

extension Document {
    var citations: [String] { provisions.map(\.citation) }
    func provision(_ citation: String) -> Provision? { provisions.first { $0.citation == citation } }
    func text(of citation: String) -> String? { provision(citation).map { source.slice($0.range) } }
}

@Suite struct CommonLawSegmentationTests {
    static let act = """
    THE SAMPLE ACT, 2026

    An Act to make provision about trafficking in persons.

    PART I
    PRELIMINARY

    1. Short title
    This Act may be cited as the Sample Trafficking Act, 2026.

    2. Interpretation
    In this Act—
    "child" means a person under the age of eighteen years;
    "exploitation" includes forced labour.

    PART II
    OFFENCES

    3. Offence of trafficking in persons
    (1) A person commits an offence if the person recruits, transports or harbours another person for the purpose of exploitation.
    (2) A person guilty of an offence under subsection (1) is liable—
    (a) to imprisonment for life; or
    (b) where—
    (i) the victim is a child,
    (ii) to a fine.
    """

    @Test func buildsTheTreeWithCitationsAsTheLawWritesThem() throws {
        let d = try resolve(Self.act)
        #expect(d.citations == ["Part I", "s. 1", "s. 2", "Part II", "s. 3", "s. 3(1)", "s. 3(2)", "s. 3(2)(a)", "s. 3(2)(b)",
                                "s. 3(2)(b)(i)", "s. 3(2)(b)(ii)"])
        #expect(d.provision("s. 3")?.heading == "Offence of trafficking in persons")
        #expect(d.provision("Part II")?.heading == "OFFENCES")
        #expect(d.title == "Sample Trafficking Act, 2026")
    }

    @Test func spansAreExact() throws {
        let d = try resolve(Self.act)
        #expect(d.text(of: "s. 3(2)(a)") == "(a) to imprisonment for life; or")
        #expect(d.text(of: "s. 3(1)")?.hasPrefix("(1) A person commits") == true)
        #expect(d.text(of: "s. 3")?.hasPrefix("3. Offence of trafficking") == true)
        #expect(d.text(of: "s. 3")?.hasSuffix("(ii) to a fine.") == true)
        // children lie inside their parents
        for (i, p) in d.provisions.enumerated() {
            if let parent = p.parent {
                #expect(d.provisions[parent].range.lowerBound <= p.range.lowerBound)
                #expect(d.provisions[parent].range.upperBound >= p.range.upperBound, "\(d.provisions[i].citation)")
            }
        }
    }

    @Test func frontMatterHeadingsAndNumbersAreNotLaw() throws {
        let d = try resolve(Self.act)
        let text = Self.act
        let an = text.range(of: "An Act to make")!
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: an.lowerBound)
        #expect(d.exclusion(overlapping: offset..<offset + 5)?.reason == .frontMatter)
        let heading = text.range(of: "Offence of trafficking in persons")!
        let h = text.utf8.distance(from: text.utf8.startIndex, to: heading.lowerBound)
        #expect(d.exclusion(overlapping: h..<h + 7)?.reason == .heading)
        let operative = text.range(of: "recruits, transports")!
        let o = text.utf8.distance(from: text.utf8.startIndex, to: operative.lowerBound)
        #expect(!d.isExcluded(o..<o + 8))
    }

    @Test func findsTheTraffickingOffenceAndTheDefinitionsItUses() throws {
        let d = try resolve(Self.act)
        let s3 = try #require(d.provisions.firstIndex { $0.citation == "s. 3" })
        let s2 = try #require(d.provisions.firstIndex { $0.citation == "s. 2" })
        let s1 = try #require(d.provisions.firstIndex { $0.citation == "s. 1" })
        #expect(d.traffickingOffences == [s3])
        #expect(d.traffickingScope.contains(s2))
        #expect(!d.traffickingScope.contains(s1))
        #expect(d.definitions.map(\.term).contains("exploitation"))
    }

    @Test func usCodeSectionsUseLetterFirstSubdivisions() throws {
        let d = try resolve("§ 1590. Trafficking\n\n(a) Whoever\n\n(1) recruits any person; or\n\n(A) in general.\n\n(b) Penalty.\n")
        #expect(d.citations == ["§ 1590", "§ 1590(a)", "§ 1590(a)(1)", "§ 1590(a)(1)(A)", "§ 1590(b)"])
    }

    @Test func decimalSectionNumbersAndMarginalNotes() throws {
        let d = try resolve("[Trafficking]\n279.01 (1) Every person who recruits a person is guilty.\n[Consent]\n(2) No consent is valid.\n\n[Benefit]\n279.02 (1) Every person who benefits is guilty.\n279.011 (1) Out of order.\n")
        #expect(d.citations.prefix(5) == ["s. 279.01", "s. 279.01(1)", "s. 279.01(2)", "s. 279.02", "s. 279.02(1)"])
        #expect(d.provision("s. 279.01")?.heading == "Trafficking")
        #expect(d.provision("s. 279.01(2)")?.heading == "Consent")
    }

    @Test func letterIAfterHIsAParagraph() throws {
        let lines = "3. Offence\n(1) Means:\n" + "abcdefghi".map { "(\($0)) item;" }.joined(separator: "\n") + "\n"
        let d = try resolve(lines)
        #expect(d.provision("s. 3(1)(i)") != nil)
    }

    @Test func tableOfContentsIsNotLaw() throws {
        let text = "ARRANGEMENT OF SECTIONS\n1. Objectives.\n2. Sexual exploitation.\n\n1. Objectives\nThe objectives are set out here in full text.\n\n2. Sexual exploitation\n(1) A person commits an offence if the person recruits another person for sexual exploitation.\n"
        let d = try resolve(text)
        let toc = text.range(of: "2. Sexual exploitation.")!
        let o = text.utf8.distance(from: text.utf8.startIndex, to: toc.lowerBound)
        // before the first provision it is front matter too; either way it is not law
        #expect([ExclusionReason.tableOfContents, .frontMatter].contains(d.exclusion(overlapping: o..<o + 5)?.reason))
        #expect(d.citations.filter { $0 == "s. 2" }.count == 1)
        #expect(d.citations.contains("s. 2(1)"))
    }

    @Test func repealedSectionsAndAmendmentQuotesAreNotLaw() throws {
        let text = """
        5. Former offence
        [Repealed by Act 4 of 2024]
        Assistance is conditional on testimony.

        6. Amendment of the Penal Code
        In section 150 of the Penal Code, for the words "sixteen years" substitute "eighteen years".
        """
        let d = try resolve(text)
        func offset(_ s: String) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: s)!.lowerBound) }
        #expect(d.exclusion(overlapping: offset("conditional")..<offset("conditional") + 5)?.reason == .repealed)
        #expect(d.exclusion(overlapping: offset("sixteen")..<offset("sixteen") + 7)?.reason == .amendmentQuote)
        #expect(!d.isExcluded(offset("eighteen")..<offset("eighteen") + 8))
    }
}

@Suite struct CivilLawSegmentationTests {
    @Test func articlesParagraphsAndPoints() throws {
        let text = """
        Chapter IX — Offences against liberty

        Article 201 bis – Trafficking in human beings
        (1) Whoever recruits or transports a person shall be punished by imprisonment from three to ten years, if
        1. that person is to be exploited by
        a) prostitution, or
        b) begging;
        2. an organ is to be removed.
        (2) The attempt is punishable.

        Art. 202
        (1) Legal persons are liable.
        """
        let d = try resolve(text, .civilLaw)
        #expect(d.citations == ["Chapter IX", "Art. 201 bis", "Art. 201 bis(1)", "Art. 201 bis(1) no. 1", "Art. 201 bis(1) no. 1(a)",
                                "Art. 201 bis(1) no. 1(b)", "Art. 201 bis(1) no. 2", "Art. 201 bis(2)", "Art. 202", "Art. 202(1)"])
        #expect(d.provision("Art. 201 bis")?.heading == "Trafficking in human beings")
        #expect(d.text(of: "Art. 201 bis(1) no. 1(b)") == "b) begging;")
    }

    @Test func paragraphSignSectionsAndParenthesisedArticleNumbers() throws {
        let d = try resolve("§ 232 Human trafficking\n(1) Whoever recruits a person shall be liable.\n\nArticle (3) :\nThe consent is void.\n", .civilLaw)
        #expect(d.citations == ["§ 232", "§ 232(1)", "Art. 3"])
    }
}

@Suite struct RepealMarkerTests {
    @Test(arguments: ["17. Condition for assistance [Repealed by Act 4 of 2024]", "17. Condition for assistance (Repealed)", "17. Repealed."])
    func aRepealMarkerInTheHeadingRepealsTheSection(_ heading: String) throws {
        let text = "16. Shelter\nThe Minister shall provide shelter.\n\n\(heading)\nAssistance is conditional on testimony.\n\n18. Return\nReturn shall be voluntary.\n"
        let d = try resolve(text)
        func offset(_ s: String) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: s)!.lowerBound) }
        #expect(d.exclusion(overlapping: offset("conditional")..<offset("conditional") + 5)?.reason == .repealed)
        #expect(!d.isExcluded(offset("voluntary")..<offset("voluntary") + 5))
        #expect(!d.isExcluded(offset("provide shelter")..<offset("provide shelter") + 5))
        #expect(d.provision("s. 17") != nil)
    }
}

@Suite struct InlineHeadingTests {
    @Test func aHeadingAndItsTextOnOneLine() throws {
        let text = "SEC. 3. Definitions. — As used in this Act, \"child\" means a person below eighteen years of age.\nSEC. 4. Acts of Trafficking in Persons. – It shall be unlawful for any person to recruit, transport or harbour a person for the purpose of exploitation.\n"
        let d = try resolve(text)
        #expect(d.citations == ["s. 3", "s. 4"])
        #expect(d.provision("s. 3")?.heading == "Definitions")
        #expect(d.provision("s. 4")?.heading == "Acts of Trafficking in Persons")
        let body = text.range(of: "It shall be unlawful")!
        let o = text.utf8.distance(from: text.utf8.startIndex, to: body.lowerBound)
        #expect(!d.isExcluded(o..<o + 5))
        let s4 = try #require(d.provisions.firstIndex { $0.citation == "s. 4" })
        #expect(d.traffickingOffences.contains(s4) || d.traffickingScope.contains(s4))
    }
}

@Suite struct LetterPointTests {
    @Test func lettersWithAFullStopArePoints() throws {
        let text = "Article (11) Protection\n1. The authorities shall take the following measures:\na. Inform the victim of his rights.\nb. Keep his identity confidential.\n2. The court shall sit in camera.\n"
        let d = try resolve(text, .civilLaw)
        #expect(d.citations == ["Art. 11", "Art. 11 no. 1", "Art. 11 no. 1(a)", "Art. 11 no. 1(b)", "Art. 11 no. 2"])
    }
}

@Suite struct PenalCodeStyleTests {
    @Test func headedSectionsExplanationsAndIllustrations() throws {
        let text = """
        CHAPTER XVI-A
        OF TRAFFICKING

        370A. Trafficking of persons.—(1) Whoever, for the purpose of exploitation, recruits or transports any person by force commits the offence of trafficking.
        (2) Whoever commits the offence of trafficking shall be punished with imprisonment which may extend to ten years.
        Explanation.—The expression "exploitation" shall include forced labour.
        Illustrations.
        (a) A takes away the passport of Z and makes Z work without pay. A has committed the offence.
        (b) A sells Z to B.

        370B. Person not to be punished for soliciting.—No person who has been trafficked shall be punished for soliciting.
        """
        let d = try resolve(text)
        #expect(d.citations == ["Chapter XVI-A", "s. 370A", "s. 370A(1)", "s. 370A(2)", "s. 370B"])
        #expect(d.provision("s. 370B")?.heading == "Person not to be punished for soliciting")
        func offset(_ s: String) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: s)!.lowerBound) }
        #expect(d.exclusion(overlapping: offset("takes away")..<offset("takes away") + 5)?.reason == .illustration)
        #expect(!d.isExcluded(offset("shall include")..<offset("shall include") + 5))
        #expect(!d.isExcluded(offset("No person who")..<offset("No person who") + 5))
    }
}

@Suite struct SectionLetterSuffixTests {
    @Test func hyphenLetterSectionsAndDashedHeadingsWithAFirstParagraph() throws {
        let text = "SEC. 4. Acts. – It shall be unlawful to recruit, transport or harbour a person for exploitation.\nSEC. 4-A. Attempt. – A person who attempts the acts in Section 4 shall be liable.\nSEC. 7. Confidentiality. – (a) Officers shall protect the privacy of the trafficked person.\n(b) The court may sit behind closed doors.\n"
        let d = try resolve(text)
        #expect(d.citations == ["s. 4", "s. 4-A", "s. 7", "s. 7(a)", "s. 7(b)"])
    }
}

@Suite struct DashedNumberTests {
    @Test func sectionNumbersFollowedByADash() throws {
        let text = "Interpretation.\n1.—(1) In this Act— \"child\" means a person under 18.\n\nTrafficking in persons.\n4.—(1) A person who trafficks another person for the purposes of exploitation shall be guilty of an offence.\n(2) A person guilty of an offence under this section shall be liable to imprisonment for life.\n\nAnonymity.\n5.—Nothing shall be published that identifies a trafficked person.\n"
        let d = try resolve(text)
        #expect(d.citations == ["s. 1", "s. 1(1)", "s. 4", "s. 4(1)", "s. 4(2)", "s. 5"])
        #expect(d.provision("s. 4")?.heading == "Trafficking in persons")
    }
}

@Suite struct WrappedLineTests {
    /// Text extracted from PDFs wraps sentences; a number or a reference that lands at the
    /// start of a line is not a new provision.
    @Test func wrappedYearsAndReferencesAreNotProvisions() throws {
        let text = """
        1. Definitions
        "body part" means any organ as defined in the Health Act,
        2003 (Act No. 61 of 2003);
        "Coordinator" means the Coordinator appointed under
        section 25;
        "victim" means a person referred to in section
        (2) of the Schedule.

        4. Trafficking in persons
        (1) Any person who recruits or harbours another person for exploitation commits an offence.
        """
        let d = try resolve(text)
        #expect(d.citations == ["s. 1", "s. 4", "s. 4(1)"])
    }
}

/// Numbering of statutes translated from Korean, Japanese and Portuguese (blind round 6).
@Suite struct TranslatedNumberingTests {
    @Test func aHeadingInParenthesesAfterTheArticleNumber() throws {
        let text = """
        Article 2 (Definitions) The terms used in this Act are defined as follows:
        1. The term "exploitation" means any of the following acts:
        (a) Compelling a person to work against his or her will;
        (b) Removing an organ from the body of a person;
        2. The term "child" means a person under 18 years of age.

        Article 5 (Trafficking in Persons) (1) A person who recruits another person by violence for the purpose of exploitation shall be punished.
        (2) An attempt shall be punished.
        [This Article Newly Inserted on Dec. 24, 2024]

        Article 6 (Penalties) A person who harbours a child shall be punished.
        """
        let d = try resolve(text, .civilLaw)
        #expect(d.provision("Art. 2")?.heading == "Definitions")
        #expect(d.provision("Art. 5")?.heading == "Trafficking in Persons")
        // items (a), (b) belong to point 1, and point 2 closes them
        #expect(d.citations.contains("Art. 2 no. 1(a)") && d.citations.contains("Art. 2 no. 1(b)"))
        #expect(d.text(of: "Art. 2 no. 1")?.contains("Removing an organ") == true)
        #expect(d.text(of: "Art. 2 no. 2")?.contains("Removing") == false)
        // the bracketed amendment history is not the heading of the next article
        #expect(d.provision("Art. 6")?.heading == "Penalties")
    }

    @Test func ordinalIndicatorsAndParagraphSignsInsideArticles() throws {
        let text = """
        Art. 1º This Law provides for the prevention of trafficking in persons.

        Art. 2º Whoever recruits a person for the purpose of exploitation shall be punished.

        § 1º The penalty is increased by one third if the victim is a child.

        § 2º The same penalty applies to whoever finances the conduct.

        Art. 3.º The State shall assist victims.
        """
        let d = try resolve(text, .civilLaw)
        #expect(d.citations == ["Art. 1", "Art. 2", "Art. 2, § 1", "Art. 2, § 2", "Art. 3"])
        #expect(d.text(of: "Art. 2")?.contains("finances the conduct") == true)
    }
}
