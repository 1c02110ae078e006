"""The package face is light: ``import onrecord`` and ``onrecord --help`` load neither spaCy
nor the store; the heavy names load when first used."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("spacy", "onrecord.store", "onrecord.nlp.pipeline", "sqlite3", "ray")


def _loaded(code: str) -> list[str]:
    probe = (f"{code}\nimport sys\n"
             f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.strip().splitlines()
    return [m for m in out[-1].split(",") if m] if out else []


def test_import_onrecord_loads_neither_spacy_nor_the_store():
    assert _loaded("import onrecord; onrecord.__version__; onrecord.Statement") == []


def test_help_loads_neither_spacy_nor_the_store():
    code = ("import contextlib, io, sys\nsys.argv = ['onrecord', '--help']\n"
            "from onrecord.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main()\n    except SystemExit:\n        pass")
    assert _loaded(code) == []


def test_the_heavy_names_load_when_first_used():
    import onrecord
    from onrecord.analyze import analyze
    from onrecord.store import Corpus

    assert onrecord.analyze is analyze and onrecord.Corpus is Corpus
    assert set(onrecord.__all__) <= set(dir(onrecord)) | {"analyze", "analyze_articles",
                                                           "Corpus"}
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        onrecord.Nothing  # noqa: B018
