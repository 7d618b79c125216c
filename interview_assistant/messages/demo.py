"""Dutch texts of the ``demo`` subcommand."""

DUTCH: dict[str, str] = {
    "demo.help": "zet een kopie van de demo-audit in de datamap; print het id",
    "demo.description": (
        "Kopieert de meegeleverde, fictieve demo-audit ({organisation}) naar de datamap, zodat "
        "je de assistent kunt uitproberen. De kopie is van jou; het origineel blijft ongewijzigd."
    ),
    "demo.installed": "Demo-audit '{organisation}' staat klaar in {data_dir}.",
    "demo.already_installed": (
        "Demo-audit '{organisation}' stond al in {data_dir}; je eigen kopie is niet aangeraakt."
    ),
    "demo.missing": "De demo-audit ontbreekt in {source}; de installatie is onvolledig.",
    "demo.into_source": (
        "De datamap {data_dir} is de bronmap van de demo zelf; kies een andere --data-dir."
    ),
}
