"""Icons, fonts and styles, loaded through importlib.resources."""
