"""Dutch texts of the domain, the store, the assistant's guidance and the CLI."""

DUTCH: dict[str, str] = {
    # note syntax
    "tag.unknown_norm": "Onbekende norm '{tag}': deze editie kent {valid}.",
    "tag.unknown_evidence": "Onbekend bewijstype '{tag}'. Geldig: {valid}.",
    "tag.unknown_kind": "Onbekende soort '{tag}'. Geldig: {valid}.",
    "tag.empty": "Lege notitie: typ eerst tekst.",
    "tag.bad_character": "De notitie bevat een ongeldig teken op positie {position}; verwijder het en probeer opnieuw.",
    # kinds and evidence, as the user sees them
    "kind.bevinding": "bevinding",
    "kind.knelpunt": "knelpunt",
    "kind.suggestie": "suggestie",
    "kind.compliment": "compliment",
    "kind.zorgpunt": "zorgpunt",
    "evidence.document": "document",
    "evidence.registratie": "registratie",
    "evidence.voorbeeld": "voorbeeld",
    "evidence.gegevens": "gegevens",
    "evidence.observatie": "observatie",
    "session_kind.interview": "interview",
    "session_kind.documentstudie": "documentstudie",
    "session_kind.observatie": "observatie",
    "status.none": "geen bronnen",
    "status.below": "onder streefwaarde",
    "status.met": "op streefwaarde",
    # store
    "store.corrupt": "Bestand {path} is beschadigd ({reason}); het is apart gezet in {quarantine}.",
    "store.foreign": "Bestand {path} is geen bestand van interview-assistant; het is apart gezet in {quarantine}.",
    "store.newer": (
        "Bestand {path} is gemaakt met een nieuwere versie (schema {found}, deze versie kent "
        "{supported}); het is apart gezet in {quarantine}. Werk interview-assistant bij."
    ),
    "store.no_access": (
        "Geen toegang tot {path} ({reason}); het bestand blijft staan. Geef uw account weer "
        "lees- en schrijfrechten (bijvoorbeeld met chown of chmod) en probeer opnieuw."
    ),
    "store.read_failed": "Bestand {path} kan nu niet worden gelezen: {reason}; het blijft staan.",
    "store.not_a_folder": "{path} hoort een map te zijn, maar is een bestand; zet het opzij en probeer opnieuw.",
    "store.data_dir_file": "De datamap {path} kan niet: {file} is een bestand, geen map.",
    "store.data_dir_system": "De datamap {path} ligt in een systeemmap; kies een map in uw eigen gebruikersmap.",
    "store.loose_tightened": (
        "{path} was ook voor anderen toegankelijk (rechten {mode}); alleen u heeft er nu toegang toe."
    ),
    "store.loose_not_ours": (
        "{path} is ook voor anderen toegankelijk (rechten {mode}) en is niet van u, dus de "
        "rechten blijven zo; laat de eigenaar ze beperken."
    ),
    "store.foreign_short": "geen bestand van interview-assistant",
    "store.newer_short": "gemaakt met een nieuwere versie",
    "store.corrupt_short": "beschadigd",
    "store.bad_file_left": (
        "Bestand {path} is niet bruikbaar ({why}); het blijft staan, want de datamap wordt "
        "via een synchronisatiedienst gedeeld."
    ),
    "store.synced_folder": (
        "De datamap {path} ligt in een map die {engine} deelt tussen computers ({root}). Eén "
        "datamap mag niet via een synchronisatiedienst gedeeld worden: wissel sessies uit met "
        "export en merge. Tot dan verplaatst of verwijdert dit programma daar niets wat het niet "
        "zelf net schreef."
    ),
    "exchange.export_too_large": (
        "{source}: te groot voor een bundel ({size} bytes; de samenvoeging neemt er maximaal "
        "{limit}); er is niets geschreven."
    ),
    "exchange.export_too_many": (
        "{source}: te veel bestanden voor een bundel ({count}; de samenvoeging neemt er maximaal "
        "{limit}); exporteer minder sessies tegelijk."
    ),
    "exchange.merge_too_large": (
        "{source}: samen met de invoer ervoor is dit meer dan één samenvoeging aankan ({limit} "
        "bytes); voeg in delen samen. Er is niets veranderd."
    ),
    "store.audit_missing": "Audit '{audit}' bestaat niet in {data_dir}.",
    "store.audit_ambiguous": "Audit-id '{audit}' is niet uniek: {matches}.",
    "store.session_missing": "Sessie '{session}' bestaat niet in audit {audit}.",
    "store.session_ambiguous": "Sessie-id '{session}' is niet uniek: {matches}.",
    "store.note_missing": "Notitie '{note}' bestaat niet in sessie {session}.",
    "store.audit_unreadable": "De auditgegevens van {audit} zijn niet bruikbaar: {reason}",
    "store.edition_mismatch": (
        "Audit {audit} gebruikt catalogus-editie {audit_edition}, maar {path} is gemaakt met "
        "editie {file_edition}."
    ),
    "store.write_failed": "Opslaan is mislukt ({reason}). Uw tekst is niet verloren; probeer opnieuw.",
    # why the system refused a read or write (see domain.errors.describe_os_error)
    "os_error.ENOSPC": "de schijf is vol",
    "os_error.EDQUOT": "uw schijfruimte (quotum) is op",
    "os_error.EFBIG": "het bestand zou groter worden dan het systeem toestaat",
    "os_error.EIO": "de schijf gaf een lees- of schrijffout",
    "os_error.EPERM": "het systeem staat dit niet toe",
    "os_error.EACCES": "geen toegang",
    "os_error.EROFS": "de schijf is alleen-lezen",
    "os_error.EXDEV": "het bestand kan niet naar een andere schijf worden verplaatst",
    "os_error.ENOTDIR": "een deel van het pad is een bestand, geen map",
    "os_error.EISDIR": "dit is een map, geen bestand",
    "os_error.ENOENT": "het bestaat niet",
    "os_error.EEXIST": "er staat al iets met die naam",
    "os_error.ENAMETOOLONG": "de naam is te lang",
    "os_error.ELOOP": "het pad verwijst in een kring naar zichzelf",
    "os_error.EMFILE": "er zijn te veel bestanden tegelijk open",
    "os_error.other": "het systeem meldt: {detail}",
    "os_error.with_path": "{reason} ({path})",
    "session.ended": "Sessie {session} is al beëindigd op {ended}.",
    "session.same_as_bad": (
        "'{reference}' is geen verwijzing naar een gesprekspartner; schrijf SESSIE of SESSIE:N."
    ),
    "session.same_as_unknown": (
        "Geen gesprekspartner '{reference}' in een eerder interview van deze audit."
    ),
    "session.person_option": "{label}, gesprek {number} ({auditor}, {started})",
    "session.no_roles": "Geef minstens één rol van de geïnterviewde op (bijv. P).",
    "session.unknown_role": "Onbekende rol '{role}'. Geldig: {valid}.",
    "session.unknown_kind": "Onbekende soort sessie '{kind}'. Geldig: {valid}.",
    "audit.blank_organisation": "De naam van de organisatie is leeg; geef de organisatie op.",
    "session.blank_auditor": "De naam van de auditor is leeg; geef uw naam op.",
    "session.blank_function": "De functie van een gesprekspartner is leeg; geef de functie op.",
    "audit.bad_target": "Het streefaantal moet een geheel getal van 1 of meer zijn.",
    # the assistant's side of the chat
    "guide.none": "{norm}: nog geen bronnen (0 van {target}).",
    "guide.below": "{norm}: {sources} van {target} bronnen, {factual} feitelijk.",
    "guide.below_no_facts": (
        "{norm}: {sources} van {target} bronnen, nog geen document of registratie: vraag ernaar."
    ),
    "guide.met": "{norm}: streefwaarde gehaald ({sources} van {target} bronnen, {factual} feitelijk).",
    "guide.met_no_facts": (
        "{norm}: {sources} van {target} bronnen, maar nog niets feitelijks: vraag naar een document of registratie."
    ),
    "guide.ask_for": "Vraag naar: {evidence}.",
    "guide.next_gap": "Volgende gat: {norm} ({sources} van {target}).",
    "guide.no_gap": "Alle normen voor deze rollen hebben hun streefwaarde gehaald.",
    "guide.question": "{norm} — {question}",
    "guide.saved": "Opgeslagen ({time}).",
    # command line
    "cli.description": (
        "Interview-assistent voor audits van het Kwaliteitslabel Sociaal Werk. "
        "Zonder subcommando start de schermapplicatie."
    ),
    "cli.error": "Fout: {message}",
    "cli.warning": "Let op: {message}",
    "cli.note_line_error": "regel {line}: {message}",
    "cli.line_not_utf8": (
        "bevat bytes die geen UTF-8-tekst zijn (byte {position}); er is vanaf hier niets "
        "opgeslagen. Sla het bestand op als UTF-8 en lever de rest opnieuw aan."
    ),
    "cli.lines_not_saved": (
        "de notities vanaf regel {first} zijn niet opgeslagen: {reason}. De id's hierboven "
        "zijn van de regels die wel zijn opgeslagen."
    ),
    "cli.no_audits": "Nog geen audits in {data_dir}.",
    "cli.catalogue_unknown_role": "Onbekende rol '{role}'. Geldig: {valid}.",
    "cli.session_notes_header": "Notities ({count}):",
    "cli.coverage_header": "Dekking per norm (streefwaarde {target} bronnen)",
    "cli.data_dir_conflict": (
        "--data-dir noemt twee verschillende mappen: '{first}' en '{second}'. "
        "Geef de datamap één keer op (voor of na het subcommando)."
    ),
    "cli.not_saved": "{what} is niet opgeslagen: {reason}.",
    "cli.failed": "Het is niet gelukt: {reason}.",
    "cli.saving.audit_new": "De nieuwe audit",
    "cli.saving.session_start": "De nieuwe sessie",
    "cli.saving.session_end": "Het einde van de sessie",
    "cli.saving.note": "De notitie",
    "cli.saving.verdict": "Het oordeel",
    "cli.saving.trend_add": "Het trendpunt",
    "cli.saving.trend_edit": "Het trendpunt",
    "cli.saving.trend_hide": "Het trendpunt",
    "cli.saving.text": "De tekst",
    "cli.saving.demo": "De demo-audit",
    "cli.bad_argument": (
        "{argument} bevat bytes die geen UTF-8-tekst zijn; geef de tekst als UTF-8 op."
    ),
    "cli.data_dir_empty": "--data-dir is leeg: geef de map met de audits op.",
}
