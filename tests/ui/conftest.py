"""UI fixtures: every test starts with nobody logged in and accounts off, so a window built
directly acts as the operating-system user (every step allowed, nothing masked), as it
did before accounts existed; the tests of logging in turn accounts on themselves."""

from __future__ import annotations

import pytest

from ppid_desk.ui.session import session


@pytest.fixture(autouse=True)
def no_officer():
    session().reset()
    yield
    session().reset()
