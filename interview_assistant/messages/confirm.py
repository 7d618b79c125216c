"""Dutch texts of the yes/no question (ConfirmScreen in tui/screens/choice.py)."""

DUTCH: dict[str, str] = {
    "confirm.yes_key": "Ja",
    "confirm.no_key": "Nee",
}
