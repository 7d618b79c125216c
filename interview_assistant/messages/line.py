"""Dutch texts of the line mode (``interview-assistant chat``)."""

DUTCH: dict[str, str] = {
    # starting a session
    "line.setup_intro": "Nieuw gesprek in audit {audit} ({organisation}).",
    "line.ask_auditor": "Auditor",
    "line.ask_kind": "Soort (interview, documentstudie, observatie)",
    "line.ask_function": "Functie van de gesprekspartner (geen naam)",
    "line.ask_function_optional": "Functie van de gesprekspartner (geen naam; leeg als er geen is)",
    "line.ask_same_as": (
        "Dezelfde persoon als in een eerder gesprek? (nummer; Enter voor een nieuwe persoon)"
    ),
    "line.same_as_row": "  {number}  {label}",
    "line.unknown_person": "Kies een nummer uit de lijst, of Enter voor een nieuwe persoon.",
    "line.ask_roles": "Rollen (codes uit de legenda, meerdere met spaties)",
    "line.ask_roles_optional": "Rollen (codes uit de legenda; leeg voor alle normen)",
    "line.ask_default": "{question} [{default}]: ",
    "line.ask_plain": "{question}: ",
    "line.legend_header": "Rollen in de legenda:",
    "line.legend_row": "  {code:<4} {description}",
    "line.need_answer": "Dit is nodig om het gesprek te starten.",
    "line.unknown_kind": "Onbekende soort '{kind}'. Kies interview, documentstudie of observatie.",
    "line.unknown_role": "Onbekende rol '{role}'. Geldig: {valid}.",
    "line.setup_aborted": "Geen gesprek gestart.",
    "line.session_started": "Gesprek gestart (sessie {session}).",
    # opening of the chat
    "line.session_header": "{kind} door {auditor} met {interviewees}, audit {organisation}.",
    "line.session_no_interviewees": "{kind} door {auditor}, audit {organisation}.",
    "line.session_norms": "{norms} voor deze rollen ({roles}).",
    "line.session_norms_all": "Alle {count} normen (geen rollen opgegeven).",
    "line.session_norms_unnamed": (
        "Geen norm noemt {roles} in de kolom Wie; het gesprek loopt alle {count} normen langs."
    ),
    "line.session_resumed": "Verder met sessie {session}: {notes} tot nu toe.",
    "line.session_last_note": "Laatste notitie ({time}, {norms}): {text}",
    "line.session_was_ended": (
        "Let op: dit gesprek is al beëindigd op {ended}; nieuwe notities worden er toch aan "
        "toegevoegd."
    ),
    "line.how_to": (
        "Typ een notitie en druk op Enter; zonder #norm hoort ze bij de huidige norm. "
        "/help toont de opdrachten, Ctrl-D of /stop beëindigt het gesprek."
    ),
    # a norm
    "line.norm_title": "{norm} · {section} {number} — {text}",
    "line.norm_status": "Stand: {status}",
    "line.questions_for": "Vragen voor {roles}:",
    "line.questions_all": "Vragen:",
    "line.questions_other": "Vragen (deze norm noemt {roles} niet; de vragen voor andere rollen):",
    "line.question": "  - {question}",
    "line.evidence": "Vraag naar: {evidence}.",
    # replies to notes
    "line.saved": "Opgeslagen {time} — {reply}",
    "line.edited": "Gewijzigd {time} — {reply}",
    "line.not_saved": "Niet opgeslagen: {error}",
    "line.kept_for_retry": "De tekst staat weer klaar om te verbeteren; Ctrl-C wist hem.",
    "line.edit_start": (
        "Wijzig de laatste notitie ({time}); Enter slaat op, een lege regel, een opdracht (/…) "
        "of Ctrl-C laat haar ongewijzigd."
    ),
    "line.edit_current": "Nu: {text}",
    "line.edit_unchanged": "Niet gewijzigd.",
    "line.nothing_to_edit": "Nog geen notitie in dit gesprek om te wijzigen.",
    "line.nothing_to_delete": "Nog geen notitie in dit gesprek om te verwijderen.",
    "line.nothing_to_undo": "Er is niets om ongedaan te maken.",
    "line.deleted": "Verwijderd: “{text}”. /herstel zet haar terug. {status}",
    "line.undone.delete": "Hersteld: “{text}”. {status}",
    "line.undone.add": "Ongedaan gemaakt: “{text}” is verwijderd. {status}",
    "line.undone.edit": "Ongedaan gemaakt: de notitie luidt weer “{text}”. {status}",
    # walking
    "line.last_norm": "{norm} is de laatste norm voor deze rollen; /gat zoekt het minst gedekte.",
    "line.first_norm": "{norm} is de eerste norm voor deze rollen.",
    "line.norm_usage": "Gebruik: /norm V5 (of /norm met woorden uit de normtekst).",
    "line.norm_not_found": "Geen norm gevonden voor '{query}'.",
    "line.norm_choices": "Meerdere normen passen bij '{query}'; kies met /norm en het nummer:",
    "line.norm_choice": "  {norm:<4} {text}",
    # coverage
    "line.coverage_header": "Dekking van de {count} normen voor dit gesprek (streefwaarde {target}):",
    "line.coverage_group.below": "Onder streefwaarde ({count}):",
    "line.coverage_group.none": "Zonder bronnen ({count}):",
    "line.coverage_group.met": "Gehaald ({count}):",
    "line.coverage_row": "  {norm:<4} {sources} van {target} bronnen, {factual} feitelijk",
    "line.coverage_here": "; {count} in dit gesprek",
    # commands
    "line.unknown_command": "Onbekende opdracht '{command}'. /help toont de opdrachten.",
    "line.ambiguous_command": "'{command}' kan zijn: {matches}.",
    "line.command_takes_no_text": "/{command} heeft geen tekst erachter nodig.",
    "line.help_header": "Elke regel is een notitie. Tags mogen overal staan:",
    "line.help_norm": "  #V5            de norm (zonder #norm: de huidige norm)",
    "line.help_evidence": "  @document ...  het bewijs: {words}",
    "line.help_kind": "  !knelpunt ...  de soort: {words} (anders: bevinding)",
    "line.help_commands": "Opdrachten (een uniek begin is genoeg, bijv. /vol):",
    "line.help_row": "  {usage:<15} {help}",
    "line.help_keys": "Pijl omhoog haalt eerdere regels terug, Tab vult aan, Ctrl-C wist de regel.",
    "line.cmd.volgende": "naar de volgende norm voor deze rollen",
    "line.cmd.vorige": "naar de vorige norm voor deze rollen",
    "line.cmd.norm": "naar een norm, op nummer of met woorden uit de tekst",
    "line.cmd.gat": "naar de minst gedekte norm voor deze rollen",
    "line.cmd.vragen": "de vragen en het bewijs voor de huidige norm",
    "line.cmd.dekking": "de dekking van de normen voor dit gesprek",
    "line.cmd.wijzig": "de laatste notitie wijzigen (met tekst: meteen vervangen)",
    "line.cmd.verwijder": "de laatste notitie verwijderen",
    "line.cmd.herstel": "de laatste notitie, wijziging of verwijdering ongedaan maken",
    "line.cmd.help": "deze uitleg",
    "line.cmd.stop": "het gesprek beëindigen en stoppen",
    # the end
    "line.stopped": "Gesprek beëindigd: {notes} opgeslagen in sessie {session}.",
    "line.problem": "Let op: {message}",
    "line.session_gone": (
        "Sessie {session} is niet meer te lezen; de opgeslagen notities staan op schijf."
    ),
    "line.edit_prompt": "wijzig> ",
    "line.note_prompt": "{norm}> ",
    # CLI
    "line.cli_help": "gesprek in de terminal, regel voor regel (ook voor schermlezers en scripts)",
    "line.cli_session_help": "ga verder met deze sessie in plaats van een nieuwe te starten",
    "line.cli_plain_help": "gewone regelinvoer zonder aanvulling (voor schermlezers)",
}
