"""Dutch texts of 'gevraagd, geen antwoord': a norm asked in a session without an answer."""

DUTCH: dict[str, str] = {
    "noanswer.unknown_norm": "Onbekende norm '{norm}'.",
    "noanswer.marked": "{norm}: gevraagd, geen antwoord (telt niet als bron; het gat slaat hem hier over).",
    "noanswer.unmarked": "{norm}: markering 'gevraagd, geen antwoord' weggehaald.",
    "noanswer.label": "gevraagd, geen antwoord",
    "noanswer.in_session": "In dit gesprek gevraagd, geen antwoord.",
    "noanswer.sessions": "Gevraagd, geen antwoord in: {sources}",
    "noanswer.cli_row": "  Gevraagd, geen antwoord: {norms}",
    "noanswer.tui_key": "Gevraagd, geen antwoord",
    "line.cmd.geenantwoord": "de huidige norm (of NORM) markeren als gevraagd, geen antwoord; nog eens: weghalen",
}
