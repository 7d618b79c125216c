"""Dutch texts of the keys: long names for the palette, the leave dialog, the keymap file."""

DUTCH: dict[str, str] = {
    # long names: the command palette and the key's tooltip
    "keys.name.prev_norm": "Vorige norm",
    "keys.name.next_norm": "Volgende norm",
    "keys.name.next_gap": "Grootste gat",
    "keys.name.next_open": "Volgende norm zonder oordeel",
    "keys.name.edit": "Notitie wijzigen",
    "keys.name.delete": "Notitie verwijderen",
    "keys.name.undo": "Laatste wijziging van een notitie ongedaan maken",
    "keys.name.end": "Gesprek beëindigen",
    "keys.name.leave": "Gesprek verlaten",
    "keys.name.back": "Terug naar het overzicht",
    "keys.key.leave": "Verlaten",
    "keys.key.notes": "Notities",
    "keys.name.notes": "Naar de notities (Enter wijzigt, Backspace verwijdert) of terug",
    # the dialog behind the leave key
    "keys.leave.title": "Gesprek verlaten",
    "keys.leave.body": (
        "Later verder: het gesprek blijft open en u gaat naar het overzicht; tekst die nog "
        "in de invoerregel staat, blijft bewaard. Beëindigen: het gesprek is klaar."
    ),
    "keys.leave.later": "Later verder",
    "keys.leave.end": "Gesprek beëindigen",
    "keys.choice.stay": "Blijven",
    # deleting a note from the palette
    "keys.delete.title": "Notitie verwijderen",
    "keys.delete.body": "De notitie van {time} verwijderen? {undo} zet haar terug.\n\n{text}",
    "keys.delete.yes": "Verwijderen",
    "keys.delete.palette_help": "De gekozen notitie, na een vraag; in de notities (Tab): {key}",
    "keys.delete.how": (
        "Een notitie verwijderen: Tab naar de notities, kies er een met ↑/↓ en druk op "
        "{key}; of kies “Notitie verwijderen” met {palette}."
    ),
    "keys.escape_hint": "Esc sluit alleen een keuzelijst. Het gesprek verlaten: {key}.",
    # the keymap file
    "keys.file.title": "Toetsen (keymap.toml)",
    "keys.file.unreadable": "{file} is niet gelezen: {reason}. De standaardtoetsen gelden.",
    "keys.file.syntax": (
        "{file}, regel {line}: geen geldige TOML ({reason}). De standaardtoetsen gelden."
    ),
    "keys.file.not_text": (
        "{file}, regel {line}: de toets voor “{binding}” moet tekst tussen aanhalingstekens "
        'zijn, bijv. "ctrl+n".'
    ),
    "keys.file.unknown_binding": (
        "{file}, regel {line}: “{binding}” is geen actie van dit programma; zie de toetsen "
        "in README of in de hulp (F1)."
    ),
    "keys.file.bad_key": (
        "{file}, regel {line}: “{key}” is geen toets (voor “{binding}”); schrijf bijv. "
        "ctrl+n, alt+x, f5 of escape."
    ),
    "keys.file.clash": (
        "keymap.toml geeft {key} aan “{binding}”, maar die toets was van “{other}”; "
        "“{other}” blijft bereikbaar via het commandopalet (Ctrl+P)."
    ),
}
