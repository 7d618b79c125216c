"""Texts for an audit that is listed but cannot be opened (the audit list, CLI and TUI)."""

DUTCH: dict[str, str] = {
    "store.audit_set_aside": (
        "De auditgegevens zijn eerder apart gezet in {path}, omdat ze niet bruikbaar waren; "
        "de audit kan niet worden geopend."
    ),
    "listing.cli_unreadable": "{id}  niet te openen: {problem}",
    "listing.tui_unreadable": "Audit {id} kan niet worden geopend",
}
