"""An optional part that cannot load says why: not installed, or installed but broken."""

from __future__ import annotations

import sys

import pytest

from hypescore._optional import OptionalPartMissing, import_optional, is_installed


def test_an_absent_part_gives_the_install_hint():
    assert not is_installed("hypescore_no_such_part")
    with pytest.raises(OptionalPartMissing, match=r"pip install 'hypescore\[html\]'"):
        import_optional("hypescore_no_such_part", "html", "reading HTML")


def test_a_broken_part_gives_its_own_import_error(tmp_path, monkeypatch):
    package = tmp_path / "hypescore_broken_part"
    package.mkdir()
    (package / "__init__.py").write_text(
        "raise ImportError('lxml.html.clean module is now a separate project\\nlxml_html_clean.')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert is_installed("hypescore_broken_part")
    with pytest.raises(OptionalPartMissing) as caught:
        import_optional("hypescore_broken_part", "html", "reading HTML")
    message = str(caught.value)
    assert "installed but fails to import" in message
    assert "separate project lxml_html_clean." in message  # the cause, on one line
    assert "pip install" not in message
    sys.modules.pop("hypescore_broken_part", None)


def test_a_blocked_module_counts_as_absent(monkeypatch):
    monkeypatch.setitem(sys.modules, "hypescore_blocked_part", None)
    assert not is_installed("hypescore_blocked_part")
