"""Dutch texts of writing a report or bundle to a file: where, overwriting, what went wrong."""

DUTCH: dict[str, str] = {
    "export.no_folder": (
        "De map {folder} bestaat niet; maak hem eerst aan of kies een andere map."
    ),
    "export.parent_file": "{folder} is een bestand, geen map; kies een andere map.",
    "export.folder": "{path} is een map; geef er een bestandsnaam bij.",
    "export.failed": "Het bestand {path} is niet opgeslagen: {reason}.",
    "export.exists_title": "Bestand bestaat al",
    "export.exists_body": "{path} bestaat al. Wilt u het vervangen?",
    "export.overwrite": "Vervangen (j)",
    "export.keep": "Niet vervangen (n)",
    "export.back": "Terug (Esc)",
    "export.kept": "Niets opgeslagen; {path} is niet vervangen.",
    "export.cli_exists": (
        "{path} bestaat al; er is niets geschreven. Kies een andere naam of geef --overwrite "
        "om het bestand te vervangen."
    ),
    "export.overwrite_help": "vervang een bestaand bestand (anders weigert de opdracht)",
    "export.report_output_help": (
        "het bestand; '-' voor stdout (standaard: rapport-ORGANISATIE in uw documentenmap)"
    ),
    "export.bundle_output_help": (
        "het bestand (standaard: sessielogs-ORGANISATIE.zip in uw documentenmap)"
    ),
}
