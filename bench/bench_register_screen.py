"""The register screen at 1,000,000 requests: the model's first page (count + first 200
rows, as the screen shows them) for the usual views. Uses the cached register of
``bench_register.py`` (built on first use)."""

from __future__ import annotations

import importlib.util
import os
import statistics
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 15


def _bench_register():
    spec = importlib.util.spec_from_file_location("bench_register", HERE / "bench_register.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ppid_desk.store import open_store
    from ppid_desk.store.models import Requester
    from ppid_desk.ui.register.table_model import RegisterFilter, RegisterModel

    app = QApplication.instance() or QApplication([])  # noqa: F841 - models need an application
    data_dir, how = _bench_register()._big_register()
    rows = []
    with open_store(data_dir) as store:
        word = Requester.select().order_by(Requester.id).offset(5000).get().name.split()[-1]
        views = [
            ("newest first (default)", RegisterFilter(), None),
            (f"search {word!r}", RegisterFilter(text=word), None),
            ("sorted by name", RegisterFilter(), RegisterModel.NAME),
            ("sorted by date received", RegisterFilter(), RegisterModel.DATE),
        ]
        for label, wanted, sort_column in views:
            times = []
            for i in range(RUNS + 1):
                model = RegisterModel(store.db)
                began = time.perf_counter()
                model._filter = wanted
                if sort_column is not None:
                    model.sort(sort_column, Qt.SortOrder.AscendingOrder)
                else:
                    model.refresh()
                model.data(model.index(0, 0))
                if i:  # the first run warms the page cache
                    times.append((time.perf_counter() - began) * 1000)
            rows.append((f"register screen first page at {model.total:,} shown: {label}", statistics.median(times),
                         "ms", f"{model.rowCount()} rows loaded; target < 200 ms; {how}"))
    return rows
