"""Dutch texts of the Textual interface (screens, key labels, the assistant's TUI lines)."""

DUTCH: dict[str, str] = {
    "tui.app.title": "Interview-assistent",
    "tui.app.subtitle": "Kwaliteitslabel Sociaal Werk",
    # keys (short: they share one footer line at 80 columns)
    "tui.key.quit": "Afsluiten",
    "tui.key.palette": "Zoek",
    "tui.key.help": "Hulp",
    "tui.key.back": "Terug",
    "tui.key.new_audit": "Nieuwe audit",
    "tui.key.demo": "Demo",
    "tui.key.open": "Openen",
    "tui.key.new_session": "Nieuw gesprek",
    "tui.key.core_data": "Kerngegevens",
    "tui.key.filter": "Filter",
    "tui.key.norms_tab": "Normen",
    "tui.key.sessions_tab": "Gesprekken",
    "tui.key.switch_tab": "Tabblad",
    "tui.key.save": "Opslaan",
    "tui.key.cancel": "Annuleren",
    "tui.key.add_interviewee": "+ Partner",
    "tui.key.prev_norm": "Vorige",
    "tui.key.next_norm": "Volgende",
    "tui.key.next_gap": "Gat",
    "tui.key.select_note": "Kies",
    "tui.key.edit": "Bewerk",
    "tui.key.delete": "Wis",
    "tui.key.undo": "Herstel",
    "tui.key.end": "Einde",
    "tui.key.close": "Sluiten",
    "tui.key.assess": "Beoordelen",
    # system commands in the palette
    "tui.palette.placeholder": "Zoek een norm op nummer of woorden…",
    "tui.palette.jump_help": "Ga naar deze norm",
    "tui.palette.key_help": "Toets: {key}",
    "tui.palette.export": "Rapport exporteren als {format}",
    "tui.palette.export_help": "Naar het bestand in de balk, als de gekozen versie en delen.",
    "tui.palette.quit": "Afsluiten",
    "tui.palette.quit_help": "Sluit de interview-assistent af; alles is al opgeslagen.",
    "tui.palette.help": "Hulp",
    "tui.palette.help_help": "Uitleg over de notitiesyntaxis en de toetsen.",
    # notifications
    "tui.notify.problem_title": "Bestand apart gezet",
    "tui.notify.error_title": "Fout",
    "tui.notify.demo_missing": (
        "De demo-audit is niet gevonden ({reason}). Maak een nieuwe audit met n."
    ),
    "tui.notify.refreshed": "Bijgewerkt met wijzigingen van buiten deze sessie.",
    "tui.notify.session_ended": "Gesprek beëindigd ({notes} opgeslagen).",
    "tui.notify.how_to_quit": "Afsluiten doet u met Ctrl+Q; alles is al opgeslagen.",
    "tui.notify.saved_core": "Kerngegevens opgeslagen.",
    # start screen
    "tui.start.title": "Audits",
    "tui.start.intro": (
        "Leg tijdens een gesprek per norm vast wat u hoort en ziet, en zie welke normen nog "
        "onvoldoende getoetst zijn."
    ),
    "tui.start.empty": (
        "Nog geen audits in deze gegevensmap. Begin een nieuwe audit (n) of bekijk eerst "
        "de demo-audit (d)."
    ),
    "tui.start.choose": "Kies een audit en druk op Enter, of begin een nieuwe (n).",
    "tui.start.audit_line": "{organisation}",
    "tui.start.audit_meta": "{created} · {sessions} · id {id}",
    "tui.start.new_button": "Nieuwe audit",
    "tui.start.demo_button": "Demo-audit openen",
    # audit form
    "tui.audit_form.new_title": "Nieuwe audit",
    "tui.audit_form.edit_title": "Kerngegevens",
    "tui.audit_form.intro": (
        "Alleen de organisatie is nodig om te beginnen; de rest kunt u later aanvullen "
        "(k op het overzicht)."
    ),
    "tui.audit_form.organisation": "Naam lid-organisatie",
    "tui.audit_form.target": "Streefaantal bronnen per norm",
    "tui.audit_form.edition": "Editie normenkader",
    "tui.audit_form.core_header": "Kerngegevens toetsing (deel A)",
    "tui.audit_form.organisation_missing": "Vul de naam van de organisatie in.",
    "tui.audit_form.bad_target": "Het streefaantal moet een geheel getal van 1 of meer zijn.",
    "tui.core.address": "Adres lid-organisatie",
    "tui.core.website": "Website organisatie",
    "tui.core.contact_name": "Naam contactpersoon",
    "tui.core.contact_email": "Mailadres contactpersoon",
    "tui.core.contact_phone": "Telefoon contactpersoon",
    "tui.core.scope": "Scope (werkprocessen / organisatieonderdelen die getoetst zijn)",
    "tui.core.size": "Omvang organisatie (medewerkers, fte, locaties in de scope)",
    "tui.core.audit_form": "Gekozen vorm van het onderzoek",
    "tui.core.self_evaluation": "Zelfevaluatie ingeleverd op",
    "tui.core.visit_dates": "Onderzoek ter plaatse uitgevoerd op (data)",
    "tui.core.locations": "Locaties van het onderzoek",
    "tui.core.peer_auditors": "Intercollegiale toetsers (namen en organisatie)",
    "tui.core.lead_auditor": "Verantwoordelijke CI en teamleider",
    "tui.core.report_to_member": "Datum verslag team naar lid-organisatie",
    "tui.core.improvement_plan_received": "Datum ontvangst verbeterplan met akkoord",
    "tui.core.report_final": "Datum verslag definitief met akkoord lid-organisatie",
    "tui.core.summary_sent": "Datum inzending samenvatting naar Sociaal Werk Nederland",
    # dashboard
    "tui.dashboard.loading": "Audit laden…",
    "tui.dashboard.counts": "{sessions} · {notes}",
    "tui.dashboard.summary": (
        "{met} {target} of meer bronnen · {below} onder de streefwaarde · {none} zonder bron"
    ),
    "tui.dashboard.filter_on": "· filter: nog onvoldoende getoetst",
    "tui.dashboard.filter_off": "· alle normen",
    "tui.dashboard.section_met": "{met} {target} of meer bronnen",
    "tui.dashboard.col_norm": "Norm",
    "tui.dashboard.col_sources": "Bronnen",
    "tui.dashboard.col_factual": "Feitelijk",
    "tui.dashboard.col_roles": "Gehoord",
    "tui.dashboard.col_who": "Wie",
    "tui.dashboard.who": "Wie (normenkader): {roles}",
    "tui.dashboard.conflict_mark": "conflict",
    "tui.dashboard.conflict": (
        "Tegenstrijdige voorstellen van auditoren: beslis op het beoordelingsscherm (b)."
    ),
    "tui.dashboard.conflicts": "{norms} met tegenstrijdige voorstellen",
    "tui.dashboard.col_verdict": "Oordeel",
    "tui.dashboard.col_text": "Tekst",
    "tui.dashboard.col_started": "Begonnen",
    "tui.dashboard.col_auditor": "Auditor",
    "tui.dashboard.col_kind": "Soort",
    "tui.dashboard.col_interviewees": "Gesprekspartners",
    "tui.dashboard.col_notes": "Notities",
    "tui.dashboard.col_state": "Status",
    "tui.dashboard.running": "loopt",
    "tui.dashboard.ended": "beëindigd",
    "tui.dashboard.no_sessions": "Nog geen gesprekken. Druk op n voor een nieuw gesprek.",
    "tui.dashboard.no_notes_on_norm": "Nog geen notities op deze norm.",
    "tui.dashboard.notes_header": "Notities per bron",
    "tui.dashboard.notes_loading": "Notities zoeken…",
    "tui.dashboard.more_notes": "… en nog {notes}.",
    "tui.dashboard.source": "{interviewees} · {kind} · {auditor} · {started}",
    "tui.dashboard.all_met": "Alle normen hebben hun streefwaarde gehaald.",
    # new session form
    "tui.session_form.title": "Nieuw gesprek",
    "tui.session_form.auditor": "Auditor (uw naam)",
    "tui.session_form.kind": "Soort",
    "tui.session_form.interviewees": "Gesprekspartners (alleen functies, geen namen)",
    "tui.session_form.function": "Functie van de gesprekspartner",
    "tui.session_form.function_placeholder": "bijv. maatschappelijk werker",
    "tui.session_form.same_as": "Dezelfde persoon als in een eerder gesprek (geen naam nodig)",
    "tui.session_form.same_as_none": "Nee, een nieuwe persoon",
    "tui.session_form.roles": "Rollen (spatie kiest; meerdere mag)",
    "tui.session_form.add": "Partner toevoegen",
    "tui.session_form.added": "Toegevoegd: {label}",
    "tui.session_form.none_added": "Nog niemand toegevoegd; de ingevulde partner telt mee.",
    "tui.session_form.location": "Locatie",
    "tui.session_form.start": "Gesprek starten",
    "tui.session_form.auditor_missing": "Vul uw naam als auditor in.",
    "tui.session_form.function_missing": "Vul de functie van de gesprekspartner in.",
    "tui.session_form.roles_missing": "Kies minstens één rol voor {function}.",
    "tui.session_form.role_option": "{code} — {description}",
    # interview screen
    "tui.interview.title": "Gesprek met {interviewees}",
    "tui.interview.title_documentstudie": "Documentstudie",
    "tui.interview.title_observatie": "Observatie",
    "tui.interview.title_documentstudie_with": "Documentstudie met {interviewees}",
    "tui.interview.title_observatie_with": "Observatie bij {interviewees}",
    "tui.interview.subtitle": "{kind} · {auditor} · {organisation}",
    "tui.interview.loading": "Gesprek laden…",
    "tui.interview.start": ("{opening}: {norms} voor deze rollen. We beginnen bij {norm}."),
    "tui.interview.resume": "Gesprek hervat: {notes} tot nu toe. We staan bij {norm}.",
    "tui.interview.no_norms": (
        "Geen vaste normen voor deze rollen; alle normen staan klaar. Tag notities met #norm."
    ),
    "tui.interview.edited": "Notitie van {time} aangepast.",
    "tui.interview.deleted": "Notitie van {time} verwijderd; {undo} zet haar terug.",
    "tui.interview.undone.delete": "Notitie van {time} teruggezet.",
    "tui.interview.undone.add": "Notitie van {time} ongedaan gemaakt (verwijderd).",
    "tui.interview.undone.edit": "Wijziging van de notitie van {time} ongedaan gemaakt.",
    "tui.interview.nothing_to_edit": "Er is nog geen notitie om te bewerken.",
    "tui.interview.nothing_to_undo": "Er is niets om ongedaan te maken.",
    "tui.interview.restore_first": "Deze notitie is verwijderd; zet haar eerst terug met {undo}.",
    "tui.interview.first_norm": "Dit is de eerste norm voor deze rollen.",
    "tui.interview.last_norm": "Dit is de laatste norm voor deze rollen.",
    "tui.interview.no_question": "Geen vraag voor deze rol; stel een open vraag naar voorbeelden.",
    "tui.interview.unsaved_before_end": (
        "Er staat nog tekst in de invoerregel: sla die eerst op met Enter of wis hem."
    ),
    "tui.interview.external_notes": (
        "De notities van dit gesprek zijn buiten deze sessie bijgewerkt (toegevoegd, "
        "gewijzigd of verwijderd)."
    ),
    "tui.interview.session_gone": (
        "Dit gesprek is niet meer te lezen en is gesloten; wat al opgeslagen was, is bewaard."
    ),
    "tui.composer.placeholder": "Typ een notitie… #norm @bewijs !soort — Enter slaat op",
    "tui.composer.target": "Notitie (zonder #-tag bij {norm})",
    "tui.composer.editing": "Bewerk notitie van {time} — Enter slaat op, Esc annuleert",
    "tui.log.deleted": "verwijderd",
    "tui.log.edited": "bewerkt",
    # guide panel and coverage strip
    "tui.guide.title": "Norm {norm}",
    "tui.guide.position": "{section} · {index} van {count} voor deze rollen",
    "tui.guide.outside_roles": "{section} · buiten de normen voor deze rollen",
    "tui.guide.coverage": "{sources} van {target} bronnen, {factual} feitelijk",
    "tui.guide.roles": "· gehoord: {roles}",
    "tui.guide.questions": "Vragen",
    "tui.guide.evidence": "Vraag naar",
    "tui.strip.summary": "{met} op streefwaarde · {below} onder · {none} zonder bron",
    # assessment
    "tui.key.next_open": "Zonder oordeel",
    "tui.key.report": "Rapport",
    "tui.key.merge": "Samenvoegen",
    "tui.assess.title": "Beoordeling {norm}",
    "tui.assess.verdict": "Oordeel (Enter kiest)",
    "tui.assess.no_verdict": "nog geen oordeel",
    "tui.assess.finding": "Bevinding",
    "tui.assess.finding_title": "bevinding",
    "tui.assess.draft": "concept uit de notities: pas aan",
    "tui.assess.conflict": "Tegenstrijdige voorstellen; kies het eindoordeel:",
    "tui.assess.proposals": "Voorstellen van auditoren:",
    "tui.assess.status": "{decided} een oordeel · {conflicts} met tegenstrijdige voorstellen",
    "tui.assess.saved": "Opgeslagen.",
    "tui.assess.all_decided": "Alle normen hebben een oordeel.",
    # report preview
    "tui.preview.title": "Conceptrapport",
    "tui.preview.building": "Rapport opbouwen…",
    "tui.preview.rebuild": "Opnieuw",
    "tui.preview.file": "Bestand:",
    "tui.preview.export_md": "Markdown",
    "tui.preview.export_html": "HTML",
    "tui.preview.export_docx": "Word",
    "tui.preview.export_json": "JSON",
    "tui.preview.exported": "Opgeslagen: {path}",
    # merge
    "tui.merge.title": "Samenvoegen",
    "tui.merge.intro": (
        "Voeg sessielogs van andere auditoren toe: bundels (.zip), sessiebestanden of mappen. "
        "Eén pad per regel. Samenvoegen twee keer doen verandert niets; er gaat niets verloren."
    ),
    "tui.merge.paths": "Paden",
    "tui.merge.start": "Samenvoegen",
    "tui.merge.no_paths": "Geef minstens één pad op.",
    "tui.merge.busy": "Bezig…",
    "tui.merge.done": "Klaar: audit {audit}.",
    "tui.merge.failed": "Niet samengevoegd; de audit is ongewijzigd. {reason}",
    # quit confirmation
    "tui.quit.title": "Niet opgeslagen tekst",
    "tui.quit.body": (
        "In de invoerregel staat nog tekst die niet als notitie is opgeslagen:\n\n{text}\n\n"
        "Alle opgeslagen notities blijven bewaard."
    ),
    "tui.quit.save": "Opslaan en afsluiten",
    "tui.quit.discard": "Afsluiten zonder deze tekst",
    "tui.quit.stay": "Terug",
    # help
    "tui.help.title": "Hulp",
    "tui.help.keys_header": "Toetsen op dit scherm",
    "tui.help.data_dir": "Gegevensmap: `{data_dir}`",
    "tui.help.body": """\
# Notities typen

Typ tijdens het gesprek gewoon wat u hoort of ziet en druk op **Enter**. De notitie is
opgeslagen zodra ze in het gesprek verschijnt. Tags mogen overal in de tekst staan;
hoofdletters maken niet uit.

| Tag | Betekenis | Voorbeelden |
|-----|-----------|-------------|
| `#norm` | de norm(en) waar de notitie over gaat | `#V5` `#d11` `#O23` |
| `@bewijs` | het soort bewijs | `@document` (`@doc`), `@registratie` (`@reg`), `@voorbeeld` (`@vb`), `@gegevens` (`@data`), `@observatie` (`@obs`) |
| `!soort` | de soort notitie (standaard: bevinding) | `!knelpunt` `!suggestie` `!compliment` `!zorgpunt` |

Een notitie zonder `#`-tag hoort bij de norm in het gidspaneel. Een notitie met `@`-bewijs
telt als *feitelijk*. Een onbekende tag geeft een foutmelding onder de invoerregel; uw tekst
blijft staan zodat u hem kunt verbeteren.

Tijdens het typen van `#`, `@` of `!` verschijnt een lijst: **↑/↓** kiezen, **Tab** of
**Enter** vult aan, **Esc** sluit de lijst.

# Dekking

Elke norm moet minstens zo vaak als de streefwaarde (standaard 3) getoetst worden, bij
verschillende bronnen en zo feitelijk mogelijk. Een gesprek telt één keer per norm, hoeveel
notities u er ook over maakt. Rood: nog geen bron; geel: onder de streefwaarde; groen: op streefwaarde (dat is nog geen oordeel).

# Gesprek

**{prev}** en **{next}** lopen door de normen voor de rollen van de gesprekspartner, **{gap}**
springt naar de norm met de minste dekking, **Ctrl+P** zoekt elke norm op nummer of woorden en
elke actie op naam. **↑/↓** kiezen een notitie; **{edit}** wijzigt de gekozen (of laatste)
notitie. Verwijderen: **Tab** naar de notities, kies er een en druk op **{delete}** (of kies
“Notitie verwijderen” met Ctrl+P); **{undo}** maakt de laatste toevoeging, wijziging of
verwijdering ongedaan. Eerdere versies blijven bewaard. **Esc** sluit alleen een keuzelijst of
stopt het wijzigen. **{leave}** verlaat het gesprek: later verder of beëindigen ({end}).
Afsluiten kan altijd: wat in het gesprek staat, is opgeslagen.
""",
}
