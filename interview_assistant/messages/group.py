"""Texts for starting a group interview in one go: the CLI's --partner and the line
mode's question for the next interviewee."""

DUTCH: dict[str, str] = {
    "group.cli_partner_help": (
        "nog een gesprekspartner bij een groepsgesprek, als FUNCTIE=ROL[,ROL...]"
        ' (bijv. "vrijwilliger=nbV"); herhaalbaar, in de volgorde van spreker 2, 3, ...'
    ),
    "group.bad_partner": (
        "--partner '{value}': schrijf FUNCTIE=ROL[,ROL...], bijv. --partner \"vrijwilliger=nbV\"."
    ),
    "group.partner_no_function": "--partner '{value}': de functie ontbreekt vóór de '='.",
    "group.partner_no_roles": (
        "--partner '{value}': geef minstens één rol na de '=' (codes uit de legenda)."
    ),
    # line mode
    "group.line_hint": (
        "Groepsgesprek? Zet een + achter de rollen, dan vraag ik naar de volgende gesprekspartner."
    ),
    "group.ask_next_function": "Nog een gesprekspartner? Functie, of Enter als dat alles is",
    "group.ask_next_roles": "Rollen van {function} (codes uit de legenda, meerdere met spaties)",
    "group.need_roles": "Geef minstens één rol op voor {function} (bijv. P).",
    "group.partner_added": "Gesprekspartner {number}: {label}.",
}
