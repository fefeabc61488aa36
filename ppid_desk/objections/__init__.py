"""The objection register (keberatan): objections to the Atasan PPID, the Atasan's
decision, the response handed to the objector, and disputes at the Komisi Informasi."""
