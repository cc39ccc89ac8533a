import LacunaCore

/// The words of a report in Spanish. The statuses follow the wording of compliance reviews:
/// a requirement is fulfilled, partly fulfilled, absent from the text, or contradicted.
extension ReportWords {
    static let spanish = ReportWords(
        language: "es",
        gapAnalysis: "Análisis de brechas", gapReport: "Informe de brechas de Lacuna", executiveSummary: "Resumen ejecutivo",
        mostSerious: "Hallazgos más graves", findings: "Hallazgos", recommendations: "Recomendaciones",
        gapsAndRecommendations: "Brechas y recomendaciones", coverageByArea: "Cobertura por ámbito", areas: "Ámbitos",
        gaps: "Brechas", met: "Requisitos cumplidos", notInThisText: "Fuera del texto", notInTextTag: "FUERA DEL TEXTO", extractNote: "(el texto es un extracto)",
        annex: "Anexo: el texto, con los elementos señalados",
        annexLegend: ("cumple", "cumple en parte", "contradice",
                      " — cada pasaje resaltado remite a su hallazgo; la etiqueta que le sigue (<sup class=\"tag\">F12</sup>) es el número del hallazgo o los hallazgos que respalda."),
        warning: "Advertencia", notAddressed: "Ámbitos no tratados", finding: "Hallazgo", why: "Motivo", review: "Revisión",
        reviewStale: "Revisión (desactualizada).", recommendation: "Recomendación", document: "Documento", legalTradition: "Tradición jurídica", readAs: "leído como",
        languageLabel: "Idioma", requirements: "Requisitos", contentHash: "Huella SHA-256", showing: "se muestran",
        area: "Ámbito", requirement: "Requisito", obligationLabel: "Obligación", statusHeading: "Estado", evidence: "Elementos del texto",
        coverage: "Cobertura", line: "línea", text: "texto", noFindingShown: "No se muestra ningún hallazgo de este ámbito.",
        recommendationLink: "recomendación", mandatoryGaps: "brechas obligatorias", sources: "fuentes", drafting: "redacción",
        toolWhy: "motivo de la herramienta", catalog: "catálogo", rules: "reglas",
        file: "archivo", tradition: "tradición", provisions: "disposiciones", note: "nota",
        detected: "detectada", given: "indicada",
        statuses: [.met: "Cumplido", .partial: "Parcial", .missing: "Ausente", .conflict: "Contrario"],
        obligations: [.mandatory: "obligatorio", .recommended: "recomendado", .optional: "facultativo"],
        noRuleReads: "ninguna regla lo lee",
        languageNames: ["en": "inglés", "fr": "francés", "es": "español", "pt": "portugués", "ar": "árabe", "de": "alemán",
                        "it": "italiano", "nl": "neerlandés", "ru": "ruso"],
        summaryDescriptions: [.gaps: "solo las brechas (requisitos no cumplidos)", .mandatory: "solo las brechas obligatorias",
                              .conflicts: "solo las contradicciones", .summary: "solo el resumen"],
        documents: { "\($0) documentos" },
        draftingIn: { "Redacción sugerida (\($0))" },
        whyToolFound: { "Motivo del estado que halló la herramienta (\($0))" },
        reviewed: { "\($0) hallazgo(s) revisado(s)" },
        stale: { "\($0) desactualizado(s)" },
        ofShown: { "\($0) de \($1)" },
        metCount: { "\($0)/\($1) cumplidos" },
        conflictCount: { "\($0) contrario(s)" },
        inConflict: { "\($0) contrario(s)" },
        notMetMandatory: { "\($0) de los \($1) requisitos obligatorios no se cumplen" },
        contradict: { "\($0) disposición(es) contradicen los instrumentos" },
        summarySentence: { t in
            "De \(t.total) requisitos, \(t.met) se cumplen, \(t.partial) se cumplen en parte, \(t.missing) están ausentes "
                + "y \(t.conflict) son contradichos por el texto. "
        },
        markdownSummary: { t, gaps in
            "De \(t.total) requisitos, **\(t.met) se cumplen**, \(t.partial) se cumplen en parte, \(t.missing) están ausentes "
                + "y **\(t.conflict) son contradichos** por el texto. \(gaps) de las brechas afectan a obligaciones imperativas."
        },
        notAddressedExtract: { titles in
            "Este texto está marcado como extracto y ninguna de sus disposiciones trata de: \(titles); "
                + "los hallazgos de esos ámbitos significan \u{00AB}fuera del texto\u{00BB}, no una brecha de la ley."
        },
        notAddressedText: { titles in
            "Ninguna disposición de este texto trata de: \(titles) \u{2014} si es un extracto, estos hallazgos no dicen nada del resto de la ley."
        },
        sarifNotInText: "Fuera del texto: el documento está marcado como extracto y ninguna de sus disposiciones trata de este ámbito.",
        metHelp: "Cumplido.")
}
