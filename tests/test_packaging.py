"""The wheel a user installs (``pip install .``, ``pipx install .``) is complete and works.

The wheel is built offline from a copy of the project's files, checked for everything the
application reads at run time (every module, the demo audit, every data file such as the
``.tcss`` style sheets and the catalogue editions), then installed into a fresh virtualenv, where
``interview-assistant --data-dir T demo`` must work without the checkout and the screen
application must show the demo's dashboard.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

#: What a build needs is the project's own files, not the developer's leftovers.
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    ".hypothesis",
    ".import_linter_cache",
    "tests",
    "benchmarks",
)


def source_files(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("packaging")
    source = work / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCES)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--wheel-dir",
            str(work / "dist"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (built,) = (work / "dist").glob("interview_assistant-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_files(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {name for name in archive.namelist() if not name.endswith("/")}


def test_wheel_holds_every_module(wheel_files: set[str]) -> None:
    for package in ("interview_assistant", "norm_catalogue"):
        modules = {
            f"{package}/{name}" for name in source_files(REPO / package) if name.endswith(".py")
        }
        assert modules, package
        assert modules <= wheel_files, sorted(modules - wheel_files)


def test_wheel_holds_the_demo_its_builder_and_readme(wheel_files: set[str]) -> None:
    shipped = {f"interview_assistant/demo/{name}" for name in source_files(REPO / "sessions")}
    assert any(name.endswith("/audit.json") for name in shipped)
    assert sum(name.endswith(".json") for name in shipped) >= 10
    assert "interview_assistant/demo/build_demo.py" in shipped
    in_wheel = {name for name in wheel_files if name.startswith("interview_assistant/demo/")}
    assert in_wheel == shipped


#: Leftovers of editors and tools, never part of the package.
JUNK_SUFFIXES = (".pyc", ".pyo", "~", ".swp", ".orig", ".rej")


def test_wheel_holds_every_data_file(wheel_files: set[str]) -> None:
    """Style sheets, catalogue editions and vocabulary, report templates and schema: every
    file beside the modules is read at run time, so each must be in the wheel."""
    data = {
        f"{package}/{name}"
        for package in ("interview_assistant", "norm_catalogue")
        for name in source_files(REPO / package)
        if not name.endswith((".py", *JUNK_SUFFIXES))
        and not any(part.startswith(".") for part in name.split("/"))
    }
    assert "interview_assistant/tui/screens/interview.tcss" in data
    assert "norm_catalogue/editions/2019.toml" in data
    assert data <= wheel_files, sorted(data - wheel_files)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv holding the wheel; its dependencies come from the test run's own
    environment (a path entry, without that environment's editable install of the project)."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    own_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(own_site, "test-dependencies.pth").write_text("\n".join(sorted(dependencies)) + "\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return venv


def run_installed(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        [str(venv / "bin" / args[0]), *args[1:]],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_installed_wheel_runs_demo_without_the_checkout(
    installed: Path, tmp_path: Path, isolated_data_dir: Path
) -> None:
    where = run_installed(
        installed,
        "python",
        "-c",
        "import interview_assistant, interview_assistant.services.demo as demo\n"
        "print(interview_assistant.__file__); print(demo.DEMO_DATA_DIR)",
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    module_file, demo_dir = (Path(line) for line in where.stdout.splitlines())
    assert module_file.is_relative_to(installed) and demo_dir.is_relative_to(installed)
    assert not demo_dir.is_relative_to(REPO)
    shipped_before = tree_digest(demo_dir)

    data_dir = tmp_path / "T"
    result = run_installed(
        installed, "interview-assistant", "--data-dir", str(data_dir), "demo", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    audit_id = result.stdout.strip()
    assert "Stichting Welzijn De Brug" in result.stderr
    assert (data_dir / "audits" / audit_id / "audit.json").is_file()
    assert not (isolated_data_dir / "audits").exists()

    coverage = run_installed(
        installed,
        "interview-assistant",
        "coverage",
        audit_id,
        "--json",
        "--data-dir",
        str(data_dir),
        cwd=tmp_path,
    )
    assert coverage.returncode == 0, coverage.stderr
    assert len(json.loads(coverage.stdout)["norms"]) == 49
    # The installed demo is only read: no lock file, no quarantine, no rewrite.
    assert tree_digest(demo_dir) == shipped_before


#: Opens the copied demo audit in the installed app, headless, and waits for its dashboard:
#: the screens' style sheets are read from the installed package.
SHOW_DASHBOARD = """
import asyncio, sys
from interview_assistant.tui.app import make_app

async def main():
    app = make_app(sys.argv[1], sys.argv[2])
    async with app.run_test(size=(100, 30)) as pilot:
        await asyncio.wait_for(app.ready.wait(), 30)
        await pilot.pause()
        print(type(app.screen).__name__)
        print(app.screen.query_one("#summary").render())

asyncio.run(main())
"""


def test_installed_wheel_shows_the_demo_dashboard(installed: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "T"
    demo = run_installed(
        installed, "interview-assistant", "demo", "--data-dir", str(data_dir), cwd=tmp_path
    )
    assert demo.returncode == 0, demo.stderr
    shown = run_installed(
        installed, "python", "-c", SHOW_DASHBOARD, str(data_dir), demo.stdout.strip(), cwd=tmp_path
    )
    assert shown.returncode == 0, shown.stderr
    screen, summary = shown.stdout.splitlines()[:2]
    assert screen == "DashboardScreen"
    assert "Stichting Welzijn De Brug" in summary and "notities" in summary
