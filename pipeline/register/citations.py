"""Which Kamerstukken a text names ('Kamerstuk 34 775 X, nr. 66'): the strongest evidence that a letter settles another.

A Kamerstuk is (dossier, number); dossiers are compared in one spelling ("34 775 X", "34775-X" -> "34775X").
"""

import re
from typing import Iterable, Optional, Pattern, Set, Tuple

Key = Tuple[str, str]


def dossier_key(dossier: Optional[str]) -> Optional[str]:
    if not dossier:
        return None
    return re.sub(r"[\s\u00a0-]+", "", dossier).upper()


def cited(text: str, patterns: Iterable[Pattern[str]]) -> Set[Key]:
    """Every (dossier, number) the text names."""
    found: Set[Key] = set()
    for pattern in patterns:
        for m in pattern.finditer(text):
            dossier = dossier_key(m.group("dossier"))
            if dossier:
                found.add((dossier, m.group("nummer").lstrip("0")))
    return found
