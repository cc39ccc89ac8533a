import LacunaCore

/// The words of a report in French. The statuses follow the wording of conformity reviews:
/// an obligation is satisfied, partly satisfied, absent from the text, or contradicted.
extension ReportWords {
    static let french = ReportWords(
        language: "fr",
        gapAnalysis: "Analyse des lacunes", gapReport: "Rapport de lacunes Lacuna", executiveSummary: "Synthèse",
        mostSerious: "Constats les plus graves", findings: "Constats", recommendations: "Recommandations",
        gapsAndRecommendations: "Lacunes et recommandations", coverageByArea: "Couverture par domaine", areas: "Domaines",
        gaps: "Lacunes", met: "Exigences satisfaites", notInThisText: "Hors du texte", notInTextTag: "HORS TEXTE", extractNote: "(le texte est un extrait)",
        annex: "Annexe : le texte et les éléments retenus",
        annexLegend: ("satisfait", "satisfait en partie", "contredit",
                      " — chaque passage surligné renvoie à son constat ; l’étiquette qui le suit (<sup class=\"tag\">F12</sup>) est le numéro du ou des constats qu’il étaye."),
        warning: "Avertissement", notAddressed: "Domaines non traités", finding: "Constat", why: "Motif", review: "Revue",
        reviewStale: "Revue (périmée).", recommendation: "Recommandation", document: "Document", legalTradition: "Tradition juridique", readAs: "lu comme",
        languageLabel: "Langue", requirements: "Exigences", contentHash: "Empreinte SHA-256", showing: "affichage",
        area: "Domaine", requirement: "Exigence", obligationLabel: "Obligation", statusHeading: "Statut", evidence: "Éléments du texte",
        coverage: "Couverture", line: "ligne", text: "texte", noFindingShown: "Aucun constat de ce domaine n’est affiché.",
        recommendationLink: "recommandation", mandatoryGaps: "lacunes obligatoires", sources: "sources", drafting: "rédaction",
        toolWhy: "motif de l’outil", catalog: "catalogue", rules: "règles",
        file: "fichier", tradition: "tradition", provisions: "dispositions", note: "note",
        detected: "détectée", given: "indiquée",
        statuses: [.met: "Satisfait", .partial: "Partiel", .missing: "Absent", .conflict: "Contraire"],
        obligations: [.mandatory: "obligatoire", .recommended: "recommandée", .optional: "facultative"],
        noRuleReads: "aucune règle ne la lit",
        languageNames: ["en": "anglais", "fr": "français", "es": "espagnol", "pt": "portugais", "ar": "arabe", "de": "allemand",
                        "it": "italien", "nl": "néerlandais", "ru": "russe"],
        summaryDescriptions: [.gaps: "lacunes seulement (exigences non satisfaites)", .mandatory: "lacunes obligatoires seulement",
                              .conflicts: "contradictions seulement", .summary: "la synthèse seulement"],
        documents: { "\($0) documents" },
        draftingIn: { "Proposition de rédaction (\($0))" },
        whyToolFound: { "Motif du statut retenu par l’outil (\($0))" },
        reviewed: { "\($0) constat(s) revu(s)" },
        stale: { "\($0) périmé(s)" },
        ofShown: { "\($0) sur \($1)" },
        metCount: { "\($0)/\($1) satisfaites" },
        conflictCount: { "\($0) contraire(s)" },
        inConflict: { "\($0) contraire(s)" },
        notMetMandatory: { "\($0) des \($1) exigences obligatoires ne sont pas satisfaites" },
        contradict: { "\($0) disposition(s) contredisent les instruments" },
        summarySentence: { t in
            "Sur \(t.total) exigences, \(t.met) sont satisfaites, \(t.partial) le sont en partie, \(t.missing) sont absentes "
                + "et \(t.conflict) sont contredites par le texte. "
        },
        markdownSummary: { t, gaps in
            "Sur \(t.total) exigences, **\(t.met) sont satisfaites**, \(t.partial) le sont en partie, \(t.missing) sont absentes "
                + "et **\(t.conflict) sont contredites** par le texte. \(gaps) des lacunes portent sur des obligations impératives."
        },
        notAddressedExtract: { titles in
            "Ce texte est indiqué comme un extrait et aucune de ses dispositions ne traite de : \(titles) ; "
                + "les constats de ces domaines signifient \u{00AB}\u{00A0}hors du texte\u{00A0}\u{00BB}, non une lacune de la loi."
        },
        notAddressedText: { titles in
            "Aucune disposition de ce texte ne traite de : \(titles) \u{2014} s’il s’agit d’un extrait, ces constats ne disent rien du reste de la loi."
        },
        sarifNotInText: "Hors du texte : le document est indiqué comme un extrait et aucune de ses dispositions ne traite de ce domaine.",
        metHelp: "Satisfait.")
}
