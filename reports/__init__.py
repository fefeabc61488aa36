"""Printed documents (reportlab) and Excel reports (openpyxl); never imports Qt."""
