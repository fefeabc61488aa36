"""Every code has its own Indonesian word, even when two enums share a value."""

from ppid_desk.register import codes


def test_every_code_has_its_own_label():
    enums = [c for c in vars(codes).values() if isinstance(c, type) and issubclass(c, codes.Labelled)
             and c is not codes.Labelled]
    assert len(enums) >= 8
    for enum in enums:
        for member in enum:
            assert member.label.strip()
            assert enum.parse(member.label) is member
            assert enum.parse(member.value) is member


def test_shared_values_keep_their_own_words():
    assert codes.Status.ROUTED.value == codes.EventKind.ROUTED.value
    assert codes.Status.ROUTED.label == "Didisposisi"
    assert codes.EventKind.ROUTED.label == "Didisposisi ke unit"
    assert codes.Status.DECIDED.label == "Diputuskan"
