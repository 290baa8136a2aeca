"""Extension attributes shared by all components (registered once, on import)."""

from spacy.tokens import Doc, Span, Token


def register() -> None:
    # force=False keeps this idempotent when several components import it.
    for name in ("rule", "status"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Token.has_extension("is_furniture"):
        # running page header/footer inside the text: skipped by taggers
        Token.set_extension("is_furniture", default=False)
    if not Doc.has_extension("letter"):
        # metadata read from the letter: kamerstuk, titles, date, signatories
        Doc.set_extension("letter", default=None)
    # links of MINISTER spans and attributes of TOEZEGGING spans (docs/annotation.md)
    for name in ("persoon", "functie", "land", "bewindspersoon", "ministerie", "onderwerp",
                 "termijn", "termijn_datum", "herkomst"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
