import Testing
import LacunaCore
@testable import LacunaText

/// A document's title, read from its front matter (issue 12: "PART 1", "ACT", a title cut at
/// a line break). When no line names the law, there is no title and reports show the file
/// name instead.
@Suite struct TitleTests {
    func title(_ text: String) throws -> String? {
        try resolve(text).title
    }

    @Test func aBareStructuralHeadingIsNotATitle() throws {
        #expect(try title("PART 1\nOFFENCES\n\n1 Slavery, servitude and forced labour\n(1) A person commits an offence if the person holds another person in slavery.\n") == nil)
        #expect(try title("CHAPTER II\n\n3. Offence\nA person who traffics another person commits an offence.\n") == nil)
    }

    @Test func aBareKeywordIsNotATitle() throws {
        let text = """
        ACT
        To give effect to the obligations of the Republic concerning the trafficking of persons in terms of international agreements and to provide for matters connected therewith in the manner set out below.

        Chapter 1 : Definitions

        1. Definitions
        In this Act "child" means a person under the age of 18 years.
        """
        #expect(try title(text) == nil)
    }

    @Test func aTitleBrokenOverTwoLinesIsJoined() throws {
        let egypt = """
        Arab Republic of Egypt
        The People's Assembly
        Law No. (64) of 2010 regarding
        Combating Human Trafficking
        In the name of The People

        Article (1)
        In the application of this Law, a child means any person under eighteen years.
        """
        #expect(try title(egypt) == "Law No. (64) of 2010 regarding Combating Human Trafficking")
        let caribbean = """
        TRAFFICKING IN PERSONS (PREVENTION AND
        SUPPRESSION) ACT, 2015

        PART I

        1. Interpretation
        In this Act "child" means a person under the age of eighteen years.
        """
        #expect(try title(caribbean) == "TRAFFICKING IN PERSONS (PREVENTION AND SUPPRESSION) ACT, 2015")
        let keywordAlone = """
        THE PREVENTION OF TRAFFICKING IN PERSONS
        ACT, 2018

        PART I

        1. Definitions
        In this Act "child" means a person under the age of eighteen years.
        """
        #expect(try title(keywordAlone) == "THE PREVENTION OF TRAFFICKING IN PERSONS ACT, 2018")
    }

    @Test func ordinaryTitlesAreAsBefore() throws {
        #expect(try title(CommonLawSegmentationTests.act) == "Sample Trafficking Act, 2026")
        #expect(try title("THE PENAL CODE OF THE UNION OF MERIDIA\n\nCHAPTER XVI\n\n370. Trafficking\nWhoever recruits a person commits trafficking.\n")
                == "THE PENAL CODE OF THE UNION OF MERIDIA")
    }
}
