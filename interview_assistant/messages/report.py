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
    # exchange: inputs refused (nothing was written)
    "report.exchange.no_input": "Geen invoer: geef een bundel, sessiebestand of map.",
    "report.exchange.missing": "{source}: bestand of map bestaat niet.",
    "report.exchange.unreadable": "{source}: kan niet gelezen worden ({reason}).",
    "report.exchange.empty_folder": "{source}: de map bevat geen sessiebestanden of bundels.",
    "report.exchange.too_large": "{source}: te groot ({size} bytes; maximaal {limit}).",
    "report.exchange.too_many": "{source}: te veel bestanden ({count}; maximaal {limit}).",
    "report.exchange.bad_json": "{source}: geen geldige JSON ({reason}).",
    "report.exchange.foreign": (
        "{source}: geen bestand van interview-assistant (verwacht een bundel, sessielog of "
        "auditbestand)."
    ),
    "report.exchange.newer": (
        "{source}: gemaakt met een nieuwere versie (schema {found}; deze versie kent "
        "{supported}). Werk interview-assistant bij."
    ),
    "report.exchange.corrupt": "{source}: beschadigd of onvolledig ({reason}).",
    "report.exchange.bad_id": "{source}: ongeldig id '{id}'.",
    "report.exchange.unknown_edition": "{source}: onbekende catalogus-editie '{edition}'.",
    "report.exchange.unknown_norm": (
        "{source}: notitie {note} noemt norm '{norm}', die editie {edition} niet kent "
        "(gemaakt met een andere catalogus-editie?)."
    ),
    "report.exchange.edition": (
        "{source}: hoort bij catalogus-editie {found}, maar audit {audit} gebruikt editie "
        "{expected}."
    ),
    "report.exchange.other_audit": (
        "{source}: hoort bij audit {found} ({organisation}), niet bij audit {expected}."
    ),
    "report.exchange.mixed_audits": (
        "De invoer hoort bij verschillende audits ({audits}); voeg ze apart samen of kies er "
        "één met --audit."
    ),
    "report.exchange.no_audit_data": (
        "Audit {audit} staat niet in {data_dir} en de invoer bevat geen auditgegevens; "
        "voeg de bundel (export) toe in plaats van losse sessiebestanden."
    ),
    "report.exchange.unsafe_entry": (
        "{source}: item '{entry}' wijst buiten de bundel ({reason}); de bundel is geweigerd."
    ),
    "report.exchange.zip_bomb": (
        "{source}: item '{entry}' klopt niet met zijn opgegeven grootte ({reason}); de bundel "
        "is geweigerd."
    ),
    "report.exchange.manifest": "{source}: de inhoudsopgave van de bundel klopt niet ({reason}).",
    "report.exchange.session_unreadable": "Sessie {source} kan niet worden geëxporteerd: {reason}",
    "report.exchange.write_failed": "Kan {path} niet schrijven ({reason}); er is niets veranderd.",
    # exchange: what a merge did
    "report.merge.tally": "{added} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd",
    "report.merge.created": "Audit {audit} ({org}) is aangemaakt uit de bundel.",
    "report.merge.auditor": "{auditor}: sessies {sessions}; notities {notes}.",
    "report.merge.assessments": "Beoordelingen: {tally}.",
    "report.merge.trend": "Sterke punten en zorgpunten: {tally}.",
    "report.merge.texts": "Rapportteksten: {tally}.",
    "report.merge.nothing": "Niets veranderd: alles uit de invoer stond al in de audit.",
    "report.progress.read": "Invoer lezen: {item}",
    "report.progress.check": "Controleren: sessie {item}",
    "report.progress.write": "Wegschrijven naar audit {item}",
    "report.export.done": "Bundel {path}: audit {audit} ({org}), {sessions} sessies, {notes} notities.",
}
