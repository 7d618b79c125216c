"""Build the shipped demo audit in ``sessions/demo`` (or in the folder given as argument).

The demo is what a new user sees first, so it reads like a real audit of a broad welfare
organisation: two auditors, ten sessions of different kinds and roles, notes with tags,
and a coverage picture with gaps. Everything in it is fictional; interviewees are named
by function only.

Ids and timestamps are fixed, so running this script twice gives identical files and the
committed demo only changes when this script does. Run it with::

    python sessions/build_demo.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from interview_assistant.domain.audit import Audit, CoreData
from interview_assistant.domain.note import Note, Revision
from interview_assistant.domain.session import Interviewee, Session, SessionKind
from interview_assistant.domain.tags import parse_note
from interview_assistant.storage.repository import AuditStore
from norm_catalogue import load_catalogue

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "demo"

#: Europe/Amsterdam on the visit days: both fall in winter time (UTC+01:00). A fixed offset
#: keeps the files identical on machines without a time zone database.
AMSTERDAM_WINTER = timezone(timedelta(hours=1))

ORGANISATION = "Stichting Welzijn De Brug"
EDITION = "2019"
TEAM = ("Ingrid", "Ruben")

CORE = CoreData(
    address="Brugplein 4, Lindewaard (fictief adres)",
    website="www.welzijndebrug.example",
    contact_name="Directeur-bestuurder (demo: geen naam)",
    contact_email="secretariaat@welzijndebrug.example",
    contact_phone="n.v.t. (demo)",
    scope=(
        "Het in de gemeenten Lindewaard, Molenveen en Heidedal bieden van: algemeen "
        "maatschappelijk werk; ouderenwerk en mantelzorgondersteuning; opbouwwerk en "
        "ondersteuning bewonersinitiatieven; jeugd- en jongerenwerk; thuisadministratie en "
        "geldzaken; vrijwilligerscentrale."
    ),
    size=(
        "Ca. 62 fte (78 medewerkers), ca. 9 stagiaires en ca. 25 bedrijfskritische "
        "vrijwilligers. Centraal bureau in Lindewaard en 6 buurtcentra en uitvalsbases."
    ),
    audit_form="Alleen Label; eerste toetsing door de CI",
    self_evaluation="2 februari 2026",
    visit_dates="10 en 11 maart 2026",
    locations=(
        "Centraal bureau Lindewaard; buurtcentrum De Brink (Lindewaard-Noord); "
        "jongerencentrum De Schakel (Molenveen)"
    ),
    peer_auditors="Niet van toepassing; de CI heeft het onderzoek alleen uitgevoerd",
    lead_auditor="Ingrid (teamleider CI) en Ruben (beoordelaar CI)",
)

CENTRAL = "Centraal bureau Lindewaard"
DE_BRINK = "Buurtcentrum De Brink, Lindewaard-Noord"
DE_SCHAKEL = "Jongerencentrum De Schakel, Molenveen"
DAY_1 = (2026, 3, 10)
DAY_2 = (2026, 3, 11)


@dataclass(frozen=True)
class DemoSession:
    """One session as written here: when, by whom, with whom, and the notes in order."""

    key: str
    auditor: str
    kind: SessionKind
    interviewees: tuple[Interviewee, ...]
    location: str
    day: tuple[int, int, int]
    start: tuple[int, int]
    minutes: int
    notes: tuple[str, ...]
    #: note index -> the text first typed, before the auditor corrected it
    first_drafts: dict[int, str] = field(default_factory=dict)


SESSIONS: tuple[DemoSession, ...] = (
    DemoSession(
        key="documentstudie",
        auditor="Ingrid",
        kind=SessionKind.DOCUMENTSTUDIE,
        interviewees=(),
        location=f"{CENTRAL}, documentenmap ter inzage",
        day=DAY_1,
        start=(8, 45),
        minutes=75,
        notes=(
            "Meerjarenbeleidsplan 2024-2027 'Samen sterk in de wijk' ingezien: missie, visie en "
            "drie strategische lijnen (preventie, samenredzaamheid, verbinden in de wijk). "
            "Medewerkers en cliëntenraad in 2023 geraadpleegd via twee werkateliers. @doc #O2",
            "Omgevingsanalyse 2025 per gemeente met demografie, signalen uit de teams en een "
            "SWOT; risico- en kanseninventarisatie met input van de teams als bijlage. @doc #O1",
            "Jaarverslag 2024 bevat resultaten per werksoort met cijfers en korte "
            "praktijkverhalen; sluit aan op de strategische lijnen. @doc #O5",
            "Privacyreglement (versie sept. 2024), klachtenregeling, meldcode huiselijk geweld en "
            "kindermishandeling met afwegingskader en regeling vertrouwenspersoon aanwezig en "
            "actueel. @doc #O17",
            "Vrijwilligersbeleid 2023 onderscheidt bedrijfskritische en overige vrijwilligers; "
            "VOG verplicht voor bedrijfskritische vrijwilligers en voor wie met kinderen of "
            "kwetsbare volwassenen werkt. @doc #O11",
            "Stagebeleid (2022): afspraken met twee hbo- en één mbo-opleiding, werkbegeleider per "
            "stagiaire, driegesprek halverwege. Niet herzien na de reorganisatie van 2024. "
            "@doc #O12 !zorgpunt",
            "RI&E: laatste volledige RI&E dateert van 2021, plan van aanpak deels afgevinkt; voor "
            "de in 2025 betrokken locatie De Schakel ontbreekt een RI&E. @doc #O16 !knelpunt",
            "Functieboek in 2024 geactualiseerd op basis van het beroepsprofiel sociaal werker; "
            "profielen sociaal werker A/B/C met competenties en bevoegdheden. @doc #O7",
            "Werkinstructie registratie: binnen 5 werkdagen na het eerste contact een "
            "ondersteuningsplan met doelen, evaluatie na uiterlijk 6 maanden. @doc #D3 #D6",
            "Steekproef 8 dossiers AMW en ouderenwerk in het cliëntvolgsysteem: 6 van 8 met "
            "ondersteuningsplan en doelen, 3 van 8 met vastgelegde tussenevaluatie. "
            "@reg @data #D6 #D8 !zorgpunt",
            "Medewerkerstevredenheidsonderzoek 2025: respons 71%, rapportcijfer werkplezier 7,6; "
            "48% noemt werkdruk als aandachtspunt. @data #O19",
            "Incidentenregistratie 2025: 14 meldingen, waarvan 11 van één locatie (De Brink); "
            "geen analyse of terugkoppeling naar de teams terug te vinden. @reg @data #D5 "
            "!knelpunt",
            "Gedragscode (2023) verwijst naar de beroepscode sociaal werker; bespreking in de "
            "teams is nergens vastgelegd. @doc #V7",
            "Format jaargesprek (2024) is competentiegericht en bevat een blok "
            "ontwikkelafspraken met terugblik op het vorige jaar. @doc #O10",
        ),
    ),
    DemoSession(
        key="teamcoach",
        auditor="Ingrid",
        kind=SessionKind.INTERVIEW,
        interviewees=(Interviewee("teamcoach wijkteam Lindewaard-Noord", ("Mng",)),),
        location=CENTRAL,
        day=DAY_1,
        start=(10, 15),
        minutes=60,
        notes=(
            "Teamcoach stuurt 14 sociaal werkers (11,2 fte) aan in twee wijken; het team werkt "
            "sinds de reorganisatie van 2024 integraal (AMW, ouderenwerk, opbouwwerk). #O7",
            "Jaarplan team 2026 getoond met vier speerpunten afgeleid van het "
            "meerjarenbeleidsplan; elke professional is aan één speerpunt verbonden. "
            "@doc #V5 #O2",
            "Tijdens de reorganisatie werden lopende trajecten met warme overdracht verdeeld; de "
            "wachttijd AMW liep op tot 6 weken en is nu 2 weken. @data #O20",
            "Risico's en kansen worden jaarlijks op een teamdag verkend; voorbeeld: signalen over "
            "schulden bij jonge gezinnen leidden tot het spreekuur Geldzaken in De Brink. "
            "@vb #O1 #O6",
            "Jaargesprekken: 9 van 14 medewerkers hadden in 2025 een vastgelegd gesprek; de rest "
            "is doorgeschoven na langdurige ziekte van de vorige teamcoach. @reg @data #O10 "
            "!knelpunt",
            "Werving nieuwe collega 2025: selectiecommissie met twee teamleden, casusopdracht in "
            "de tweede ronde, referentiecheck en VOG; inwerken met buddy gedurende 8 weken. "
            "@vb #O8",
            "Incidenten worden in het teamoverleg besproken, centraal melden gebeurt wisselend; "
            "de teamcoach weet niet precies wat de organisatie meldenswaardig vindt. #D5 "
            "!knelpunt",
            "Korte vragenlijst bij afsluiting AMW-trajecten: 112 ingevuld in 2025, gemiddeld 8,1; "
            "uitkomsten besproken in het teamoverleg van januari. @data #O22",
            "Scholingsbudget team € 450 per fte; twee medewerkers volgen de post-hbo opleiding "
            "schuldhulpverlening. @data #O9",
            "Budgetmaatjes worden via de vrijwilligerscentrale ingezet; de begeleiding is 'goed "
            "geregeld, maar hangt aan één coördinator'. #O11 !zorgpunt",
            "Bewonersinitiatief 'Moestuin Noord' ondersteund met startbudget en begeleiding door "
            "de opbouwwerker; verantwoordelijkheden in een korte overeenkomst vastgelegd. "
            "@doc @vb #O13",
            "Teamcoach wil een vast format voor de jaarlijkse teamreflectie op het "
            "Kwaliteitslabel. !suggestie #O4",
            "Verzuim team 6,8% in 2025 tegen 9,1% in 2024; maatregelen onder meer "
            "werkdrukgesprekken en herverdeling van de wijkspreekuren. @data #O16",
            "Knelpunten in werkafspraken meldt het team via de kwaliteitsfunctionaris; voorbeeld: "
            "de routekaart aanmelding AMW is in 2025 op voorstel van het team ingekort. @vb #O19",
            "Citaat teamcoach: 'We zijn goed in doen, minder in vastleggen.' Bevestigt het beeld "
            "uit de dossiersteekproef. #D6",
        ),
    ),
    DemoSession(
        key="sociaal-werker-amw",
        auditor="Ruben",
        kind=SessionKind.INTERVIEW,
        interviewees=(Interviewee("sociaal werker algemeen maatschappelijk werk", ("P",)),),
        location=CENTRAL,
        day=DAY_1,
        start=(10, 15),
        minutes=60,
        notes=(
            "Sociaal werker (hbo SPH, 7 jaar in dienst) staat in het register sociaal werker; "
            "portfolio toont 42 punten in de lopende registratieperiode. @reg #V1 #V12",
            "Vraagverheldering volgens het gespreksmodel van de organisatie; bij vermoeden van "
            "psychische problematiek verwijzing naar huisarts of POH-GGZ. Voorbeeld: cliënt met "
            "schulden en depressieve klachten. @vb #D2",
            "Geanonimiseerd ondersteuningsplan getoond: drie doelen, inzet van het netwerk (zus) "
            "en een evaluatiedatum, samen met de cliënt opgesteld. @doc @vb #D3 #V4",
            "Werkt oplossingsgericht en met het model positieve gezondheid; training in 2024 "
            "gevolgd. @vb #V10",
            "Melding bij Veilig Thuis in 2025 gedaan volgens het afwegingskader, na overleg met de "
            "aandachtsfunctionaris; casus daarna in intervisie besproken. @vb #D5 #V7",
            "Registreert contacten meestal op vrijdagmiddag in een inhaalslag; tussenevaluaties "
            "schieten er soms bij in. #D6 !zorgpunt",
            "Intervisie eens per 6 weken in een vaste groep van 5 collega's, volgens de "
            "incidentmethode. @vb #V13",
            "Maandelijks casusoverleg met het gemeentelijk wijkteam; werkafspraak (2025) regelt "
            "wie de regie heeft. @doc #D9",
            "Beveiligd mailen met cliënten en partners; toestemmingsformulier voor het delen van "
            "informatie met derden getoond. @doc #V9",
            "Zette samen met de bibliotheek de lotgenotengroep 'Rouw en verlies' op: 3 "
            "bijeenkomsten in najaar 2025, 9 deelnemers. @data @vb #V3 #V11",
            "Werkafspraken staan op intranet, maar de zoekfunctie werkt slecht: 'je moet weten "
            "waar het staat'. #V8 !knelpunt",
            "Sociaal werker stelt een korte e-learning voor over wat een incident is en wanneer "
            "je centraal meldt. !suggestie #D5",
            "Vraagt cliënten bij afsluiting om feedback via het evaluatieformulier; ontwikkeldoel "
            "2026 (groepswerk) staat in het verslag van het jaargesprek. @doc #V15",
        ),
        first_drafts={
            5: "Registreert contacten meestal op vrijdagmiddag in een inhaalslag. #D6",
        },
    ),
    DemoSession(
        key="kwaliteitsfunctionaris",
        auditor="Ruben",
        kind=SessionKind.INTERVIEW,
        interviewees=(Interviewee("kwaliteitsfunctionaris", ("BKC",)),),
        location=CENTRAL,
        day=DAY_1,
        start=(11, 30),
        minutes=60,
        notes=(
            "Kwaliteitssysteem ingericht rond 12 procesbeschrijvingen ('routekaarten') op "
            "intranet, met een eigenaar per proces. @doc #O19 #V8",
            "Vier interne audits in 2025 (registratie, vrijwilligers, privacy, meldcode); "
            "rapportages en actielijst getoond, 2 van de 7 verbeteracties afgerond. "
            "@doc @reg #O19 !zorgpunt",
            "Website vernieuwd in 2025, nieuwsbrief 6x per jaar, vaste bijdrage in de wijkkranten "
            "van Lindewaard en Molenveen; bereik sociale media per kwartaal gemeten. "
            "@doc @data #D1",
            "Het Kwaliteitslabel is in najaar 2025 besproken in een 'labelcafé' per team (5 van 7 "
            "teams). @reg #O4",
            "Klachten 2025: 4 klachten, alle binnen de termijn afgehandeld; een klacht over "
            "bejegening leidde tot een aangepaste werkinstructie telefonische bereikbaarheid. "
            "@reg @vb #O17",
            "Register datalekken: 2 meldingen in 2025 (verkeerd geadresseerde mail), één gemeld "
            "bij de Autoriteit Persoonsgegevens; oorzaak besproken in de teams. @reg #O17 #V9",
            "Pilot 'digitaal spreekuur' planmatig opgezet: projectplan, nulmeting en evaluatie na "
            "6 maanden. @doc #O6",
            "Vrijwilligersbeleid wordt in 2026 herzien; de kwaliteitsfunctionaris signaleert dat "
            "niemand de verlenging van VOG's bewaakt. #O11 !knelpunt",
            "Dashboard met prestatie-indicatoren per gemeente; kwartaalrapportage combineert "
            "cijfers met casusbeschrijvingen. @data #O22",
            "Incidenten worden gemeld via een formulier op intranet; een halfjaarlijkse analyse is "
            "gepland maar in 2025 niet uitgevoerd. @reg #D5 !knelpunt",
            "Missie en visie zijn vertaald in 'De Brug-werkwijze' (1 A4), gebruikt bij het "
            "inwerken en in de teamjaarplannen. @doc #O5",
            "Kwaliteitsfunctionaris wil de routekaarten koppelen aan zoekwoorden op intranet. "
            "!suggestie #V8",
            "Compacte, heldere routekaarten; de geïnterviewde professionals kennen ze. "
            "!compliment #O19",
        ),
    ),
    DemoSession(
        key="p-en-o",
        auditor="Ingrid",
        kind=SessionKind.INTERVIEW,
        interviewees=(Interviewee("P&O-adviseur", ("P&O",)),),
        location=CENTRAL,
        day=DAY_1,
        start=(11, 30),
        minutes=45,
        notes=(
            "Personeelsdossiers digitaal in het HR-systeem; steekproef van 5 dossiers: "
            "arbeidsovereenkomst, VOG en diploma's aanwezig, in 1 dossier ontbreekt de getekende "
            "geheimhoudingsverklaring. @reg #O15",
            "Opleidingsplan 2026 ingezien: budget 1,8% van de loonsom, prioriteit voor "
            "meldcodetraining en positieve gezondheid. @doc #O9 #V12",
            "41 van de 52 sociaal werkers staan in een beroepsregister; P&O volgt dit per "
            "kwartaal. @data #V1 #V12",
            "68% van de medewerkers had in 2025 een vastgelegd jaargesprek; P&O stuurt "
            "herinneringen, de teamcoaches zijn verantwoordelijk. @data #O10 !knelpunt",
            "Per vacature een functieprofiel met selectiecriteria en een selectieleidraad met "
            "competentievragen. @doc #O8",
            "Functiehuis 2024: functies ingedeeld volgens de cao, bevoegdheden per functie "
            "beschreven. @doc #O7",
            "Gedragscode wordt bij indiensttreding ondertekend; de beroepscode zit in het "
            "introductiepakket. @doc #V7",
            "Stagiaires: contract en VOG via P&O; 9 stageplaatsen in 2025-2026, per team "
            "vastgesteld. @reg #O12",
            "11 BHV'ers, herhalingstraining in 2025 gevolgd; op De Schakel is 's avonds geen "
            "BHV'er aanwezig. @reg #O16 !knelpunt",
            "Verzuim organisatiebreed 6,2% in 2025; maandelijks spreekuur van de bedrijfsarts. "
            "@data #O16",
            "Vertrouwenspersoon extern belegd: 2 contacten in 2025, jaarverslag van de "
            "vertrouwenspersoon ingezien. @doc #O17",
            "P&O-adviseur stelt voor kleine teams een ontwikkelgesprek in teamvorm voor in plaats "
            "van het individuele jaargesprek. !suggestie #O10",
        ),
    ),
    DemoSession(
        key="sociaal-werker-ouderen",
        auditor="Ingrid",
        kind=SessionKind.INTERVIEW,
        interviewees=(
            Interviewee("sociaal werker ouderenwerk en mantelzorgondersteuning", ("P",)),
        ),
        location=DE_BRINK,
        day=DAY_1,
        start=(13, 30),
        minutes=60,
        notes=(
            "Sociaal werker ouderenwerk, 2 jaar in dienst (voorheen wijkverpleging); stelde een "
            "eigen inwerkplan op en liep mee met een buddy en met de wijkverpleging. @vb #V2",
            "Huisbezoeken aan 75-plussers in opdracht van de gemeente: 138 in 2025; signalen over "
            "eenzaamheid leidden tot een koffieochtend op dinsdag. @data @vb #V3 #D2",
            "Overbelaste mantelzorger: samen plan gemaakt met respijt door vrijwilligers en inzet "
            "van de dochter; evaluatie na 3 maanden vastgelegd. @vb @reg #D3 #D4 #V4",
            "Zet 6 vrijwillige mantelzorgmaatjes in: tweemaandelijks overleg, scholing via de "
            "vrijwilligerscentrale, jaarlijks evaluatiegesprek dat niet altijd wordt vastgelegd. "
            "@vb #D10",
            "Werkt krachtgericht en met positieve gezondheid; kan toelichten wanneer zij bewust "
            "van de methode afwijkt. @vb #V10 #V6",
            "Trajecten mantelzorgondersteuning staan volledig in het cliëntvolgsysteem; "
            "groepsactiviteiten alleen in een eigen Excel-lijst met namen van deelnemers. "
            "@obs #D6 #V9 !zorgpunt",
            "Afspraken met wijkverpleging en huisartsen over signalering van kwetsbare ouderen; "
            "overleg 6x per jaar, nooit gezamenlijk geëvalueerd. #D9",
            "Valpartij van een bezoeker tijdens een activiteit: opgevangen en aan de teamcoach "
            "gemeld, niet via het incidentformulier. @vb #D5 !zorgpunt",
            "Deelt ervaringen in de vakgroep ouderenwerk (4x per jaar); gaf daar een presentatie "
            "over het mantelzorgcafé. @vb #V13",
            "Staat in het register sociaal werker, portfolio bijgewerkt; volgt in 2026 de training "
            "dementievriendelijk werken. @reg #V12",
            "Heeft afspraken over haar bijdrage aan het teamspeerpunt eenzaamheid; voortgang "
            "komt in het teamoverleg aan bod. #V5",
            "Evalueert de koffieochtend elk kwartaal met de deelnemers; hun wens 'meer "
            "uitstapjes' is opgepakt. @vb #D8",
            "Grote betrokkenheid en veel kennis van de sociale kaart in de wijk. !compliment #V1",
            "Sociaal werker wil een vaste plek voor groepsactiviteiten in het "
            "cliëntvolgsysteem. !suggestie #D6",
        ),
    ),
    DemoSession(
        key="observatie-de-brink",
        auditor="Ruben",
        kind=SessionKind.OBSERVATIE,
        interviewees=(Interviewee("bezoekers inloopochtend", ("CB",)),),
        location=DE_BRINK,
        day=DAY_1,
        start=(14, 45),
        minutes=45,
        notes=(
            "Inloopochtend: ca. 20 bezoekers, 2 vrijwilligers en een sociaal werker aanwezig; "
            "open en gastvrije sfeer. @obs #D1",
            "Folderrek met actuele folders (mantelzorg, geldzaken, vrijwilligerscentrale); "
            "openingstijden en spreekuren op het raam. @obs #D1",
            "De spreekkamer heeft geen geluidsisolatie; gesprekken zijn in de gang te volgen. "
            "@obs #V9 !knelpunt",
            "Vluchtwegen vrij en ontruimingsplattegrond aanwezig; de laatste ontruimingsoefening "
            "op de lijst is van 2023. @obs #O16 !zorgpunt",
            "Bezoeker organiseert via de koffieochtend nu zelf een wandelgroep, met hulp van de "
            "opbouwwerker. @vb #V4 #O13",
            "Bewonersinitiatief Repair Café draait zelfstandig in het buurtcentrum; afspraken over "
            "sleutelbeheer en verzekering zijn alleen mondeling gemaakt. @obs #O13 !zorgpunt",
            "Bezoeker: 'Ze komen echt naar je toe als het niet goed gaat.' #D2",
            "Klachtenfolder en informatie over de cliëntenraad zijn in het buurtcentrum niet te "
            "vinden. @obs #O17 !zorgpunt",
            "Vrijwilliger achter de bar heeft een vaste aanspreekpersoon en weet wie te bellen bij "
            "een incident; instructiekaart hangt achter de bar. @obs #D10",
            "Buurtcentrum werkt als huiskamer van de wijk; bezoekers kennen de sociaal werkers "
            "persoonlijk. !compliment #D1",
            "Bezoekers worden geturfd bij de ingang; telling februari ingezien: gemiddeld 24 per "
            "ochtend. @reg @data #O22",
        ),
    ),
    DemoSession(
        key="jongerenwerkers",
        auditor="Ruben",
        kind=SessionKind.INTERVIEW,
        interviewees=(
            Interviewee("jongerenwerker", ("P",)),
            Interviewee("jongerenwerker ambulant", ("P",)),
        ),
        location=DE_SCHAKEL,
        day=DAY_2,
        start=(9, 30),
        minutes=60,
        notes=(
            "Groepsgesprek met twee jongerenwerkers (1,5 en 6 jaar in dienst). De jongste in "
            "dienst stapte na de reorganisatie over van ouderenwerk en liep op eigen initiatief "
            "twee weken mee bij een collega-organisatie. @vb #V2",
            "Jaarplan jongerenwerk Molenveen met afspraken per jongerenwerker over de bijdrage aan "
            "de gemeentelijke opdracht preventie. @doc #V5",
            "De Schakel is zichtbaar via een eigen Instagram-account (ca. 600 volgers) en via de "
            "wekelijkse straatrondes. @data @obs #D1",
            "Ambulante rondes op vrijdag- en zaterdagavond; afstemming met de wijkagent via een "
            "vaste app-groep. @vb #D9 #V3",
            "Huisregels De Schakel samen met de jongerenraad opgesteld en ondertekend. "
            "@doc #V4 #D3",
            "Individuele trajecten staan in het cliëntvolgsysteem, ambulante contacten alleen in "
            "een eigen logboek; in de rapportage aan de gemeente worden ze wel geteld. "
            "@reg #D6 !knelpunt",
            "Zorg over een jongere met wapenbezit: direct overleg met de wijkagent en melding via "
            "de afgesproken route, daarna nabespreking in het team. @vb #D5",
            "Methodiekhandboek jongerenwerk (2022) aanwezig; slechts één van de twee heeft de "
            "bijbehorende training gevolgd. @doc #V10 !zorgpunt",
            "Project Straatvoetbal Molenveen met buurtsportcoach en woningcorporatie opgezet: 35 "
            "deelnemers, deels gefinancierd uit een fonds. @data @vb #V3 #V11 #D9",
            "Mbo-stagiaire bij de inloop: wekelijks begeleidingsgesprek, leerdoelen in het "
            "stageplan, driegesprek met school. @vb #D11",
            "Avondopenstelling met één jongerenwerker en een stagiaire, zonder BHV'er. "
            "#O16 !knelpunt",
            "Besloten zelf, na overleg met de teamcoach, op oudejaarsavond een alternatief "
            "programma te organiseren. @vb #V6",
            "Kennisdeling via het regionale jongerenwerkoverleg; geen overleg met de "
            "jongerenwerkers van Heidedal. !suggestie #V13",
            "Foto's op sociale media alleen na toestemming; voor jongeren onder 16 tekent een "
            "ouder het formulier. @doc @vb #V9",
            "Jongerenwerker: 'Wat wij doen is moeilijk in getallen te vangen, maar de gemeente "
            "vraagt alleen aantallen.' #O22",
            "Sterke verbinding met jongeren en partners in Molenveen. !compliment #V3",
        ),
    ),
    DemoSession(
        key="stagiaire",
        auditor="Ingrid",
        kind=SessionKind.INTERVIEW,
        interviewees=(Interviewee("stagiaire hbo Social Work (3e jaar)", ("S",)),),
        location=CENTRAL,
        day=DAY_2,
        start=(9, 30),
        minutes=45,
        notes=(
            "Stagiaire hbo Social Work, 3e jaar; sinds september 2025 3 dagen per week bij AMW en "
            "ouderenwerk. #D11",
            "Introductiedag, inwerkmap en 3 weken meelopen; maakte zelf een overzicht van de "
            "sociale kaart. @doc @vb #V2 #O12",
            "Wekelijks een uur met de werkbegeleider, leerdoelen in het stageplan, driegesprek met "
            "school en werkbegeleider in januari 2026. @doc #D11 #O12",
            "Doet onder supervisie eigen huisbezoeken en registreert in het cliëntvolgsysteem; de "
            "werkbegeleider leest mee. @vb #D6",
            "Kent de meldcode uit de training; doorliep het afwegingskader in een casus samen met "
            "de werkbegeleider. @vb #D5 #V7",
            "Heeft de gedragscode van de organisatie niet ontvangen of getekend; kent wel de "
            "beroepscode uit de opleiding. #V7 !zorgpunt",
            "Kent het toestemmingsformulier; werkt alleen op een laptop van de organisatie. "
            "@vb #V9",
            "Vraagt cliënten na een huisbezoek wat hielp en houdt een reflectieverslag bij voor "
            "de opleiding. @doc #V15",
            "Stagiaire zou graag kennismaken met andere werksoorten, bijvoorbeeld meelopen met het "
            "jongerenwerk. !suggestie #O12",
            "Ervaart veel ruimte en vertrouwen: 'ik mag echt meedoen.' !compliment #D11",
            "Werkt mee aan de mantelzorgdag; haar voorstel voor een kortere aanmeldprocedure is "
            "overgenomen. @vb #V11",
        ),
    ),
    DemoSession(
        key="vrijwilliger",
        auditor="Ruben",
        kind=SessionKind.INTERVIEW,
        interviewees=(Interviewee("vrijwillig coördinator thuisadministratie", ("BV",)),),
        location=CENTRAL,
        day=DAY_2,
        start=(11, 0),
        minutes=45,
        notes=(
            "Coördineert sinds 2022 het project Thuisadministratie: 18 vrijwilligers, 64 "
            "huishoudens in 2025. @data #O11 #D10",
            "Werving via de vrijwilligerscentrale: kennismakingsgesprek, vrijwilligersovereenkomst "
            "en VOG; lege overeenkomst en gedragsregels voor vrijwilligers getoond. @doc #O11",
            "Basistraining thuisadministratie (3 dagdelen) bij een externe partner en een "
            "jaarlijkse opfrisavond. @vb #D10",
            "Maandelijks overleg met de sociaal werker geldzaken; huishoudens met schulden boven "
            "€ 5.000 worden aan de professional overgedragen. @vb #D10 #D2",
            "Jaarlijks evaluatiegesprek met de vrijwilligers: in 2025 met 12 van de 18 gevoerd, "
            "verslagen niet in het dossier. @data #O11 !zorgpunt",
            "De VOG van 3 vrijwilligers is ouder dan 3 jaar; niemand bewaakt dit. #O11 !knelpunt",
            "Vrijwilligers bewaren per huishouden een papieren map bij zich thuis. #V9 !knelpunt",
            "Voelt zich gewaardeerd: vrijwilligersavond en een attentie bij een jubileum. "
            "!compliment #O11",
            "Vrijwilliger stelt een digitale map per huishouden in een beveiligde omgeving voor. "
            "!suggestie #V9",
            "Citaat: 'Als ik wegval, weet niemand precies welke huishoudens bij wie lopen.' De "
            "continuïteit hangt aan één persoon. #D6 !zorgpunt",
        ),
    ),
)


def fixed_id(label: str, length: int) -> str:
    """A stable hex id that looks like the random ones the app makes."""
    return hashlib.sha256(f"demo:{label}".encode()).hexdigest()[:length]


def at(day: tuple[int, int, int], hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(*day, hour, minute, second, tzinfo=AMSTERDAM_WINTER)


def build_audit() -> Audit:
    catalogue = load_catalogue(EDITION)
    return Audit(
        id=fixed_id("audit", 12),
        organisation=ORGANISATION,
        edition=catalogue.edition,
        created=at((2026, 2, 16), 14, 5),
        target=catalogue.target,
        team=TEAM,
        core=CORE,
    )


def build_session(audit: Audit, demo: DemoSession) -> Session:
    started = at(demo.day, *demo.start)
    return Session(
        id=fixed_id(f"session:{demo.key}", 12),
        audit_id=audit.id,
        auditor=demo.auditor,
        kind=demo.kind,
        interviewees=demo.interviewees,
        location=demo.location,
        started=started,
        ended=started + timedelta(minutes=demo.minutes),
    )


def build_notes(session: Session, demo: DemoSession, norm_ids: dict[str, None]) -> list[Note]:
    """The session's notes spread evenly over its duration, each parsed against the catalogue."""
    step = timedelta(minutes=demo.minutes - 3) / len(demo.notes)
    notes = []
    for index, text in enumerate(demo.notes):
        created = session.started + timedelta(minutes=2) + step * index
        created = created.replace(microsecond=0)
        revisions = []
        draft = demo.first_drafts.get(index)
        if draft is not None:
            revisions.append(Revision.from_parsed(parse_note(draft, norm_ids), created, 1))
        revised = created + timedelta(seconds=40) if draft is not None else created
        parsed = parse_note(text, norm_ids)
        revisions.append(Revision.from_parsed(parsed, revised, len(revisions) + 1))
        notes.append(
            Note(
                id=fixed_id(f"note:{demo.key}:{index}", 16),
                session_id=session.id,
                created=created,
                revisions=tuple(revisions),
            )
        )
    return notes


def build(output: Path) -> str:
    """Write the demo audit into ``output`` (which must not exist yet); returns the audit id."""
    audit = build_audit()
    norm_ids = dict.fromkeys(load_catalogue(audit.edition).norm_ids)
    store = AuditStore(output)
    store.save_audit(audit)
    for demo in SESSIONS:
        session = build_session(audit, demo)
        store.save_session(session)
        store.save_notes(audit.id, session.id, build_notes(session, demo, norm_ids))
    # The lock file is the store's working state, not part of the demo.
    for lock in output.rglob(".lock"):
        lock.unlink()
    return audit.id


def _looks_like_demo_folder(folder: Path) -> bool:
    return {p.name for p in folder.iterdir()} <= {"audits"}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1:
        print("usage: python sessions/build_demo.py [OUTPUT_FOLDER]", file=sys.stderr)
        return 2
    output = Path(args[0]) if args else DEFAULT_OUTPUT
    if output.exists():
        if not output.is_dir() or not _looks_like_demo_folder(output):
            print(f"refusing to replace {output}: it is not a demo data folder", file=sys.stderr)
            return 2
        shutil.rmtree(output)
    print(build(output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
