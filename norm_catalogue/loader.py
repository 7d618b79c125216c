"""Load and validate a norm catalogue edition.

The loader is strict on purpose: a catalogue is the yardstick for every audit, so a
typo in the data must stop the program with the file name and the norm id rather
than silently drop a norm from coverage or from the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from pathlib import Path

EDITIONS_DIR = Path(__file__).with_name("editions")
VOCABULARY_DIR = Path(__file__).with_name("vocabulary")
DEFAULT_EDITION = "2019"
SCHEMA_VERSION = 1


class CatalogueError(ValueError):
    """A catalogue file is missing or its contents are inconsistent."""


@dataclass(frozen=True)
class Role:
    """A code from the template's *Wie* legend."""

    code: str
    description: str
    includes: tuple[str, ...] = ()
    note: str = ""


class WalkSource(StrEnum):
    """Why a norm is in an interview's walk."""

    #: the template's Wie column names one of the interviewees' roles
    TEMPLATE = "template"
    #: the tool's addition: a role that can speak to the norm as a second source
    SECOND = "second"


@dataclass(frozen=True)
class SecondSource:
    """The norms a role can speak to beyond the template's Wie column, with questions
    phrased for that role: the tool's addition to the template (``[second_source]``)."""

    role: str
    #: norm id -> the questions for this role, in the file's order
    questions: dict[str, tuple[str, ...]] = field(hash=False, compare=False)
    note: str = ""

    @property
    def norm_ids(self) -> tuple[str, ...]:
        return tuple(self.questions)


@dataclass(frozen=True)
class Section:
    id: str
    name: str


@dataclass(frozen=True)
class Norm:
    id: str
    section: str
    number: int
    text: str
    roles: tuple[str, ...]
    questions: dict[str, tuple[str, ...]] = field(hash=False, compare=False)
    evidence: tuple[str, ...] = ()
    template_roles: tuple[str, ...] = ()
    note: str = ""
    #: the text as a report prints it where the template has an evident typo ('' = ``text``)
    report_text: str = ""
    #: what ``report_text`` corrects (required with it)
    correction: str = ""
    #: role -> questions for a role that speaks to this norm as a second source (the tool's
    #: addition, see :class:`SecondSource`); never one of ``roles``
    second_source: dict[str, tuple[str, ...]] = field(
        default_factory=dict, hash=False, compare=False
    )

    @property
    def short_text(self) -> str:
        """The first words of the norm, for completion menus and narrow columns."""
        words = self.text.split()
        return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


@dataclass(frozen=True)
class Catalogue:
    edition: str
    title: str
    target: int
    sections: tuple[Section, ...]
    roles: dict[str, Role] = field(hash=False, compare=False)
    norms: tuple[Norm, ...] = ()
    #: role code -> its second-source norms (the tool's addition; empty if the file has none)
    second_source: dict[str, SecondSource] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {n.id: n for n in self.norms})

    @property
    def norm_ids(self) -> tuple[str, ...]:
        return tuple(n.id for n in self.norms)

    def has_norm(self, norm_id: str) -> bool:
        return norm_id in self._by_id  # type: ignore[attr-defined]

    def norm(self, norm_id: str) -> Norm:
        try:
            return self._by_id[norm_id]  # type: ignore[attr-defined]
        except KeyError:
            raise KeyError(norm_id) from None

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def norms_in_section(self, section_id: str) -> tuple[Norm, ...]:
        return tuple(n for n in self.norms if n.section == section_id)

    def expand_roles(self, roles: Iterable[str]) -> tuple[str, ...]:
        """The roles an interview with ``roles`` covers, following ``includes`` (S → P)."""
        seen: list[str] = []
        pending = list(roles)
        while pending:
            code = pending.pop(0)
            if code in seen:
                continue
            seen.append(code)
            role = self.roles.get(code)
            if role:
                pending.extend(role.includes)
        return tuple(seen)

    def norms_for_roles(self, roles: Iterable[str]) -> tuple[Norm, ...]:
        """The norms an interviewee with these roles is asked about, in catalogue order."""
        wanted = set(self.expand_roles(roles))
        return tuple(n for n in self.norms if wanted.intersection(n.roles))

    def second_source_norms(self, roles: Iterable[str]) -> tuple[Norm, ...]:
        """The norms these roles can speak to as a second source and whose Wie column
        names none of them, in catalogue order."""
        wanted = self.expand_roles(roles)
        extra = {
            norm_id
            for code in wanted
            if code in self.second_source
            for norm_id in self.second_source[code].norm_ids
        }
        return tuple(
            n for n in self.norms if n.id in extra and not set(wanted).intersection(n.roles)
        )

    def walk_for_roles(self, roles: Iterable[str]) -> tuple[Norm, ...]:
        """What an interview with these roles walks: the Wie norms in catalogue order,
        then the second-source norms in catalogue order."""
        roles = tuple(roles)
        return self.norms_for_roles(roles) + self.second_source_norms(roles)

    def walk_source(self, norm: Norm, roles: Iterable[str]) -> WalkSource | None:
        """Why ``norm`` is in the walk of these roles; None if it is not."""
        wanted = self.expand_roles(roles)
        if set(wanted).intersection(norm.roles):
            return WalkSource.TEMPLATE
        if any(code in norm.second_source for code in wanted):
            return WalkSource.SECOND
        return None

    def second_source_roles(self, norm: Norm, roles: Iterable[str]) -> tuple[str, ...]:
        """Which of these roles (expanded) speak to ``norm`` as a second source."""
        return tuple(code for code in self.expand_roles(roles) if code in norm.second_source)

    def questions_for(self, norm: Norm, roles: Iterable[str]) -> tuple[str, ...]:
        """The questions of ``norm`` aimed at these roles (Wie questions first, then the
        questions for a role that is a second source); all its Wie questions if none is."""
        found: list[str] = []
        wanted = self.expand_roles(roles)
        for table in (norm.questions, norm.second_source):
            for code in wanted:
                for question in table.get(code, ()):
                    if question not in found:
                        found.append(question)
        if found:
            return tuple(found)
        return tuple(q for qs in norm.questions.values() for q in qs)

    def roles_naming_no_norm(self) -> tuple[str, ...]:
        named = {code for n in self.norms for code in n.roles}
        return tuple(code for code in self.roles if code not in named)


def available_editions() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in EDITIONS_DIR.glob("*.toml")))


@cache
def load_catalogue(edition: str | None = None) -> Catalogue:
    """Load a shipped edition (the default one when ``edition`` is None)."""
    edition = edition or DEFAULT_EDITION
    path = EDITIONS_DIR / f"{edition}.toml"
    if not path.is_file():
        known = ", ".join(available_editions()) or "geen"
        raise CatalogueError(f"Onbekende catalogus-editie '{edition}' (beschikbaar: {known}).")
    return load_catalogue_file(path)


def _letters(text: str) -> str:
    """A norm text without whitespace and commas: what a typo correction may not change."""
    return "".join(c for c in text if not c.isspace() and c != ",")


def load_catalogue_file(path: Path) -> Catalogue:
    """Parse and validate one catalogue file; errors name the file and the norm."""
    import tomllib  # only when a catalogue is first loaded

    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CatalogueError(f"{name}: kan de catalogus niet lezen: {exc}") from exc

    def fail(message: str, norm_id: str | None = None) -> CatalogueError:
        where = f"{name}, norm {norm_id}" if norm_id else name
        return CatalogueError(f"{where}: {message}")

    if raw.get("schema") != SCHEMA_VERSION:
        raise fail(f"schemaversie {raw.get('schema')!r} wordt niet ondersteund")
    edition = raw.get("edition")
    if not isinstance(edition, str) or not edition:
        raise fail("'edition' ontbreekt")
    sections = tuple(Section(s["id"], s["name"]) for s in raw.get("sections", []))
    section_ids = [s.id for s in sections]
    if not sections or len(set(section_ids)) != len(section_ids):
        raise fail("'sections' ontbreekt of bevat dubbele ids")

    roles: dict[str, Role] = {}
    for code, spec in (raw.get("roles") or {}).items():
        roles[code] = Role(
            code=code,
            description=str(spec.get("description", "")).strip(),
            includes=tuple(spec.get("includes", ())),
            note=str(spec.get("note", "")).strip(),
        )
    if not roles:
        raise fail("'roles' ontbreekt")
    for role in roles.values():
        for included in role.includes:
            if included not in roles:
                raise fail(f"rol {role.code} neemt onbekende rol {included!r} op")

    norms: list[Norm] = []
    seen: set[str] = set()
    for spec in raw.get("norms", []):
        norm_id = str(spec.get("id", "?"))
        if norm_id in seen:
            raise fail("dubbel norm-id", norm_id)
        seen.add(norm_id)
        section = spec.get("section")
        if section not in section_ids:
            raise fail(f"onbekend onderdeel {section!r}", norm_id)
        number = spec.get("number")
        if not isinstance(number, int) or norm_id != f"{section}{number}":
            raise fail(f"id past niet bij onderdeel {section} en nummer {number!r}", norm_id)
        text = str(spec.get("text", "")).strip()
        if not text:
            raise fail("normtekst ontbreekt", norm_id)
        report_text = str(spec.get("report_text", "")).strip()
        correction = str(spec.get("correction", "")).strip()
        if report_text and not correction:
            raise fail("'report_text' zonder 'correction' (wat is verbeterd)", norm_id)
        if report_text and _letters(report_text) != _letters(text):
            raise fail("'report_text' mag alleen witruimte en komma's verbeteren", norm_id)
        norm_roles = tuple(spec.get("roles", ()))
        if not norm_roles:
            raise fail("geen rollen (kolom Wie)", norm_id)
        questions_raw = spec.get("questions") or {}
        for code in (*norm_roles, *questions_raw):
            if code not in roles:
                raise fail(f"onbekende rol {code!r}", norm_id)
        questions = {code: tuple(qs) for code, qs in questions_raw.items()}
        for code in norm_roles:
            if not questions.get(code):
                raise fail(f"rol {code} heeft geen vraag", norm_id)
        norms.append(
            Norm(
                id=norm_id,
                section=section,
                number=number,
                text=text,
                roles=norm_roles,
                questions=questions,
                evidence=tuple(spec.get("evidence", ())),
                template_roles=tuple(spec.get("template_roles", ())),
                note=str(spec.get("note", "")).strip(),
                report_text=report_text,
                correction=correction,
            )
        )

    for section in sections:
        numbers = sorted(n.number for n in norms if n.section == section.id)
        if not numbers:
            raise fail(f"onderdeel {section.id} heeft geen normen")
        expected = list(range(1, len(numbers) + 1))
        if numbers != expected:
            missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
            gap = f"{section.id}{missing[0]}" if missing else f"{section.id}{numbers[0]}"
            raise fail("gat in de nummering", gap)

    second_source = _second_source(raw.get("second_source"), roles, norms, fail)
    for index, norm in enumerate(norms):
        extra = {
            code: source.questions[norm.id]
            for code, source in second_source.items()
            if norm.id in source.questions
        }
        if extra:
            norms[index] = replace(norm, second_source=extra)
    order = {sid: i for i, sid in enumerate(section_ids)}
    norms.sort(key=lambda n: (order[n.section], n.number))
    target = raw.get("target", 3)
    if not isinstance(target, int) or target < 1:
        raise fail(f"ongeldig streefaantal {target!r}")
    return Catalogue(
        edition=edition,
        title=str(raw.get("title", edition)),
        target=target,
        sections=sections,
        roles=roles,
        norms=tuple(norms),
        second_source=second_source,
    )


def _second_source(
    spec: object,
    roles: dict[str, Role],
    norms: list[Norm],
    fail: Callable[..., CatalogueError],
) -> dict[str, SecondSource]:
    """The ``[second_source]`` table, checked: marked as the tool's addition, known roles
    and norm ids, questions for each norm, and no norm the Wie column names already."""
    if spec is None:
        return {}
    if not isinstance(spec, dict) or not str(spec.get("origin", "")).strip():
        raise fail("'second_source' moet met 'origin' als aanvulling van de tool gemarkeerd zijn")
    by_id = {n.id: n for n in norms}
    found: dict[str, SecondSource] = {}
    for code, role_spec in (spec.get("roles") or {}).items():
        where = f"tweede bron voor rol {code}"
        if code not in roles:
            raise fail(f"{where}: onbekende rol {code!r}")
        questions_raw = role_spec.get("questions") if isinstance(role_spec, dict) else None
        if not isinstance(questions_raw, dict) or not questions_raw:
            raise fail(f"{where}: geen normen met vragen")
        wie_roles = set(_expanded(code, roles))
        questions: dict[str, tuple[str, ...]] = {}
        for norm_id, asked in questions_raw.items():
            norm = by_id.get(norm_id)
            if norm is None:
                raise fail(f"{where}: onbekende norm {norm_id!r}")
            if wie_roles.intersection(norm.roles):
                raise fail(f"{where}: de kolom Wie noemt {code} al bij deze norm", norm_id)
            if (
                not isinstance(asked, list)
                or not asked
                or not all(isinstance(q, str) and q.strip() for q in asked)
            ):
                raise fail(f"{where}: verwacht een lijst van vragen", norm_id)
            questions[norm_id] = tuple(q.strip() for q in asked)
        note = str(role_spec.get("note", "")).strip()
        found[code] = SecondSource(role=code, questions=questions, note=note)
    return found


def _expanded(code: str, roles: dict[str, Role]) -> tuple[str, ...]:
    seen: list[str] = []
    pending = [code]
    while pending:
        current = pending.pop(0)
        if current not in seen:
            seen.append(current)
            pending.extend(roles[current].includes if current in roles else ())
    return tuple(seen)


@cache
def load_vocabulary(edition: str | None = None) -> dict[str, tuple[str, ...]]:
    """The curated words per norm of an edition (``vocabulary/<edition>.toml``).

    Kept apart from the edition file, whose norm texts are checked against the template:
    the vocabulary only helps the assistant suggest norms. An edition without one has
    none (the suggestions then rest on the catalogue alone); a file that names a norm the
    edition lacks is refused, like any inconsistent catalogue data.
    """
    import tomllib

    catalogue = load_catalogue(edition)
    path = VOCABULARY_DIR / f"{catalogue.edition}.toml"
    if not path.is_file():
        return {}
    name = f"vocabulary/{path.name}"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CatalogueError(f"{name}: kan de woordenschat niet lezen: {exc}") from exc
    if raw.get("schema") != SCHEMA_VERSION or raw.get("edition") != catalogue.edition:
        raise CatalogueError(f"{name}: schema of editie past niet bij editie {catalogue.edition}")
    vocabulary: dict[str, tuple[str, ...]] = {}
    for norm_id, words in (raw.get("norms") or {}).items():
        if not catalogue.has_norm(norm_id):
            raise CatalogueError(f"{name}, norm {norm_id}: onbekende norm")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise CatalogueError(f"{name}, norm {norm_id}: verwacht een lijst van woorden")
        vocabulary[norm_id] = tuple(w.strip() for w in words)
    return vocabulary


@dataclass(frozen=True)
class NormExample:
    """A labelled example text of an edition: a report finding (``b``) or an interview
    note (``n``) and the norms it is evidence for, most important first."""

    kind: str
    norms: tuple[str, ...]
    text: str


#: the kinds of example text: a whole report finding, an interview note
EXAMPLE_KINDS = ("b", "n")


def load_examples(edition: str | None = None) -> tuple[NormExample, ...]:
    """The labelled example texts of an edition (``vocabulary/<edition>-examples.tsv``).

    Written for the assistant from the norm texts and knowledge of the field (never from
    an audit report): they teach the suggester how auditors and interviewees put a norm
    in words. An edition without the file has none; a line that names a norm the edition
    lacks, or is not ``kind<TAB>norms<TAB>text``, is refused with its line number.
    """
    catalogue = load_catalogue(edition)
    path = VOCABULARY_DIR / f"{catalogue.edition}-examples.tsv"
    name = f"vocabulary/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{name}: kan de voorbeelden niet lezen: {exc}") from exc
    examples: list[NormExample] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[0] not in EXAMPLE_KINDS or not fields[2].strip():
            raise CatalogueError(f"{name}, regel {number}: verwacht soort<TAB>normen<TAB>tekst")
        norms = tuple(norm.strip() for norm in fields[1].split(","))
        for norm_id in norms:
            if not catalogue.has_norm(norm_id):
                raise CatalogueError(f"{name}, regel {number}: onbekende norm {norm_id!r}")
        examples.append(NormExample(fields[0], norms, fields[2].strip()))
    return tuple(examples)


def load_lemmas() -> dict[str, str]:
    """Dutch inflected forms and their lemma, folded (``vocabulary/lemmas-nl.tsv``, written
    by ``vocabulary/make_lemmas.py``); empty if the table is missing."""
    path = VOCABULARY_DIR / "lemmas-nl.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        message = f"vocabulary/{path.name}: kan de lemmatabel niet lezen: {exc}"
        raise CatalogueError(message) from exc
    lemmas: dict[str, str] = {}
    for line in text.splitlines():
        form, tab, lemma = line.partition("\t")
        if tab and not form.startswith("#"):
            lemmas[form] = lemma
    return lemmas
