"""Texts of purging a note: removing its text and every earlier version for good."""

DUTCH: dict[str, str] = {
    "purge.purged_elsewhere": (
        "Notitie {note} is intussen definitief gewist (op een andere plek of laptop); "
        "uw wijziging is niet opgeslagen."
    ),
    # the CLI
    "purge.help": "een notitie definitief wissen: tekst en alle eerdere versies",
    "purge.description": (
        "Wist de tekst van een notitie en al haar eerdere versies definitief uit de "
        "bestanden op deze laptop en uit latere exports. Er blijft alleen een grafsteen "
        "over (id, sessie, wanneer, door wie), zodat samenvoegen de tekst niet terugbrengt. "
        "Dit kan niet ongedaan worden gemaakt."
    ),
    "purge.audit_help": "audit-id (of een uniek begin ervan)",
    "purge.session_help": "sessie-id (of een uniek begin ervan)",
    "purge.note_help": "notitie-id (of een uniek begin ervan), zoals 'session show --json' toont",
    "purge.yes_help": "niet om bevestiging vragen",
    "purge.by_help": "wie wist (standaard: wie met 'ik-ben' is ingesteld, anders de auditor van de sessie)",
    "purge.note_ambiguous": "Notitie-id '{note}' is niet uniek in sessie {session}: {matches}.",
    "purge.show": "Notitie {note} van {time}: {text}",
    "purge.show_deleted": "Notitie {note} van {time} (verwijderd): {text}",
    "purge.warning": (
        "De tekst en alle eerdere versies worden definitief gewist. "
        "Dit kan niet ongedaan worden gemaakt."
    ),
    "purge.ask": "Weet u het zeker? [j/N] ",
    "purge.needs_yes": (
        "Definitief wissen vraagt om bevestiging; de invoer is geen terminal. "
        "Geef --yes mee als u het zeker weet."
    ),
    "purge.cancelled": "Niets gewist.",
    "purge.done": "Notitie {note} is definitief gewist.",
    "cli.saving.purge": "Het wissen van de notitie",
    "purge.set_aside": (
        "Let op: {path} is een apart gezet (onleesbaar) bestand dat de tekst nog bevat; "
        "zulke bestanden blijven onaangeroerd. Verwijder het zelf als dat nodig is."
    ),
    # the TUI
    "purge.tui_key": "Notitie definitief wissen",
    "purge.tui_title": "Notitie definitief wissen",
    "purge.tui_body": (
        "Notitie van {time}{deleted}:\n\n{text}\n\n"
        "De tekst en alle eerdere versies van deze notitie worden definitief van deze laptop "
        "gewist en gaan niet meer mee in een export. Dit kan niet ongedaan worden gemaakt "
        "(ook niet met ^z)."
    ),
    "purge.tui_deleted": " (verwijderd)",
    "purge.tui_confirm": "Definitief wissen",
    "purge.tui_cancel": "Annuleren",
    "purge.tui_done": "Notitie van {time} is definitief gewist.",
    "purge.tui_cancelled": "Niets gewist.",
    "purge.tui_nothing": "Er is geen notitie om te wissen.",
    # the line mode
    "purge.line_usage": "Gebruik: /wis om de nieuwste notitie te wissen, /wis 2 voor de notitie daarvoor.",
    "purge.line_no_such": "Er is geen notitie {number} (tel terug vanaf de nieuwste: 1, 2, ...).",
    "purge.line_show": "Definitief wissen: notitie van {time}{deleted}: {text}",
    "purge.line_warning": (
        "De tekst en alle eerdere versies worden definitief gewist; "
        "dit kan niet ongedaan worden gemaakt (ook niet met /herstel)."
    ),
    "purge.line_prompt": "Weet u het zeker? [j/N] ",
    "purge.line_done": "Notitie van {time} is definitief gewist. {status}",
    "purge.line_cancelled": "Niets gewist.",
    "line.cmd.wis": "een notitie definitief wissen, tekst en eerdere versies (N: tel terug vanaf de nieuwste)",
}
