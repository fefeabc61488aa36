"""Pengaturan: office data, units, service hours, calendar."""
