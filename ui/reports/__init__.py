"""The Laporan area: periodic reports made off the UI thread, the annual report's texts,
the reports made on this PC."""
