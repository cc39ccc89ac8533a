/// Must-match rule examples whose `[[...]]` marks leave out evidence the rule finds (the
/// example checker compares every marked span and refuses evidence at unmarked places). The
/// rule packs belong to the rules' owner, so the marks are reported rather than edited here;
/// each entry is a known issue of its rule's test, and the test fails once the entry no longer
/// fails, so the list only shrinks.
enum KnownExampleMarks {
    struct Entry: Sendable {
        /// The rule id.
        let rule: String
        /// The example as written in its pack, marks included.
        let example: String
        /// Where it is written, and the evidence its marks leave out (for people).
        let note: String
    }

    static let entries: [Entry] = [
        Entry(rule: "shared.assistance.counselling.rights-information",
              example: "The officer must give the victim [[information about his or her rights]] in a language that the victim understands.",
              note: "assistance.yml:329: unmarked “in a language that the victim understands”"),
        Entry(rule: "shared.criminalization.accomplice.aids-abets",
              example: "A person who [[aids, abets]], counsels or procures the commission of an offence under section 3 commits an offence.",
              note: "criminalization.yml:455: unmarked “counsels or procures”"),
        Entry(rule: "shared.criminalization.accomplice.aids-abets",
              example: "Anyone who [[participates as an accomplice]] in an offence under section 6, or aids or abets it, shall be punished as the Penal Code provides.",
              note: "criminalization.yml:456: unmarked “aids or abets”"),
        Entry(rule: "shared.criminalization.legal-persons.liable",
              example: "Where an offence under this Part is committed for the benefit of a [[body corporate]] by a person acting on its behalf, the body corporate is also guilty of that offence.",
              note: "criminalization.yml:581: unmarked “body corporate”"),
        Entry(rule: "shared.criminalization.legal-persons.liable",
              example: "(1) Where an offence under Article 201 has been committed for the benefit of a [[legal person]] by a person holding a leading position within it, the legal person shall be punished by a fine.",
              note: "criminalization.yml:582: unmarked “legal person”"),
        Entry(rule: "shared.criminalization.legal-persons.employer",
              example: "(3) For the purpose of determining [[liability in terms of section 7 of an employer or principal]], what an employee does may be imputed to the employer or principal.",
              note: "criminalization.yml:598: unmarked “imputed to the employer”"),
        Entry(rule: "shared.criminalization.aggravation.serious-harm.listed",
              example: "271.3 (1) A person commits an aggravated offence of trafficking in persons if the conduct gives rise to a danger of [[death]] or serious harm to the victim.",
              note: "criminalization.yml:761: unmarked “serious harm”"),
        Entry(rule: "shared.definition.act.transportation",
              example: "Whoever shelters or moves a person [[from one place to another]] by force in order to exploit that person commits the crime of trafficking in persons and shall be punished by imprisonment.",
              note: "definition-acts.yml:36: unmarked “moves a person”"),
        Entry(rule: "shared.definition.act.transfer",
              example: "Any person who [[sells]] or buys a child for the purpose of exploitation commits the offence of trafficking in persons.",
              note: "definition-acts.yml:55: unmarked “buys”"),
        Entry(rule: "shared.definition.purpose.slavery",
              example: "In this Act \"exploitation\" includes [[slavery]] or practices similar to slavery; any person who recruits a person for the purpose of exploitation commits the offence of trafficking in persons.",
              note: "definition-purposes.yml:80: unmarked “practices similar to slavery”"),
        Entry(rule: "shared.nonpunishment.immigration.listed",
              example: "A victim of an offence under Article 201 shall not be punished for [[illegal entry]] into or illegal stay in the territory of Valdoria.",
              note: "nonpunishment.yml:208: unmarked “illegal stay”"),
    ]

    /// Whether `failure` is one of the known ones.
    static func isKnown(rule: String, example: String, problem: String) -> Bool {
        problem.hasPrefix("evidence at an unmarked place") && entries.contains { $0.rule == rule && $0.example == example }
    }
}
