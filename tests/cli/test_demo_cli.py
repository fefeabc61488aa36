"""``ppid-desk demo``: fills an empty register, refuses a register that has requests."""

from __future__ import annotations

import sys

from ppid_desk.main import main
from ppid_desk.register.codes import Status
from ppid_desk.store import open_store
from ppid_desk.store.models import InboxMessage, Request


def test_demo_fills_an_empty_register(capsys, data_dir):
    code = main(["--data-dir", str(data_dir), "demo", "--requests", "500"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""  # progress only on a terminal
    lines = out.splitlines()
    assert [line.rsplit(":", 1)[0] for line in lines[:len(Status)]] == [s.label for s in Status]
    assert sum(int(line.rsplit(": ", 1)[1].replace(".", "")) for line in lines[:len(Status)]) == 500
    assert lines[-1].startswith("Dibuat 500 permohonan, ") and lines[-1].endswith(" detik.")
    assert lines[-2].startswith("Pesan masuk: 50 pesan, ")  # a tenth of the requests by default
    with open_store(data_dir) as store:
        assert Request.select().count() == 500
        assert InboxMessage.select().count() == 50
        assert store.integrity_problems() == []


def test_demo_refuses_a_register_that_has_requests(capsys, data_dir):
    assert main(["--data-dir", str(data_dir), "demo", "--requests", "20", "--seed", "5", "--years", "2"]) == 0
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "demo", "--requests", "20"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "sudah berisi permohonan" in err and "--data-dir" in err
    with open_store(data_dir):
        assert Request.select().count() == 20


def test_demo_needs_a_positive_count(capsys, data_dir):
    assert main(["--data-dir", str(data_dir), "demo", "--requests", "0"]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
    assert main(["--data-dir", str(data_dir), "demo", "--requests", "5", "--messages", "-1"]) == 2
    assert "--messages" in capsys.readouterr().err


def test_demo_reports_progress_on_a_terminal(capsys, data_dir, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["--data-dir", str(data_dir), "demo", "--requests", "30"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err and err[-1] == "ppid-desk: demo 100% (30/30)"
