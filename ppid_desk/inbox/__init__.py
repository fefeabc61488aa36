"""The SMS / email / telephone / website inbox (seed 001): messages recorded in the
register book, reviewed, forwarded to the unit that can answer, answered within 10
working days (plus at most 7), and, when a message is an information request, turned
into a request of the register."""
