"""The request register's screens: intake form, register table, detail and actions."""
