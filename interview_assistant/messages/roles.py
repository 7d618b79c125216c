"""Texts of the walk per role (template's Wie norms, then the second source) and of the
speaker of a group interview."""

DUTCH: dict[str, str] = {
    # why a norm is in the walk
    "roles.source.template": "volgens het template",
    "roles.source.second": "aanvullende bron ({roles})",
    "roles.line_source.template": "Volgens het template (kolom Wie: {wie}).",
    "roles.line_source.second": "Aanvullende bron voor {roles}; de kolom Wie noemt {wie}.",
    "roles.line_source.outside": "Buiten de normen voor deze rollen; de kolom Wie noemt {wie}.",
    # how many norms an interview walks
    "roles.walk_split": (
        "{norms} voor deze rollen ({roles}): {wie} volgens het template, "
        "daarna {extra} als aanvullende bron."
    ),
    "roles.walk_only_second": (
        "Geen norm noemt {roles} in de kolom Wie; het gesprek loopt {norms} langs "
        "waarover {roles} als aanvullende bron kan vertellen."
    ),
    "roles.tui_start_split": (
        "{opening}: {norms} voor deze rollen, {wie} volgens het "
        "template en daarna {extra} als aanvullende bron. We beginnen bij {norm}."
    ),
    "roles.tui_start_second": (
        "{opening}: de kolom Wie noemt deze rol niet; {norms} waarover "
        "deze rol als aanvullende bron kan vertellen. We beginnen bij {norm}."
    ),
    # the catalogue command
    "roles.cli_wie": "volgens het template (kolom Wie)",
    "roles.cli_speaker_help": (
        "wie het zei in een groepsgesprek: het nummer van de gesprekspartner (1, 2, …); "
        "zonder: de groep"
    ),
    "roles.cli_second": "aanvullende bron (toevoeging van deze tool, niet uit het template)",
    # the speaker of a group interview
    "roles.speaker.group": "de groep",
    "roles.speaker.person": "{number}. {label}",
    "roles.speaker_single": "Eén gesprekspartner: er is geen spreker te kiezen.",
    "roles.speaker_unknown": "Spreker {number} bestaat niet in dit gesprek; kies 1 tot {count} of groep.",
    "roles.speaker_set": "Volgende notities van {speaker}.",
    "roles.speaker_choices": "Sprekers: {choices}, groep.",
    "roles.speaker_now": "Spreker nu: {speaker}.",
    "roles.speaker_usage": "Gebruik: /spreker N of /spreker groep.",
    "line.cmd.spreker": "wie spreekt in een groepsgesprek: een nummer, of groep",
    "roles.speaker.group_short": "groep",
    "roles.line_prompt": "{norm} · {speaker}> ",
    "roles.tui_key": "Spreker kiezen",
    "roles.tui_key_help": "wie spreekt voor de volgende notities (nu: {speaker}), {key}",
    "roles.tui_pick": "Spreker: {speaker}",
    "roles.tui_pick_help": "de volgende notities komen van {speaker}",
    "roles.tui_target": "Notitie van {speaker} (zonder #-tag bij {norm}) · {key} spreker",
    "roles.log_speaker": "{speaker}",
}
