"""The Daftar Informasi Publik (DIP): the office's catalogue of public information.

:mod:`.codes` (classes and words), :mod:`.service` (adding, editing, retiring entries;
linking requests and the likely decision), :mod:`.queries` (lists, search, suggestions at
intake), :mod:`.importer` (an office's DIP from Excel), :mod:`.demo` (a demo catalogue).
"""
