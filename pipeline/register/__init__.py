"""The commitments register: annotated letters in SQLite, nagekomen toezeggingen linked to the ones they settle.

One concern per module: schema (the tables, from resources/register.json), load (JSONL into the tables),
citations (Kamerstukken a text names), citing_sentences (sentences that deliver and name a letter),
link (which earlier commitment a nagekomen one or a citing letter settles), state (open / settled /
overdue / undated at a date), report (overview and CSV), serve (Datasette), cli (the `register`
sub-commands). docs/register.md describes the model.
"""
