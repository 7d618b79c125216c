"""Dutch texts of the guard for personal data (``privacy``, the line mode)."""

DUTCH: dict[str, str] = {
    "privacy.help": "zoek persoonsgegevens in een tekst of een audit (offline, met deduce)",
    "privacy.description": (
        "Zoekt namen, e-mailadressen, telefoonnummers, BSN's en adressen. Met een audit-id: in "
        "alle notities, functies, kerngegevens, bevindingen en trendpunten van die audit. Met "
        "'-': één tekst per regel van stdin en één JSON-regel per tekst. Alles gebeurt op deze "
        "computer; er wordt geen tekst verstuurd. De eerste keer na installatie bouwt deduce "
        "zijn opzoeklijsten (een paar minuten); daarna duurt het laden enkele seconden."
    ),
    "privacy.text_help": "een audit-id (of uniek begin), een tekst, of '-' voor regels van stdin",
    "privacy.json_help": "één JSON-regel per tekst of vondst",
    "privacy.loading": (
        "Controle op persoonsgegevens laden (enkele seconden; de eerste keer na installatie "
        "een paar minuten)…"
    ),
    "privacy.none": "Geen persoonsgegevens gevonden.",
    "privacy.row": "“{text}” ({kind})",
    "privacy.audit_row": "{place}: “{text}” ({kind})",
    "privacy.audit_none": "Geen persoonsgegevens gevonden in deze audit.",
    "privacy.audit_count": ("{found} gevonden; vervang ze door de functie of [naam]."),
    "privacy.unavailable": "De controle op persoonsgegevens is niet beschikbaar: {reason}",
    "privacy.kind.persoon": "naam",
    "privacy.kind.e-mail": "e-mailadres",
    "privacy.kind.telefoon": "telefoonnummer",
    "privacy.kind.bsn": "BSN",
    "privacy.kind.adres": "adres of plaats",
    "privacy.kind.url": "webadres",
    "privacy.kind.nummer": "nummer",
    "privacy.place.notitie": "notitie {ref}",
    "privacy.place.functie": "functie in sessie {ref}",
    "privacy.place.kerngegevens": "kerngegevens ({ref})",
    "privacy.place.bevinding": "bevinding {ref}",
    "privacy.place.trendpunt": "trendpunt {ref}",
    # the line mode
    "privacy.line_warning": (
        "Let op, persoonsgegevens in de notitie van {time}: {found}. Noteer gesprekspartners "
        "alleen met hun functie: /wijzig vervangt de tekst (bijv. door de functie of [naam])."
    ),
    "privacy.tui_warning": (
        "Let op, persoonsgegevens in de notitie van {time}: {found}. Noteer alleen de functie; "
        "{function} vervangt een naam door de functie, {redact} door [naam] enz., {ok} markeert "
        "ze als in orde (bijv. een plaatsnaam), {edit} om zelf te wijzigen."
    ),
    "privacy.tui_key": "Naam weg",
    "privacy.tui_nothing": "Geen persoonsgegevens gevonden om te vervangen.",
    "privacy.tui_redacted": "Persoonsgegevens in de notitie van {time} vervangen; ^z zet ze terug.",
    "privacy.line_function_warning": (
        "Let op, persoonsgegevens in de functie van de gesprekspartner: {found}. Noteer "
        "gesprekspartners alleen met hun functie (het rapport noemt niemand bij naam)."
    ),
    "privacy.line_finding": "“{text}” ({kind})",
    # the lead's marks and the final report
    "privacy.ok_help": (
        "markeer een vondst als in orde (bijv. een organisatie- of plaatsnaam); herhaalbaar"
    ),
    "privacy.not_ok_help": "haal de markering 'in orde' van een vondst weer weg",
    "privacy.marked": "In orde gemarkeerd voor audit {audit}: “{text}”.",
    "privacy.unmarked": "Niet langer in orde voor audit {audit}: “{text}”.",
    "privacy.needs_audit": "--ok en --niet-ok horen bij een audit: privacy AUDIT --ok TEKST.",
    "privacy.fine_suffix": " [in orde]",
    "privacy.fine_list": "In orde gemarkeerd: {texts}.",
    "privacy.audit_open": (
        "{found} gevonden, {fine} in orde gemarkeerd; vervang de "
        "andere door de functie of [naam], of markeer ze met --ok als in orde."
    ),
    "privacy.refuse.finding": "Persoonsgegevens in {place}: “{text}” ({kind}).",
    "privacy.refuse.unavailable": (
        "Niet gecontroleerd op persoonsgegevens (de controle is niet beschikbaar: {reason})."
    ),
    "privacy.refuse.more": "En nog {found}.",
    "privacy.refuse.how": (
        "Vervang persoonsgegevens door de functie of [naam], of markeer een vondst die in orde "
        "is (bijv. een plaatsnaam): interview-assistant privacy {audit} --ok TEKST."
    ),
    "privacy.tui_ok_key": "In orde",
    "privacy.tui_fine": "In orde gemarkeerd voor deze audit: {texts}.",
    "privacy.tui_function_key": "Door functie",
    "privacy.tui_no_function": "Deze sessie heeft geen gesprekspartner met een functie.",
    "privacy.tui_by_function": (
        "Naam in de notitie van {time} vervangen door “{function}”; ^z zet hem terug{more}."
    ),
    "privacy.tui_next_function": ", ^f nog eens voor een andere functie",
    "privacy.tui_saved_warning": (
        "Let op, persoonsgegevens in {place}: {found}. Vervang ze door de functie of [naam], "
        "of markeer ze als in orde: privacy {audit} --ok TEKST."
    ),
    "privacy.tui_checking": "Controle op persoonsgegevens voor het definitieve rapport…",
}
