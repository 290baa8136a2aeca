"""Length limits of extraction, kept free of spaCy so the CLI can show them without loading it."""

# ~370 MB of working memory with the bundled model; longer pieces do not make the pipeline faster.
PIECE_CHARS = 100_000
# Memory no longer limits the length (pieces), so this guards against mistakes: even budgets and annual reports
# (a few hundred pages, ~3,000 characters a page) stay under 2 million characters; a text of more than 5 million
# is most likely a dump of many documents or the wrong file. Skipped unless the limit is raised (0: no limit).
DEFAULT_MAX_CHARS = 5_000_000
