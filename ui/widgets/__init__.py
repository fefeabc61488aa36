"""Small building blocks the screens share: inline field messages, list table models."""
