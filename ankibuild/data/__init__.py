"""Data files shipped with ankibuild (word lists the cloze builder reads)."""
