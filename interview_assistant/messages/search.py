"""Dutch texts of the norm search and tag completion engine, shared by every front end."""

DUTCH: dict[str, str] = {
    "search.evidence_short": "ook {forms}",
    "search.kind": "soort notitie",
}
