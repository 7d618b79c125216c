"""Dutch texts of the note search: the CLI's ``search``, the line mode's ``/zoek`` and
the TUI's search screen."""

DUTCH: dict[str, str] = {
    "notesearch.row": "{session}  {time}  {source}  [{tags}]  {text}",
    "notesearch.source": "{functions} ({auditor})",
    "notesearch.source_without_people": "{kind} ({auditor})",
    "notesearch.none": "Geen notities gevonden.",
    "notesearch.count": "{shown} van {total} notities gevonden.",
    "notesearch.count_all": "{total} notities gevonden.",
    "notesearch.count_one": "1 notitie gevonden.",
    "notesearch.unknown": "Niet begrepen en genegeerd: {tags}",
    "notesearch.help": "zoek in alle notities van een audit (woorden, norm, soort, rol, auditor)",
    "notesearch.description": (
        "Zoekt in alle notities van de audit. Woorden mogen een tikfout bevatten. In de tekst "
        "werken ook #NORM, !soort, @bewijs, rol:ROL, auditor:NAAM en sessie:ID."
    ),
    "notesearch.audit_help": "het audit-id (of een uniek begin ervan)",
    "notesearch.text_help": "de zoektekst (mag leeg zijn als er een filter is)",
    "notesearch.norm_help": "alleen notities bij deze norm (herhaalbaar)",
    "notesearch.kind_help": "alleen notities van deze soort (herhaalbaar)",
    "notesearch.evidence_help": "alleen notities met dit bewijs (herhaalbaar)",
    "notesearch.role_help": "alleen sessies met deze rol (herhaalbaar)",
    "notesearch.auditor_help": "alleen sessies van deze auditor (herhaalbaar)",
    "notesearch.session_help": "alleen deze sessie (id of een begin ervan)",
    "notesearch.limit_help": "hoogstens zoveel resultaten (standaard 50; 0 = alle)",
    "notesearch.json_help": "JSON: een lijst notities met sessie, functie, normen en tekst",
    "notesearch.bad_norm": "Onbekende norm '{norm}'. Geldig: {valid}.",
    "notesearch.bad_kind": "Onbekende soort '{kind}'. Geldig: {valid}.",
    "notesearch.bad_evidence": "Onbekend bewijs '{evidence}'. Geldig: {valid}.",
    "line.cmd.zoek": "zoek in alle notities van de audit (#norm, !soort, @bewijs, rol:, auditor:)",
    "notesearch.line_usage": "Gebruik: /zoek woorden [#V5] [!knelpunt] [@doc] [rol:P] [auditor:naam]",
    "notesearch.line_more": "... en nog {count}; maak de zoekvraag preciezer.",
    "notesearch.tui_title": "Notities zoeken",
    "notesearch.tui_key": "Notities zoeken",
    "notesearch.tui_key_results": "naar de resultaten",
    "notesearch.tui_key_query": "zoekvraag",
    "notesearch.tui_placeholder": "woorden, #norm, !soort, @bewijs, rol:P, auditor:naam",
    "notesearch.tui_hint": (
        "Typ woorden (een tikfout mag) en/of #V13 !knelpunt @doc rol:P auditor:naam. "
        "Enter of ↓: naar de resultaten; Enter op een resultaat: het hele gesprek."
    ),
    "notesearch.empty": "Geef een zoektekst of een filter (--norm, --kind, --role, ...).",
}
