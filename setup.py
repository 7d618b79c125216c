"""Package discovery, which ``pyproject.toml`` cannot express alone.

The demo audit and its builder live in the top-level ``sessions/`` folder (the layout the
project was asked for) but ship in the wheel as the package ``interview_assistant.demo``, so
``pip install .`` and ``pipx install .`` get a working ``interview-assistant demo``. A
``package-dir`` entry maps that package onto ``sessions/``; ``[tool.setuptools.packages.find]``
cannot add a mapped package to the ones it finds, so discovery is done here. Everything else is
in ``pyproject.toml``.
"""

from setuptools import find_namespace_packages, setup

DEMO_PACKAGE = "interview_assistant.demo"

setup(
    packages=[
        *find_namespace_packages(include=["interview_assistant*", "norm_catalogue*"]),
        DEMO_PACKAGE,
    ],
    package_dir={DEMO_PACKAGE: "sessions"},
)
