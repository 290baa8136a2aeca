"""Extension attributes shared by all components (registered once, on import)."""

from spacy.tokens import Doc, Span, Token

from pipeline.schema import MINISTER_ATTRIBUTES, TOEZEGGING_ATTRIBUTES, extension

FURNITURE_KEY = "kamer_furniture"  # doc.user_data: one byte per token, 1 = furniture


def is_furniture(token: Token) -> bool:
    # a plain bytes lookup: the taggers ask this for every token, and it survives
    # the Doc serialisation of multiprocessing
    marks = token.doc.user_data.get(FURNITURE_KEY)
    if not marks:
        return False
    return marks[token.i] == 1


def register() -> None:
    # every name carries the project's prefix (schema.extension): "kamer_rule", never a bare "rule" another
    # package may also set. force=False keeps this idempotent when several components import it.
    # rule: the id of the rule that found the span (in the output); role: what the span is (schema.RULE_ROLES)
    # person_start: in a MINISTER span with role portfolio_title_name, the token where the name begins
    for name in ("rule", "role", "status", "person_start") + MINISTER_ATTRIBUTES + TOEZEGGING_ATTRIBUTES:
        # links of MINISTER spans and attributes of TOEZEGGING spans (docs/annotation.md) among them
        if not Span.has_extension(extension(name)):
            Span.set_extension(extension(name), default=None)
    if not Token.has_extension(extension("is_furniture")):
        # running page header/footer or web-page menu inside the text: skipped by taggers
        Token.set_extension(extension("is_furniture"), getter=is_furniture)
    if not Doc.has_extension(extension("letter")):
        # metadata read from the letter: kamerstuk, titles, date, signatories
        Doc.set_extension(extension("letter"), default=None)


register()
