"""The keymap file: binding id -> key, each bad entry named with its line and skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interview_assistant.services.keymap import is_key, load_keymap, resolve_config_dir

IDS = {"interview.next_norm", "interview.prev_norm", "interview.edit"}


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "keymap.toml").write_text(text, encoding="utf-8")
    return folder


def test_no_file_is_no_change(tmp_path: Path) -> None:
    found = load_keymap(tmp_path / "nowhere", IDS)
    assert found.keymap == {} and found.problems == []


def test_tables_and_dotted_ids_both_map_keys(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        '# mijn toetsen\n[interview]\nnext_norm = "ctrl+n, f3"\n',
    )
    assert load_keymap(folder, IDS).keymap == {"interview.next_norm": "ctrl+n,f3"}
    folder = write(tmp_path, '"interview.edit" = "alt+e"\n')
    assert load_keymap(folder, IDS).keymap == {"interview.edit": "alt+e"}


def test_each_bad_entry_is_named_with_its_line_and_the_good_ones_stay(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        "\n".join(
            [
                "[interview]",
                'next_norm = "ctrl+n"',
                "prev_norm = 5",
                'edit = "ctrl+shift+"',
                'vliegen = "ctrl+v"',
            ]
        ),
    )
    found = load_keymap(folder, IDS)
    assert found.keymap == {"interview.next_norm": "ctrl+n"}
    problems = found.problems
    assert len(problems) == 3
    assert "regel 3" in problems[0] and "interview.prev_norm" in problems[0]
    assert "regel 4" in problems[1] and "“ctrl+shift+” is geen toets" in problems[1]
    assert "regel 5" in problems[2] and "“interview.vliegen” is geen actie" in problems[2]
    assert all(str(folder / "keymap.toml") in p for p in problems)


def test_a_file_that_is_no_toml_names_the_line_and_maps_nothing(tmp_path: Path) -> None:
    folder = write(tmp_path, '[interview]\nnext_norm = "ctrl+n"\nprev_norm = = "x"\n')
    found = load_keymap(folder, IDS)
    assert found.keymap == {}
    (problem,) = found.problems
    assert "regel 3: geen geldige TOML" in problem and "standaardtoetsen" in problem


def test_ids_can_be_checked_after_the_keys_apply(tmp_path: Path) -> None:
    folder = write(tmp_path, 'vliegen = "ctrl+v"\n"interview.edit" = "alt+e"\n')
    found = load_keymap(folder)  # the TUI applies the keys before it knows every id
    assert set(found.keymap) == {"vliegen", "interview.edit"}
    (problem,) = found.unknown(IDS)
    assert "regel 1" in problem and "vliegen" in problem
    assert found.keymap == {"interview.edit": "alt+e"}


def test_an_unreadable_file_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    folder = write(tmp_path, "")
    (folder / "keymap.toml").write_bytes(b'edit = "\xff"\n')
    (problem,) = load_keymap(folder, IDS).problems
    assert "niet gelezen" in problem and "UTF-8" in problem


@pytest.mark.parametrize("key", ["ctrl+n", "alt+x", "f5", "escape", "?", "question_mark", "ctrl+j"])
def test_keys_textual_knows(key: str) -> None:
    assert is_key(key)


@pytest.mark.parametrize("key", ["", "ctrl+", "strg+n", "f99", "kontrol", "ctrl+shift+"])
def test_no_keys(key: str) -> None:
    assert not is_key(key)


def test_the_config_folder_comes_from_the_variable_in_tests(tmp_path: Path) -> None:
    assert resolve_config_dir() == Path(os.environ["INTERVIEW_ASSISTANT_CONFIG"])
    assert resolve_config_dir(tmp_path) == tmp_path
