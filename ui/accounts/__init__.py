"""Officers on screen (issue 8): the first admin, the login and lock screens, the idle lock,
changing a password."""
