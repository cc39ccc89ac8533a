import Testing
import LacunaCore
@testable import LacunaText

/// The stop-word model of `LanguageDetector`, on short law-like paragraphs written for these
/// tests (not quotations of any law).
@Suite struct LanguageDetectorTests {
    let detector = LanguageDetector()

    static let samples: [(String, String)] = [
        ("en", """
         Any person who recruits, transports or harbours another person by means of force or deception for the purpose of \
         exploitation commits an offence and is liable on conviction to imprisonment for a term not exceeding fifteen years. \
         The consent of the victim to the intended exploitation shall be irrelevant where any of the means has been used.
         """),
        ("fr", """
         Quiconque recrute, transporte ou héberge une personne par la menace ou la tromperie, en vue de son exploitation, \
         est puni de dix ans d'emprisonnement. Le consentement de la victime est sans effet lorsque l'un des moyens a été \
         employé. Les personnes morales peuvent être déclarées responsables de cette infraction dans les conditions de la loi.
         """),
        ("es", """
         El que capte, transporte o acoja a una persona mediante violencia o engaño con la finalidad de explotarla será \
         castigado con la pena de prisión de cinco a ocho años. El consentimiento de la víctima no tendrá efecto cuando se \
         haya recurrido a cualquiera de los medios indicados en este artículo por parte de los autores del delito.
         """),
        ("pt", """
         Quem aliciar, transportar ou alojar uma pessoa, mediante violência ou fraude, com a finalidade de a explorar, será \
         punido com pena de prisão de quatro a oito anos. O consentimento da vítima não exclui a responsabilidade do agente \
         quando tiver sido utilizado qualquer dos meios referidos no artigo anterior pelos autores do crime.
         """),
        ("it", """
         Chiunque recluta, trasporta o ospita una persona mediante violenza o inganno al fine di sfruttarla è punito con la \
         reclusione da otto a venti anni. Il consenso della vittima non esclude la responsabilità dell'autore del reato \
         quando sono stati usati i mezzi indicati nel presente articolo della legge.
         """),
        ("de", """
         Wer eine andere Person unter Anwendung von Gewalt oder durch Täuschung anwirbt, befördert oder beherbergt, um sie \
         auszubeuten, wird mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren bestraft. Die Einwilligung der Person \
         ist unbeachtlich, wenn eines der genannten Mittel angewandt wurde und die Tat nicht verjährt ist.
         """),
        ("nl", """
         Hij die een ander door geweld of misleiding werft, vervoert of huisvest met het oogmerk van uitbuiting van die \
         persoon, wordt gestraft met een gevangenisstraf van ten hoogste twaalf jaren. De toestemming van het slachtoffer is \
         niet van belang wanneer een van de middelen is gebruikt door de dader van het feit.
         """),
        ("tr", """
         Bir kimseyi zor kullanarak veya aldatarak sömürmek amacıyla tedarik eden, nakleden veya barındıran kişi, sekiz \
         yıldan on iki yıla kadar hapis cezası ile cezalandırılır. Bu madde kapsamında mağdurun rızası, kanunda sayılan \
         araçlardan biri kullanıldığında geçerli sayılmaz ve suç bu durumda da oluşur.
         """),
        ("ru", """
         Вербовка, перевозка или укрывательство человека путём насилия или обмана в целях его эксплуатации наказывается \
         лишением свободы на срок до шести лет. Согласие потерпевшего не имеет значения, если было применено любое из \
         средств, указанных в настоящей статье, и лицо не освобождается от ответственности за это деяние.
         """),
        ("ar", """
         يعاقب بالسجن كل من جند أو نقل أو آوى شخصا بالقوة أو بالخداع بقصد استغلاله، ولا يعتد برضا المجني عليه إذا \
         استخدمت أي وسيلة من الوسائل المنصوص عليها في هذه المادة. وتضاعف العقوبة إذا كان المجني عليه طفلا أو إذا \
         ارتكبت الجريمة من جماعة إجرامية منظمة على النحو المبين في القانون.
         """),
        ("id", """
         Setiap orang yang melakukan perekrutan, pengangkutan atau penampungan seseorang dengan ancaman kekerasan atau \
         penipuan untuk tujuan eksploitasi dipidana dengan pidana penjara paling singkat tiga tahun dan paling lama lima \
         belas tahun. Persetujuan korban tidak menghapus tindak pidana yang dilakukan oleh pelaku dalam hal ini.
         """),
    ]

    @Test(arguments: samples.map(\.0))
    func tellsEachLanguageApart(_ code: String) throws {
        let text = try #require(Self.samples.first { $0.0 == code }?.1)
        let found = detector.detect(text)
        #expect(found.language == Language(code), "\(code): \(found.language) \(found.scores.prefix(3).map { "\($0.language) \($0.share)" })")
        #expect(found.isConclusive)
    }

    @Test func tooShortToTell() {
        let found = detector.detect("Any person who recruits a child commits an offence.")
        #expect(found.language == .undetermined)
        #expect(!found.isConclusive)
        #expect(detector.detect("").language == .undetermined)
        #expect(detector.detect("12 (a) (b) — 2024").language == .undetermined)
    }

    @Test func scriptsWithoutWordModels() {
        let korean = String(repeating: "누구든지 사람을 폭행 또는 협박으로 매매한 자는 처벌한다 ", count: 4)
        #expect(detector.detect(korean).language == Language("ko"))
        let chinese = String(repeating: "以暴力或者欺骗手段拐卖妇女儿童的处五年以上十年以下有期徒刑", count: 3)
        #expect(detector.detect(chinese).language == Language("zh"))
        let hindi = String(repeating: "जो कोई किसी व्यक्ति को शोषण के प्रयोजन से भर्ती करता है वह दंडित किया जाएगा ", count: 4)
        #expect(detector.detect(hindi).language == Language("und-Deva"))
        #expect(Language("und-Deva").name == "an undetermined language in Devanagari script")
    }

    /// Latin-script text in a language without a model is not taken for English.
    @Test func aLatinLanguageWithoutAModelIsUndetermined() {
        let finnish = """
        Joka värvää, kuljettaa tai majoittaa toisen ihmisen väkivallalla tai harhauttamalla hyväksikäyttämistarkoituksessa \
        tuomitaan ihmiskaupasta vankeuteen vähintään neljäksi kuukaudeksi ja enintään kuudeksi vuodeksi. Uhrin suostumuksella \
        ei ole merkitystä, jos tekijä käytti mitä tahansa näistä keinoista rikoksen tekemiseen tässä tapauksessa myös.
        """
        let found = detector.detect(finnish)
        #expect(found.language == Language("und-Latn"), "\(found.language) \(found.scores.prefix(2))")
        #expect(found.isConclusive)
    }

    /// English with a few foreign words and names, and English in capitals, stays English.
    @Test func englishWithForeignNamesAndCapitals() throws {
        let english = try #require(Self.samples.first?.1)
        let mixed = english + " (Loi n° 2003-239 du 18 mars 2003; Ley Orgánica 5/2010.)"
        #expect(detector.detect(mixed).language == .english)
        #expect(detector.detect(english.uppercased()).language == .english)
    }

    /// The operative text decides: an English body under a French title stays English, and a
    /// French body under an English editorial note is French.
    @Test func theOperativeTextDecides() throws {
        let french = try #require(Self.samples.first { $0.0 == "fr" }?.1)
        let english = try #require(Self.samples.first?.1)
        let head = "LOI RELATIVE À LA LUTTE CONTRE LA TRAITE DES ÊTRES HUMAINS ET À LA PROTECTION DES VICTIMES DE CES CRIMES DANS LA RÉPUBLIQUE\n"
        let text = head + english
        let doc = Document(source: SourceText(path: "x", text: text, contentHash: ""),
                           excluded: [ExcludedSpan(range: 0..<head.utf8.count, reason: .frontMatter)])
        #expect(detector.detect(operativeTextOf: doc).language == .english)
        let note = "[Unofficial English translation of the law as published; the text below is the authentic French version of the whole of it]\n"
        let doc2 = Document(source: SourceText(path: "y", text: note + french, contentHash: ""),
                            excluded: [ExcludedSpan(range: 0..<note.utf8.count, reason: .editorial)])
        #expect(detector.detect(operativeTextOf: doc2).language == Language("fr"))
    }

    /// Reading stops at `maximumBytes`, whatever the size of the text.
    @Test func boundedReading() {
        var d = LanguageDetector()
        d.maximumBytes = 1_000
        let english = Self.samples[0].1
        let text = String(repeating: english + " ", count: 4) + String(repeating: Self.samples[1].1 + " ", count: 200)
        #expect(d.detect(text).language == .english)
    }
}
