"""The Daftar Informasi Publik (DIP) on screen: the list, an entry's form and detail, import and export."""
