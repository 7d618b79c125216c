"""Dutch texts of the lead's review of personal data (the TUI's privacy list)."""

DUTCH = {
    "privacy_review.key": "Persoonsgegevens nakijken",
    "privacy_review.title": "Persoonsgegevens nakijken",
    "privacy_review.checking": (
        "Persoonsgegevens zoeken in de notities, functies, kerngegevens, bevindingen en "
        "trendpunten van deze audit… (de eerste keer duurt het laden enkele seconden)"
    ),
    "privacy_review.none": "Geen persoonsgegevens gevonden in deze audit.",
    "privacy_review.summary": (
        "{count} mogelijke persoonsgegevens: {open} nog na te kijken, {fine} in orde. "
        "Vervang een naam door de functie of [naam] waar hij staat (Enter), of markeer een "
        "vondst als in orde (^o), bijvoorbeeld een plaats- of organisatienaam."
    ),
    "privacy_review.row": "{place}: “{text}” ({kind})",
    "privacy_review.key_fine": "In orde aan/uit",
    "privacy_review.key_open": "Openen",
    "privacy_review.key_recheck": "Opnieuw nakijken",
    "privacy_review.unmarked": "Niet langer in orde voor deze audit: “{text}”.",
    "privacy_review.nothing": "Kies eerst een vondst in de lijst.",
    "privacy_review.gone": "Deze notitie bestaat niet meer; kijk opnieuw na (^r).",
    "privacy_review.assess_nothing": (
        "Geen persoonsgegevens gemeld in deze bevinding; bewaar haar eerst (^s)."
    ),
}
