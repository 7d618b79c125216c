"""Texts for faults found while listing audits and reading a merge's inputs."""

DUTCH: dict[str, str] = {
    "store.audit_set_aside": (
        "De auditgegevens zijn eerder apart gezet in {path}, omdat ze niet bruikbaar waren; "
        "de audit kan niet worden geopend."
    ),
    "listing.cli_unreadable": "{id}  niet te openen: {problem}",
    "listing.tui_unreadable": "Audit {id} kan niet worden geopend",
    "store.lock_symlink": (
        "{path} is een verwijzing (symbolische koppeling), geen slotbestand van dit programma; "
        "er is niets opgeslagen. Verwijder de verwijzing en probeer opnieuw."
    ),
    "exchange.input_changed": (
        "{source} is veranderd terwijl het werd samengevoegd; er is niets veranderd. "
        "Probeer het opnieuw als het bestand compleet is."
    ),
}
