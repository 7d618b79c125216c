"""Dutch texts of correcting and removing sessions, "ik ben ...", the read-only view of an
interview and the summary when it ends (TUI, line mode, CLI)."""

DUTCH: dict[str, str] = {
    # rules (services)
    "session.refused": "{reason}",
    "session.is_removed": (
        "Gesprek {session} is verwijderd. Herstellen: interview-assistant session restore "
        "{audit} {session} (of 'Gesprek herstellen' in het dashboard)."
    ),
    "session.no_partner": "Er is geen gesprekspartner {number}; dit gesprek heeft er {count}.",
    "session.partners_missing": (
        "Geef alle gesprekspartners die blijven; een partner gaat er alleen uit als verwijderd."
    ),
    "session.partner_linked": (
        "{label} kan niet uit dit gesprek weg: gesprek {other} noemt {who} 'dezelfde persoon'. "
        "Haal die koppeling in gesprek {other} eerst weg."
    ),
    "session.kind_linked": (
        "Dit gesprek kan geen documentstudie of observatie worden: gesprek {other} noemt een "
        "gesprekspartner hieruit 'dezelfde persoon'."
    ),
    "session.same_as_self": "Een gesprekspartner kan niet dezelfde persoon zijn als iemand in hetzelfde gesprek.",
    "session.not_removed": "Gesprek '{session}' is niet verwijderd; er is niets te herstellen.",
    "session.partner_spoke": (
        "{label} kan niet uit dit gesprek weg: {notes} in dit gesprek staan op naam van {who}. "
        "Wijzig eerst wie die notities zei (of laat de partner staan)."
    ),
    # identity
    "identity.blank": "De naam is leeg; geef uw naam op (bijv. ik-ben 'Anna de Vries').",
    "identity.unreadable": "Het instellingenbestand {path} is onleesbaar ({reason}); het is niet gebruikt.",
    "identity.none": "Nog niet ingesteld wie op deze computer auditeert: interview-assistant ik-ben NAAM.",
    "identity.set": "Auditor op deze computer: {name}.",
    "identity.help": "wie op deze computer auditeert (standaard voor nieuwe gesprekken)",
    "identity.name_help": "uw naam; zonder naam toont het wie er is ingesteld",
    "identity.need_auditor": (
        "Geef --auditor NAAM op, of stel eenmalig in wie op deze computer auditeert: "
        "interview-assistant ik-ben NAAM."
    ),
    # CLI
    "session_cli.edit_help": "corrigeer een gesprek (functie, rollen, soort, locatie, auditor)",
    "session_cli.delete_help": (
        "verwijder een gesprek: zonder notities voorgoed, met notities herstelbaar"
    ),
    "session_cli.restore_help": "herstel een verwijderd gesprek met zijn notities",
    "session_cli.removed_help": "de verwijderde gesprekken van een audit",
    "session_cli.partner_help": (
        "welke gesprekspartner --function, --role en --same-as wijzigen (standaard 1; "
        "één meer dan er zijn voegt een partner toe)"
    ),
    "session_cli.remove_partner_help": "haal gesprekspartner N uit het gesprek (herhaalbaar)",
    "session_cli.role_help": "rolcode uit de legenda; herhaalbaar; vervangt de rollen van de partner",
    "session_cli.same_as_help": (
        "dezelfde persoon als partner N in een eerder interview; '-' haalt de koppeling weg"
    ),
    "session_cli.bad_partner": "--partner {number}: dit gesprek heeft {count} gesprekspartner(s).",
    "session_cli.new_partner_needs": (
        "Een nieuwe gesprekspartner ({number}) heeft --function en (bij een interview) --role nodig."
    ),
    "session_cli.unchanged": "Niets gewijzigd aan gesprek {session}.",
    "session_cli.edited": "Gesprek {session} gewijzigd.",
    "session_cli.deleted_for_good": "Gesprek {session} had geen notities en is verwijderd.",
    "session_cli.deleted": (
        "Gesprek {session} is verwijderd ({notes}); het telt niet meer mee. "
        "Herstellen: interview-assistant session restore {audit} {session}"
    ),
    "session_cli.restored": "Gesprek {session} is hersteld.",
    "session_cli.removed_hint": (
        "  Verwijderd: {removed} (tonen: interview-assistant session removed {audit})"
    ),
    "session_cli.no_removed": "Geen verwijderde gesprekken in deze audit.",
    # read-only view and summary (TUI)
    "session_view.title": "Gesprek bekijken",
    "session_view.header": "{kind} door {auditor}, {started} {state}",
    "session_view.partner": "Gesprekspartner: {label}",
    "session_view.location": "Locatie: {location}",
    "session_view.no_notes": "Nog geen notities in dit gesprek.",
    "session_view.removed_banner": "Dit gesprek is verwijderd; het telt niet mee.",
    "session_view.running": "(loopt)",
    "session_view.ended": "(beëindigd {ended})",
    "summary.title": "Samenvatting van het gesprek",
    "summary.header": "Samenvatting: {notes} in dit gesprek.",
    "summary.no_roles": "dit gesprek",
    "summary.roles": "de rollen {roles}",
    "summary.heard": "Gehoord: {norms}.",
    "summary.heard_none": "Geen normen gehoord in dit gesprek.",
    "summary.reached": "Streefwaarde ({target}) gehaald dankzij dit gesprek: {norms}.",
    "summary.reached_none": "Geen norm haalde de streefwaarde ({target}) dankzij dit gesprek.",
    "summary.missing": "Nog onder de streefwaarde voor {roles}: {norms}.",
    "summary.unheard": "Nog zonder bron voor {roles}: {norms}.",
    "summary.missing_none": "Alle normen voor {roles} halen de streefwaarde.",
    "summary.close": "Sluiten",
    # TUI keys, palette and dialogs
    "session_tui.key.edit": "Gesprek wijzigen",
    "session_tui.key.view": "Gesprek bekijken",
    "session_tui.key.delete": "Gesprek verwijderen",
    "session_tui.key.restore": "Gesprek herstellen",
    "session_tui.key.identity": "Auditor instellen",
    "session_tui.key.summary": "Samenvatting",
    "session_tui.edit_title": "Gesprek wijzigen",
    "session_tui.save": "Opslaan",
    "session_tui.update_partner": "Partner bijwerken",
    "session_tui.remove_partner": "Partner verwijderen",
    "session_tui.new_partner": "Nieuwe partner",
    "session_tui.partner_choice": "Welke gesprekspartner wijzigen (of een nieuwe)",
    "session_tui.partner_row": "{number}. {label}",
    "session_tui.editing_partner": "U wijzigt partner {number}: {label}.",
    "session_tui.adding_partner": "Een nieuwe partner invullen en 'Partner bijwerken' kiezen.",
    "session_tui.saved": "Gesprek gewijzigd; de dekking is bijgewerkt.",
    "session_tui.unchanged": "Niets gewijzigd.",
    "session_tui.no_session": "Kies eerst een gesprek in de lijst (tab Gesprekken).",
    "session_tui.confirm_delete_empty": "Gesprek zonder notities voorgoed verwijderen?",
    "session_tui.confirm_delete": (
        "Gesprek met {notes} verwijderen? Het telt dan niet meer mee; herstellen kan later "
        "('Gesprek herstellen')."
    ),
    "session_tui.yes_delete": "Verwijderen",
    "session_tui.no": "Annuleren",
    "session_tui.deleted_for_good": "Gesprek verwijderd.",
    "session_tui.deleted": "Gesprek verwijderd; herstellen kan met 'Gesprek herstellen'.",
    "session_tui.restore_title": "Verwijderd gesprek herstellen",
    "session_tui.restore_none": "Er zijn geen verwijderde gesprekken.",
    "session_tui.restore_option": "{started}  {kind}  {auditor}  {partners}  ({notes})",
    "session_tui.restored": "Gesprek hersteld; het telt weer mee.",
    "session_tui.identity_title": "Wie auditeert op deze computer?",
    "session_tui.identity_intro": (
        "Uw naam staat voortaan vooraan bij nieuwe gesprekken, op deze computer (niet in de audit)."
    ),
    "session_tui.identity_first": (
        "Wie auditeert op deze computer? Uw naam wordt onthouden als standaard voor nieuwe "
        "gesprekken (wijzigen: 'Auditor instellen' in het palet, Ctrl+P)."
    ),
    "session_tui.identity_placeholder": "uw naam: wordt onthouden op deze computer",
    "session_tui.identity_saved": "Auditor op deze computer: {name}.",
    "session_tui.interview_edited": "Gesprek gewijzigd: {interviewees}.",
    # line mode
    "session_line.identity_saved": (
        "Auditor op deze computer: {name} (de standaard voor nieuwe gesprekken; "
        "wijzigen: interview-assistant ik-ben NAAM)."
    ),
}
