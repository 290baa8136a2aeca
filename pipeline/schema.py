"""The contract every room shares: labels, statuses, the spans key, attribute and meta names, rule roles.

Plain constants, no spaCy: evaluation and exports read records with these names without
loading a model, and the components write docs with the same names. docs/annotation.md
explains what each means; change a name here and every reader and writer follows.
"""

from typing import Tuple

# doc.ents (kamer_entities)
ENTITY_LABELS: Tuple[str, ...] = ("MINISTER", "ORGANISATIE", "OPERATIE")
MINISTER = "MINISTER"
# doc.spans[spans_key] (kamer_toezeggingen): whole sentences, so they may overlap entities
TOEZEGGING = "TOEZEGGING"
LABELS: Tuple[str, ...] = ENTITY_LABELS + (TOEZEGGING,)

# a TOEZEGGING makes a new commitment or settles an earlier one
STATUSES: Tuple[str, ...] = ("nieuw", "nagekomen")

# the span group of the toezeggingen unless config.cfg names another ([components.*] spans_key)
DEFAULT_SPANS_KEY = "toezeggingen"
# doc.spans[PARSE_SPANS_KEY] (kamer_commitment_candidates): the sentences selective parsing sends to the base
# model, the only ones a commitment rule can fire on
PARSE_SPANS_KEY = "kamer_parse"

# every extension attribute of this project starts with this prefix (span._.kamer_rule, doc._.kamer_letter), so that
# it cannot collide with another package's; records and gold files use the names without it
EXTENSION_PREFIX = "kamer_"


def extension(name: str) -> str:
    """The extension attribute of a record field: extension("persoon") == "kamer_persoon"."""
    return EXTENSION_PREFIX + name


# span._ attributes (as extension(name)), written by kamer_linking, one record field each
MINISTER_ATTRIBUTES: Tuple[str, ...] = ("functie", "persoon", "land")
TOEZEGGING_ATTRIBUTES: Tuple[str, ...] = (
    "bewindspersoon",
    "ministerie",
    "onderwerp",
    "termijn",
    "termijn_datum",
    "herkomst",
)

# doc._.kamer_letter (kamer_metadata): the letter's own fields in each record's meta
LETTER_FIELDS: Tuple[str, ...] = ("kamerstuk", "dossier_titel", "titel", "datum", "ondertekenaars", "vergaderjaar")

# what a rule or gazetteer entry finds ("role" in the resource files, span._.kamer_role on the span): code branches
# on these, never on the text of a rule id
RULE_ROLES: Tuple[str, ...] = (
    "portfolio_title",  # a MINISTER title with a known portfolio ("Minister van Defensie"), paired with names
    "portfolio_title_name",  # a title with its portfolio and the name after it ("minister van Financiën Jansen")
    "title",  # a MINISTER title whose portfolio is not in the list ("Minister voor Klimaat"), never paired
    "title_name",  # a MINISTER title followed by a surname ("Minister Blok"): the name decides the person
    "bare_title",  # a MINISTER title alone ("de Minister"): the office comes from the signers
    "name",  # a MINISTER person's name: paired with the title beside it
    "gazetteer",  # a name from a gazetteer list: dropped where the letter defines those letters otherwise
    "entity",  # any other entity: no later component treats it specially
)

# Parts of a gold set (a "split" key on each gold line): rules are tuned on TUNE_SPLIT; CHECK_SPLIT is
# scored and never read for errors, so its number is the one we believe (docs/generalisation.md).
TUNE_SPLIT = "tune"
CHECK_SPLIT = "check"
