"""Dutch texts of the yes/no question (tui/screens/confirm.py)."""

DUTCH: dict[str, str] = {
    "confirm.yes_key": "Ja",
    "confirm.no_key": "Nee",
}
