"""The norms of the Kwaliteitslabel Sociaal Werk as versioned data.

Each edition is a human-editable TOML file in ``editions/``; the loader turns it into
immutable objects and refuses a file that would make coverage or reports lie
(missing or duplicate norms, unknown roles, a role nobody has questions for).
"""

from norm_catalogue.loader import (
    DEFAULT_EDITION,
    Catalogue,
    CatalogueError,
    Norm,
    NormExample,
    Role,
    SecondSource,
    Section,
    WalkSource,
    available_editions,
    load_catalogue,
    load_catalogue_file,
    load_examples,
    load_lemmas,
    load_vocabulary,
)

__all__ = [
    "DEFAULT_EDITION",
    "Catalogue",
    "CatalogueError",
    "Norm",
    "NormExample",
    "Role",
    "SecondSource",
    "Section",
    "WalkSource",
    "available_editions",
    "load_catalogue",
    "load_catalogue_file",
    "load_examples",
    "load_lemmas",
    "load_vocabulary",
]
