"""Dutch texts of assessing, merging, exporting and the draft report (keys ``report.*``)."""

DUTCH: dict[str, str] = {
    # store
    "report.store.bad_row": "Een regel in tabel '{table}' van {path} is onleesbaar ({reason}); "
    "hij is overgeslagen.",
    # assessing
    "report.draft.omitted": "… en nog {count} notities; zie het beoordelingsscherm.",
    "report.draft.omitted_one": "… en nog één notitie; zie het beoordelingsscherm.",
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
    "report.progress.export": "Exporteren: sessie {item}",
    "report.progress.read": "Invoer lezen: {item}",
    "report.progress.check": "Controleren: sessie {item}",
    "report.progress.write": "Wegschrijven naar audit {item}",
    "report.export.done": "Bundel {path}: audit {audit} ({org}), {sessions}, {notes}.",
    # the draft report (wording of the example report, seed document 003)
    "report.title": "Resultaat Toetsing Kwaliteitsnormen Sociaal Werk — {organisation}",
    "report.intro": (
        "In dit format worden de toetsingsresultaten gedocumenteerd. De Samenvatting uitkomst "
        "Toetsing (A.) levert u in bij Sociaal Werk Nederland. De Bevindingen Toetsing "
        "Kwaliteitslabel Sociaal Werk (B.) levert u aan bij de getoetste organisatie."
    ),
    "report.draft_note": (
        "Conceptrapport, samengesteld uit de notities en oordelen van audit {audit} "
        "(normenkader versie {edition}). Alleen voor het auditteam."
    ),
    "report.concept": "CONCEPT",
    "report.questions.title": "Open vragen",
    "report.questions.intro": (
        "Werkdata voor het auditteam; staat niet in de definitieve versie. Vragen uit de "
        "notities bij normen zonder oordeel van de teamleider, en normen die nog in geen "
        "gesprek of documentstudie aan bod kwamen."
    ),
    "report.questions.item": "{norm}: {text} ({function})",
    "report.questions.item_nowhere": "{norm}: {text}",
    "report.questions.not_discussed": "Nog niet besproken: {norms}.",
    "report.questions.none": "Geen open vragen.",
    "report.provisional": (
        "Voorlopig: {open} nog geen oordeel van de teamleider ({norms}). De telling en het "
        "advies hieronder gelden pas als elke norm beoordeeld is."
    ),
    "report.part_a_only": "Dit document bevat alleen deel A (samenvatting).",
    "report.part_b_only": "Dit document bevat alleen deel B (bevindingen).",
    "report.subject": "Kwaliteitslabel Sociaal Werk: resultaat toetsing, normenkader {edition}",
    "report.header": "{organisation}",
    "report.header_draft": "{organisation} — CONCEPT",
    "report.footer_page": "Pagina ",
    "report.footer_of": " van ",
    "report.parta.title": "A. Samenvatting uitkomst Toetsing",
    "report.parta.core": "Kerngegevens toetsing",
    "report.parta.core_item": "Kerngegeven",
    "report.parta.core_value": "Invulling",
    "report.core.empty": "(nog invullen)",
    "report.core.observation": "tijdens rondgang op locatie {location}",
    "report.core.observation_with": "tijdens rondgang op locatie {location}: {people}",
    "report.core.observation_nowhere": "tijdens rondgang: {people}",
    "report.core.organisation": "Naam lid organisatie",
    "report.core.address": "Adres lid organisatie",
    "report.core.website": "Website organisatie",
    "report.core.contact_name": "Naam contactpersoon",
    "report.core.contact_email": "Mailadres contactpersoon",
    "report.core.contact_phone": "Telefoon contactpersoon",
    "report.core.scope": "Scope (werkprocessen / organisatieonderdelen, die getoetst zijn)",
    "report.core.size": (
        "Omvang organisatie (aantal medewerkers, aantal fte en aantal locaties) voor zover "
        "'in de scope'"
    ),
    "report.core.audit_form": (
        "Gekozen vorm van het onderzoek (intercollegiale adviesmeting, combi ICT met CI, alleen "
        "CI op het label, Combi Label en ISO/HKZ door CI)"
    ),
    "report.core.self_evaluation": "Zelfevaluatie ingeleverd op",
    "report.core.visit": "Onderzoek ter plaatse uitgevoerd op (datum/data) en op locaties",
    "report.core.peer_auditors": "Intercollegiale Toetsers (namen en organisatie waar men werkt)",
    "report.core.lead_auditor": "Verantwoordelijke CI en teamleider",
    "report.core.partners": "Gesprekspartners (geen namen, alleen functies)",
    "report.core.report_to_member": (
        "Datum verslag team (na interne controle) naar lid organisatie"
    ),
    "report.core.improvement_plan_received": "Datum ontvangst verbeterplan met akkoord",
    "report.core.report_final": "Datum verslag definitief met akkoord lid organisatie",
    "report.core.summary_sent": "Datum inzending samenvatting naar Sociaal Werk Nederland",
    "report.parta.result": "Overall resultaat toetsing",
    "report.parta.result_note": "NB de nummers verwijzen naar de nummers in het kwaliteitskader",
    "report.parta.result_section": "Onderdeel norm",
    "report.parta.result_col.+": "Nrs. normen die voldoen",
    "report.parta.result_col.+/-": "Nrs. normen met verbeterpunt",
    "report.parta.result_col.-": "Nrs. normen voldoen niet",
    "report.parta.result_col.nvt": "Nrs. normen niet van toepassing",
    "report.parta.result_col.nb": "Nrs. normen niet beoordeeld",
    "report.parta.result_total": "Resultaat totaal",
    "report.parta.of_total": "{count} van de {total}",
    "report.parta.explanation": "Toelichting",
    "report.parta.trend": "Input voor trendanalyses branche",
    "report.parta.strong": "Opvallend sterke punten (Complimenten)",
    "report.parta.concerns": "Meest in oog springende verbeterpunten (Zorgpunten)",
    "report.parta.strong_omitted": (
        "Nog {count} sterke punten staan niet in deze lijst. Kies in het beoordelingsscherm "
        "welke punten het rapport noemt."
    ),
    "report.parta.strong_omitted_one": (
        "Nog één sterk punt staat niet in deze lijst. Kies in het beoordelingsscherm welke "
        "punten het rapport noemt."
    ),
    "report.parta.concerns_omitted": (
        "Nog {count} zorgpunten staan niet in deze lijst. Kies in het beoordelingsscherm "
        "welke punten het rapport noemt."
    ),
    "report.parta.concerns_omitted_one": (
        "Nog één zorgpunt staat niet in deze lijst. Kies in het beoordelingsscherm welke "
        "punten het rapport noemt."
    ),
    "report.parta.no_trend": "Nog geen complimenten of zorgpunten genoteerd.",
    "report.parta.advice": (
        "Advies (alleen in te vullen door CI) inzake toekenning keurmerk Sociaal werk"
    ),
    "report.parta.plan": "Plan van aanpak nodig voor:",
    "report.parta.plans_final": "Plannen van aanpak:",
    "report.parta.signature": "Datum, naam en handtekening verantwoordelijke teamleider",
    "report.parta.sign_date": "Datum",
    "report.parta.sign_place": "Plaats",
    "report.parta.sign_name": "Naam",
    "report.parta.sign_here": "Handtekening",
    "report.parta.advice_pending": "volgt",
    "report.plan.status_none": "nog niet ontvangen",
    "report.plan.status_received": "ontvangen op {received}, nog niet goedgekeurd",
    "report.plan.status_approved": "goedgekeurd op {approved}",
    "report.advice.positive": (
        "Een positief advies is mogelijk: de organisatie voldoet aan alle beoordeelde normen."
    ),
    "report.advice.positive_with_plan": (
        "Een positief advies is mogelijk zodra de CI voor elk van de {count} normen hieronder "
        "een plan van aanpak heeft goedgekeurd."
    ),
    "report.advice.positive_with_plan_one": (
        "Een positief advies is mogelijk zodra de CI het plan van aanpak voor de norm "
        "hieronder heeft goedgekeurd."
    ),
    "report.advice.negative": (
        "Een positief advies is niet mogelijk: de organisatie voldoet bij {not_met} niet "
        "(toegestaan: hooguit {max_not_met}) en heeft bij {improvement} een verbeterpunt "
        "(toegestaan: hooguit {max_improvement})."
    ),
    "report.advice.provisional": (
        "Nog geen advies mogelijk: {open} nog geen oordeel van de teamleider ({norms})."
    ),
    "report.advice.conflicts": (
        "Bij {norms} verschillen de voorgestelde oordelen; de teamleider beslist."
    ),
    "report.advice.recorded.positief": (
        "Positief: de verbeterplannen voor de normen die deels of niet voldoen zijn opgesteld "
        "en goedgekeurd."
    ),
    "report.advice.recorded.positief_partly": (
        "Positief: de verbeterplannen voor de normen die deels voldoen zijn opgesteld en "
        "goedgekeurd."
    ),
    "report.advice.recorded.positief_clean": (
        "Positief: de organisatie voldoet aan alle beoordeelde normen."
    ),
    "report.advice.recorded.negatief": (
        "Negatief: de organisatie voldoet niet aan de voorwaarden voor het kwaliteitslabel."
    ),
    "report.count.norms_none": "geen enkele norm",
    "report.verdict.+": "voldoet",
    "report.verdict.+/-": "verbeterpunt",
    "report.verdict.-": "voldoet niet",
    "report.verdict.nvt": "niet van toepassing",
    "report.verdict.nb": "niet beoordeeld",
    "report.partb.title": "B. Bevindingen Toetsing Kwaliteitsnormen Sociaal Werk",
    "report.partb.explanation": "Toelichting",
    "report.partb.rule1": (
        "Een organisatie kan geheel, deels of niet voldoen aan een norm. Voldoen aan een norm "
        "betekent dat dit in de praktijk is aangetoond. Het hebben van een document waar in "
        "staat dat men het geregeld heeft is niet voldoende; het gaat om het handelen in de "
        "praktijk!"
    ),
    "report.partb.rule2": (
        "De uitkomsten van de toetsing worden per norm beknopt weergegeven in de middelste "
        "kolom en onderbouwd met voorbeelden, citaten, gegevens, documenten, e.d."
    ),
    "report.partb.rule3": (
        "In de rechterkolom staat het oordeel: voldoet (+), verbeterpunt (+/-), en voldoet niet "
        "(-); nvt is niet van toepassing, nb is niet beoordeeld."
    ),
    "report.partb.rule4": (
        "Organisaties die opgaan voor het Kwaliteitslabel versie {edition} moeten voor alle "
        "normen waar zij nog niet (max. 3 normen) of nog niet volledig (max. 8 normen) aan "
        "voldoen eerst een plan van aanpak voorleggen aan de CI. Na goedkeuring van dat plan kan "
        "de CI positief adviseren het kwaliteitslabel voor 2 jaar toe te kennen / te "
        "continueren."
    ),
    "report.partb.section": "Kwaliteitsnormen {name}",
    "report.partb.finding": "Bevindingen en verbeterpunten toetsing",
    "report.partb.finding_short": "Bevindingen toetsing",
    "report.partb.verdict": "Oordeel +; +/-; -",
    "report.partb.verdict_short": "Oordeel",
    "report.partb.draft_label": "Concept uit de notities (nog geen bevinding):",
    "report.partb.no_notes": "Geen notities.",
    "report.partb.conflict": "Oordelen verschillen: {proposals}.",
    "report.partb.proposed": "Voorstel, nog geen oordeel van de teamleider: {proposals}.",
    "report.partb.open": "open",
    "report.partb.below_target": "Onder streefwaarde: {sources} van {target} bronnen.",
    # command line
    "report.cli.bad_verdict": "Onbekend oordeel '{verdict}'. Geldig: {valid}.",
    "report.cli.decided": "{norm}: eindoordeel {verdict} ({label}) vastgelegd.",
    "report.cli.proposed": "{norm}: voorstel van {auditor}: {verdict} ({label}) vastgelegd.",
    "report.cli.conflict": (
        "Let op: de voorstellen voor {norm} verschillen ({proposals}); de teamleider beslist "
        "met 'verdict' zonder --auditor."
    ),
    "report.cli.agreed": "(eensluidend voorstel, nog geen eindoordeel)",
    "report.cli.decided_count": "{decided} een eindoordeel.",
    "report.cli.bad_trend_kind": "Onbekende soort '{kind}': kies sterk of zorg.",
    "report.cli.text_saved": "Tekst '{key}' opgeslagen.",
    "report.cli.bad_format": "Kies een formaat met --format ({valid}) of een passende extensie.",
    "report.cli.docx_stdout": "Een Word-bestand kan niet naar stdout; geef een bestandsnaam.",
    "report.cli.hidden": "[verborgen]",
    "report.cli.bad_date": "Ongeldige datum '{value}' bij {option}: {reason}",
    "report.cli.advice_saved": "Advies '{decision}' vastgelegd.",
    "report.cli.plan_saved": "{norm}: plan van aanpak {status}.",
    "report.cli.final_refused": "Geen definitief rapport:",
    "report.cli.field_saved": "{label}: opgeslagen.",
    # the advice, the plans and the final report refused, with every reason
    "report.refuse.final": "Het definitieve rapport kan nog niet worden gemaakt:\n{reasons}",
    "report.refuse.advice": "Dit advies kan niet worden vastgelegd:\n{reasons}",
    "report.refuse.open": "nog geen oordeel van de teamleider bij {norms}",
    "report.refuse.conflicts": "de voorgestelde oordelen verschillen bij {norms}; beslis eerst",
    "report.refuse.no_advice": "het advies van de CI is nog niet vastgelegd",
    "report.refuse.too_many_not_met": (
        "positief kan niet: {count} normen voldoen niet ({norms}), hooguit {max} toegestaan"
    ),
    "report.refuse.too_many_improvement": (
        "positief kan niet: {count} normen hebben een verbeterpunt, hooguit {max} toegestaan"
    ),
    "report.refuse.plan_not_approved": (
        "positief kan niet: het plan van aanpak is nog niet goedgekeurd voor {norms}"
    ),
    "report.plan.not_needed": (
        "{norm} heeft geen oordeel - of +/- van de teamleider; alleen die normen hebben een plan "
        "van aanpak nodig."
    ),
    "report.plan.approved_before_received": (
        "{norm}: goedgekeurd op {approved} ligt vóór ontvangen op {received}."
    ),
    # core data fields (audit set, audit fields, the TUI form)
    "report.field.unknown": "Onbekend veld '{field}'. Velden: {fields}.",
    "report.field.bad": "{label} ({field}): {reason}",
    "report.field.bad_date": (
        "'{value}' is geen datum; schrijf bijvoorbeeld 10-3-2026, 10 maart 2026 of 2026-03-10."
    ),
    "report.field.bad_choice": "'{value}' is geen keuze; kies uit: {choices}.",
    "report.field.organisation_empty": "De naam van de organisatie mag niet leeg zijn.",
    "report.field.organisation": "Naam lid-organisatie",
    "report.field.address": "Adres lid-organisatie",
    "report.field.website": "Website organisatie",
    "report.field.contact_name": "Naam contactpersoon",
    "report.field.contact_email": "Mailadres contactpersoon",
    "report.field.contact_phone": "Telefoon contactpersoon",
    "report.field.scope": "Scope (één werkproces of onderdeel per regel)",
    "report.field.size": "Omvang organisatie (medewerkers, fte, locaties in de scope)",
    "report.field.audit_form": "Gekozen vorm van het onderzoek",
    "report.field.certification": "Eerste certificering of hercertificering",
    "report.field.self_evaluation": "Zelfevaluatie ingeleverd op",
    "report.field.visit_dates": "Onderzoek ter plaatse uitgevoerd op (data)",
    "report.field.locations": "Locaties van het onderzoek (één per regel)",
    "report.field.peer_auditors": "Intercollegiale toetsers (namen en organisatie)",
    "report.field.lead_auditor": "Verantwoordelijke CI en teamleider",
    "report.field.report_to_member": "Datum verslag team naar lid-organisatie",
    "report.field.improvement_plan_received": "Datum ontvangst verbeterplan met akkoord",
    "report.field.report_final": "Datum verslag definitief met akkoord lid-organisatie",
    "report.field.summary_sent": "Datum inzending samenvatting naar Sociaal Werk Nederland",
    "report.form.choose": "(kies)",
    # house-style templates
    "report.template.default_name": "standaardsjabloon",
    "report.template.unreadable": "Sjabloon {path} kan niet gelezen worden ({reason}).",
    "report.template.too_large": "Sjabloon {path} is te groot voor een rapportsjabloon.",
    "report.template.not_docx": "Sjabloon {path} is geen Word-bestand (.docx).",
    "report.template.broken": (
        "Sjabloon {path} klopt niet bij de tag {tag}: {reason}. Er is niets geschreven."
    ),
    "report.template.needs_docx": "--template werkt alleen met --format docx.",
    # the TUI's report-texts and plan editors
    "report.tui.title": "Rapportteksten en advies",
    "report.tui.explanation": "Toelichting (deel A)",
    "report.tui.advice_text": "Toelichting bij het advies (vrije tekst)",
    "report.tui.trend": "Sterke punten en zorgpunten (kies een punt om het te bewerken)",
    "report.tui.trend_kind.sterk": "Sterk punt",
    "report.tui.trend_kind.zorg": "Zorgpunt",
    "report.tui.hidden": "(verborgen)",
    "report.tui.hide": "Verbergen",
    "report.tui.show": "Weer tonen",
    "report.tui.add_strong": "Nieuw sterk punt",
    "report.tui.add_concern": "Nieuw zorgpunt",
    "report.tui.new_point": "Nieuw punt",
    "report.tui.advice": "Advies van de CI inzake toekenning van het kwaliteitslabel",
    "report.tui.decision.positief": "Positief",
    "report.tui.decision.negatief": "Negatief",
    "report.tui.advice_date": "Datum ondertekening, bijv. 10-4-2026",
    "report.tui.advice_by": "Verantwoordelijke teamleider",
    "report.tui.advice_place": "Plaats",
    "report.tui.record_advice": "Advies vastleggen",
    "report.tui.no_advice": "Nog geen advies vastgelegd.",
    "report.tui.advice_recorded": "Vastgelegd advies: {decision}.",
    "report.tui.choose_decision": "Kies positief of negatief.",
    "report.tui.edit_texts": "Teksten en advies",
    "report.tui.version.draft": "Concept",
    "report.tui.version.final": "Definitief",
    "report.tui.part.AB": "Deel A en B",
    "report.tui.part.A": "Alleen deel A",
    "report.tui.part.B": "Alleen deel B",
    "report.tui.plan_received": "Plan van aanpak ontvangen op",
    "report.tui.plan_approved": "Plan van aanpak goedgekeurd op",
    "report.tui.plan_saved": "Plan van aanpak opgeslagen.",
    "report.form.from_sessions": "Data en locaties overnemen uit de sessies",
    "report.field.kind.tekst": "tekst",
    "report.field.kind.regels": "meerdere regels",
    "report.field.kind.keuze": "keuze",
    "report.field.kind.datum": "datum",
    "report.field.kind.data": "data, met komma's",
    # why an input is refused (filled into the report.exchange.* messages)
    "report.reason.empty_name": "lege naam",
    "report.reason.nul": "nul-teken in naam",
    "report.reason.absolute": "absoluut pad",
    "report.reason.backslash": "backslash in naam",
    "report.reason.dotdot": "'..' in pad",
    "report.reason.not_zip": "geen geldig zip-bestand",
    "report.reason.symlink": "symbolische koppeling",
    "report.reason.duplicate_entry": "dubbel item '{entry}'",
    "report.reason.encrypted": "'{entry}' is versleuteld",
    "report.reason.ratio": "{packed} bytes die uitpakken tot {size}",
    "report.reason.unknown_entry": "onbekend item '{entry}'",
    "report.reason.missing_entry": "item '{entry}' ontbreekt",
    "report.reason.checksum": "controlegetal van '{entry}' klopt niet",
    "report.reason.size_mismatch": "inhoud klopt niet met opgegeven grootte ({error})",
    "report.reason.size_read": "{read} bytes gelezen, {size} opgegeven",
    "report.reason.manifest_audit": "audit zonder editie of organisatie",
    "report.reason.manifest_line": "ongeldige regel voor {entry}",
    "report.reason.no_audit": "geen audit",
    "report.reason.not_utf8": "geen UTF-8",
    "report.reason.too_deep": "te diep genest",
    "report.reason.no_schema": "geen schemaversie",
    "report.reason.bad_table": "tabel '{table}' is ongeldig",
    "report.reason.session_twice": "sessiegegevens komen twee keer voor",
    "report.reason.unknown_table": "onbekende tabel {table}",
    "report.reason.note_id": "ongeldig of dubbel notitie-id",
    "report.reason.other_session": "hoort bij sessie {session}",
    "report.reason.naive_time": "tijd zonder tijdzone",
    "report.reason.no_text": "geen tekst",
    "report.reason.bad_fields": "ongeldige tijd, tekst, tags of soort",
    "report.reason.in_note": "notitie {note}: {reason}",
}
