"""Dutch texts of assessing, merging, exporting and the draft report (keys ``report.*``)."""

DUTCH: dict[str, str] = {
    # store
    "report.store.bad_row": "Een regel in tabel '{table}' van {path} is onleesbaar ({reason}); "
    "hij is overgeslagen.",
    # assessing
    "report.draft.omitted": "… en nog {count} notities (zie het beoordelingsscherm).",
    "report.review.unknown_norm": "Onbekende norm '{norm}': editie {edition} kent die niet.",
    "report.review.no_auditor": "Geef de naam van de auditor die het oordeel voorstelt.",
    "report.trend.missing": "Geen sterk punt of zorgpunt met id '{point}'.",
    "report.trend.ambiguous": "Id '{point}' is niet uniek; typ meer tekens.",
    "report.trend.empty": "Een sterk punt of zorgpunt heeft tekst nodig.",
}
