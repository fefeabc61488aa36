"""Every document turns into pictures (pdftoppm), page by page, as a printer would."""

from __future__ import annotations

import shutil
import subprocess

from document_samples import NAMES, decide, deliver, extend, register, reject, set_office

from ppid_desk.register.codes import Decision
from ppid_desk.reports.issuing import DocumentKind, produce


def test_every_document_renders_to_non_empty_pictures(store, tmp_path):
    assert shutil.which("pdftoppm"), "pdftoppm missing: `make test` installs poppler-utils (scripts/system-deps.sh)"
    set_office()
    granted = register(NAMES[0])
    extend(granted)
    decide(granted, Decision.GRANTED_PARTIAL, note="Data pribadi dihitamkan", pasal17=["h"])
    deliver(granted)
    refused = register(NAMES[1])
    reject(refused)
    documents = [(granted, DocumentKind.RECEIPT), (granted, DocumentKind.NOTICE), (granted, DocumentKind.EXTENSION),
                 (refused, DocumentKind.REJECTION), (granted, DocumentKind.HANDOVER)]
    for row, kind in documents:
        pdf = tmp_path / f"{kind}.pdf"
        pdf.write_bytes(produce(row.number, kind, "budi").pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / kind.value)], check=True,
                       capture_output=True, timeout=30)
        pictures = sorted(tmp_path.glob(f"{kind.value}-*.png"))
        assert pictures, kind
        for picture in pictures:
            data = picture.read_bytes()
            assert data.startswith(b"\x89PNG") and len(data) > 5000, picture
