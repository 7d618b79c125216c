"""Dutch texts of the assistant's norm suggestions (``suggest``, the TUI, the line mode)."""

DUTCH: dict[str, str] = {
    # CLI
    "suggest.help": "welke normen passen bij een tekst (offline, niets verlaat de computer)",
    "suggest.description": (
        "Stelt normen voor bij een notitietekst, op basis van de normtekst, de vragen, het bewijs "
        "en de woordenschat van de editie. Alles wordt op deze computer berekend; er wordt geen "
        "tekst verstuurd. Met '-' één tekst per regel van stdin en één JSON-regel per tekst."
    ),
    "suggest.text_help": "de tekst; '-' leest regels van stdin; met --untagged: het audit-id",
    "suggest.edition_help": "catalogus-editie (standaard de nieuwste)",
    "suggest.role_help": "rol van de gesprekspartner (herhaalbaar): normen voor die rol wegen zwaarder",
    "suggest.norm_help": "de huidige norm: weegt iets zwaarder bij twijfel",
    "suggest.untagged_help": "normen voorstellen voor de notities van een audit zonder eigen #norm",
    "suggest.json_help": "één JSON-regel per tekst of notitie",
    "suggest.unknown_norm": "Onbekende norm '{norm}' bij --norm.",
    "suggest.untagged_options": (
        "Met --untagged gelden de rollen, de editie en de norm van de audit zelf; laat --role, "
        "--edition en --norm weg."
    ),
    "suggest.none": "Geen norm past duidelijk bij deze tekst.",
    "suggest.row": "{norm:<4} {score:5.1f}  ({why})  {text}",
    "suggest.untagged_row": "{session} {note} [{norms}] {text}\n    ook: {proposals}",
    "suggest.untagged_none": "Geen voorstellen: elke notitie zonder #norm past bij haar norm.",
    # the assistant in an interview
    "suggest.also": "Ook {norm} ({why})?",
    "suggest.line_offer": "Ook {proposals}? /tag 1",
    "suggest.line_proposal": "{norm} ({why})",
    "suggest.tag_usage": "Gebruik: /tag 1 (het nummer van een voorstel) of /tag V13.",
    "suggest.no_proposal": "Er is geen voorstel {number}; /tag V13 voegt een norm toe.",
    "suggest.nothing_to_tag": "Nog geen notitie in dit gesprek om een norm aan toe te voegen.",
    "suggest.already_tagged": "De notitie hoort al bij {norm}.",
    "line.cmd.tag": "een voorgestelde norm (of /tag V13) toevoegen aan de notitie",
    "suggest.tui_offer": "Ook {proposals}?",
    "suggest.tui_key_note": "^t voegt {norm} toe aan de notitie",
    "suggest.tui_key_draft": "^t zet #{norm} in de notitie",
    "suggest.tui_key": "Norm erbij",
    "suggest.tui_tagged": "{norm} toegevoegd aan de notitie van {time}.",
    "suggest.tui_nothing": "Geen voorgestelde norm om toe te voegen.",
    "suggest.assess_offer": "      » ook {proposals}? (notitie zonder eigen #norm)",
    "suggest.tagged": "{norm} toegevoegd aan de notitie van {time}. {status}",
}
