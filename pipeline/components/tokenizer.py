"""The tokenizer: Dutch defaults, with initials kept whole and glued footnote numbers split off.

Registered as ``kamer_tokenizer.v1`` (config.cfg ``[nlp.tokenizer]``), so ``spacy assemble`` and
``pipeline.load()`` build the same one; ``to_disk()`` stores the patterns, and ``spacy.load()`` reads them back.
"""

import re
from typing import Any, Callable

from spacy.language import Language
from spacy.util import compile_suffix_regex, registry


@registry.tokenizers("kamer_tokenizer.v1")
def make_tokenizer(token_match: str, footnote_suffix: str) -> Callable[[Language], Any]:
    """``token_match``: whole tokens never split ("A.Th.B."); ``footnote_suffix``: split off first ("(CDA)1").

    Neither pattern holds its anchors: a "$" would be doubled each time the config is saved and read back.
    """
    default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def create(nlp: Language) -> Any:
        tokenizer = default(nlp)
        customise_tokenizer(tokenizer, nlp, token_match, footnote_suffix)
        return tokenizer

    return create


def customise_tokenizer(tokenizer: Any, nlp: Language, token_match: str, footnote_suffix: str) -> None:
    """Our two patterns on top of the language's own (an existing token_match is kept as an alternative)."""
    suffixes = [footnote_suffix] + list(nlp.Defaults.suffixes or [])
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # anchors each suffix at the end
    existing = tokenizer.token_match
    pattern = f"^(?:{token_match})$"
    if existing is not None and hasattr(existing, "__self__"):
        pattern = f"(?:{token_match})|(?:{existing.__self__.pattern})"
    tokenizer.token_match = re.compile(pattern).match
