"""The "Keberatan" area: the register keberatan, the objection form and an objection's detail."""
