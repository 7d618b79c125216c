"""Fixtures of the TUI tests; the helpers they share are in ``tui_support``."""

from __future__ import annotations

import pytest


@pytest.fixture
def data_dir(isolated_data_dir):
    return isolated_data_dir
