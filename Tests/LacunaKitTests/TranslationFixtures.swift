import Foundation
import LacunaCatalog
import LacunaCore

/// Small translations of the catalog for the tests: a few requirements in French and in
/// Spanish, in the schema of `ModelLaw/catalog/<lang>/<area>.yml` (the shipped translations
/// are written elsewhere; these only test the loader and the reports). The project's own words.
enum TranslationFixtures {
    static let frenchNonpunishment = """
    language: fr
    area: nonpunishment
    title: Non-sanction des victimes
    summary: >-
      Les victimes ne devraient pas être poursuivies ni punies pour les infractions commises
      du fait de la traite qu'elles ont subie.
    requirements:
      - id: nonpunishment.provision
        title: Clause de non-sanction des victimes
        asks: >-
          La loi devrait dire que les victimes ne répondent pas des infractions liées à la
          traite qu'elles ont subie.
        conflictWhen: >-
          La loi rend expressément les victimes responsables de ces infractions.
        recommendation: >-
          Ajouter une clause de non-sanction dans la partie de la loi consacrée à la protection
          des victimes, qui écarte toute responsabilité pénale ou administrative pour les actes
          liés à la traite subie.
        drafting:
          commonLaw: >-
            Ajouter un article : « La victime de la traite n'encourt aucune peine pour une
            infraction qui résulte directement de la traite qu'elle a subie. »
          civilLaw: >-
            Ajouter un article : « N'est pas punissable la victime de la traite des personnes
            pour les actes qu'elle a commis du fait de cette traite. »
      - id: nonpunishment.causation
        title: Un critère de lien, pas seulement de contrainte
        asks: >-
          La protection devrait couvrir les actes qui résultent de la traite, et non seulement
          ceux commis sous la contrainte.
        recommendation: >-
          Retenir un critère de lien entre l'infraction et la traite plutôt qu'un critère de
          contrainte, trop étroit.
        drafting:
          commonLaw: >-
            Rédiger le critère comme un lien : « ... lorsque l'infraction est la conséquence
            directe de la traite ».
          civilLaw: >-
            Viser les actes « commis du fait de la traite » plutôt que « sous la contrainte ».
    """

    static let spanishNonpunishment = """
    language: es
    area: nonpunishment
    title: No punición de las víctimas
    summary: >-
      Las víctimas no deberían ser procesadas ni castigadas por los delitos cometidos a
      causa de la trata que sufrieron.
    requirements:
      - id: nonpunishment.provision
        title: Cláusula de no punición de las víctimas
        asks: >-
          La ley debería decir que las víctimas no responden por los delitos vinculados a la
          trata que sufrieron.
        conflictWhen: >-
          La ley hace expresamente responsables a las víctimas de esos delitos.
        recommendation: >-
          Incluir una cláusula de no punición en la parte de la ley dedicada a la protección de
          las víctimas, que excluya la responsabilidad penal y administrativa por los actos
          vinculados a la trata sufrida.
        drafting:
          commonLaw: >-
            Añadir un artículo: «La víctima de trata no incurre en pena por un delito que sea
            consecuencia directa de la trata sufrida».
          civilLaw: >-
            Añadir un artículo: «No será punible la víctima de trata de personas por los actos
            que haya cometido a causa de dicha trata».
      - id: nonpunishment.causation
        title: Un criterio de vínculo, no solo de coacción
        asks: >-
          La protección debería alcanzar los actos que resultan de la trata, y no solo los
          cometidos bajo coacción.
        recommendation: >-
          Adoptar un criterio de vínculo entre el delito y la trata en lugar de un criterio de
          coacción, que es demasiado estrecho.
        drafting:
          commonLaw: >-
            Redactar el criterio como un vínculo: «... cuando el delito sea consecuencia directa
            de la trata».
          civilLaw: >-
            Referirse a los actos «cometidos a causa de la trata» y no solo «bajo coacción».
    """

    static let frenchJurisdiction = """
    language: fr
    area: jurisdiction
    title: Compétence
    summary: Où et à l'égard de qui les tribunaux peuvent juger la traite.
    requirements:
      - id: jurisdiction.territorial
        title: Compétence territoriale
        asks: Les tribunaux devraient connaître des infractions commises sur le territoire.
        recommendation: Affirmer la compétence des tribunaux pour les infractions commises sur le territoire.
        drafting:
          commonLaw: Ajouter un article sur la compétence territoriale des tribunaux.
          civilLaw: Rattacher l'infraction aux règles générales de compétence territoriale du code pénal.
    """

    /// A folder holding `fr/` and `es/` with these files; the caller removes it.
    static func directory() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-translations-\(UUID().uuidString)")
        for (lang, area, text) in [("fr", "nonpunishment", frenchNonpunishment), ("fr", "jurisdiction", frenchJurisdiction),
                                   ("es", "nonpunishment", spanishNonpunishment)] {
            let dir = root.appendingPathComponent(lang)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: dir.appendingPathComponent("\(area).yml"))
        }
        return root
    }

    /// The fixtures as the analyzer's translations of the bundled catalog.
    static func translations(in root: URL, english: Catalog) -> CatalogTranslations {
        CatalogTranslations(english: english, directories: [(Language("fr"), root.appendingPathComponent("fr")),
                                                             (Language("es"), root.appendingPathComponent("es"))])
    }
}
