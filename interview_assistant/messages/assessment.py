"""Dutch texts of the assessment screen's warnings and unsent findings."""

DUTCH: dict[str, str] = {
    "assess.warn.title": "Let op",
    "assess.warn.below_target": (
        "{norm} heeft een oordeel op {sources} van de {target} bronnen (onder de streefwaarde)."
    ),
    "assess.warn.no_factual": (
        "{norm} heeft een oordeel zonder feitelijke bron: geen notitie met @document, "
        "@registratie, @voorbeeld, @gegevens of @observatie."
    ),
    "assess.warn.mark": "⚠",
    "assess.unsent.title": "niet opgeslagen: Ctrl+S slaat op",
    "assess.unsent.kept": (
        "De bevinding bij {norm} is niet opgeslagen; ze staat klaar als u terugkomt "
        "(Ctrl+S slaat op)."
    ),
    "assess.leave.title": "Bevindingen niet opgeslagen",
    "assess.leave.body": (
        "De bevindingen bij {norms} zijn gewijzigd maar niet opgeslagen. Opslaan (j) of "
        "weggooien (n)? Esc blijft hier."
    ),
    "assess.leave.save": "Opslaan (j)",
    "assess.leave.discard": "Weggooien (n)",
    "assess.leave.stay": "Terug (Esc)",
}
