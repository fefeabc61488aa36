"""A request's timeline says what a DIP link event recorded."""

from __future__ import annotations

from ppid_desk.register.codes import EventKind
from ppid_desk.ui.register.event_text import describe_event


def test_linking_to_the_dip_reads_as_the_entry_its_class_and_grounds():
    data = {"entry": 7, "summary": "Data pribadi penerima bantuan sosial", "info_class": "dikecualikan",
            "holder": "Dinas Sosial", "pasal17": "b,h",
            "before": {"entry": 3, "summary": "Jumlah penerima bantuan sosial", "info_class": "berkala"}}
    assert describe_event(EventKind.DIP_LINKED.value, data) == (
        "Entri DIP \u201cData pribadi penerima bantuan sosial\u201d; informasi dikecualikan; Pasal 17 huruf b, h "
        "UU KIP; dikuasai Dinas Sosial; sebelumnya: \u201cJumlah penerima bantuan sosial\u201d.")
    assert describe_event(EventKind.DIP_LINKED.value, {"summary": "RKPD", "info_class": "setiap_saat"}) == (
        "Entri DIP \u201cRKPD\u201d; informasi setiap saat.")


def test_unlinking_reads_as_the_reason_and_the_entry_it_was():
    data = {"reason": "Salah pilih", "before": {"summary": "RKPD", "info_class": "berkala"}}
    assert describe_event(EventKind.DIP_UNLINKED.value, data) == (
        "Entri DIP \u201cRKPD\u201d; informasi berkala; alasan: Salah pilih.")
