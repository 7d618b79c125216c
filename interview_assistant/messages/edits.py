"""Texts of editing a note (front-end neutral: the TUI and the line mode both show them)."""

DUTCH: dict[str, str] = {
    "edit.deleted_meanwhile": (
        "De notitie die u wijzigt, is intussen verwijderd: zet haar eerst terug en sla "
        "de wijziging dan opnieuw op."
    ),
}
