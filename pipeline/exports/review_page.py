"""The shell every review page shares: escaping, colours, the style sheet and a Content-Security-Policy.

The policy forbids every script except the one a page declares by its hash, and every external
resource: should a value from a letter ever slip through unescaped, the browser still runs nothing
and fetches nothing, and the report keeps working offline.
"""

import base64
import hashlib
import html
from typing import Optional

from pipeline.schema import LABELS

# one colour per label, in the order of LABELS (MINISTER, ORGANISATIE, OPERATIE, TOEZEGGING)
COLORS = dict(zip(LABELS, ("#e8a33d", "#5b9bd5", "#70ad47", "#c55a9b")))
REVIEW_COLORS = {"missed": "#d9534f", "spurious": "#999999"}


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _colour_classes() -> str:
    # --c: borders and tags; --bg: the highlight (the same colour, mostly transparent)
    rules = [f".l-{label}{{--c:{c};--bg:{c}40}}" for label, c in COLORS.items()]
    rules += [f".v-{verdict}{{--c:{c};--bg:{c}33}}" for verdict, c in REVIEW_COLORS.items()]
    return "\n".join(rules)


CSS = (
    "\nbody{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}\n"
    "h1,p{overflow-wrap:anywhere}\n"  # a long document id in the heading
    # long unbroken values (rule ids, kamerstuk numbers) wrap inside their cell instead of widening the table
    "table{border-collapse:collapse;margin:1em 0;font-size:.85em;width:100%}"
    "td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;overflow-wrap:anywhere}\n"
    # ...but a header, a label, a verdict or a status breaks nowhere: "ORGANISAT|IE" would read as two words
    "th{background:#f3f3f3;text-align:left;overflow-wrap:normal}td.k{white-space:nowrap}td.t{min-width:12em}"
    "caption{text-align:left;color:#555;padding:.3em 0}"
    "tfoot td{font-weight:bold;background:#f7f7f7}\n"
    ".legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:3px;color:#000}\n"
    ".meta{color:#555}.missed{background:#fbe3e2}.spurious{background:#eee;text-decoration:line-through}"
    ".correct{background:#e6f4e1}\n"
    "td.mismatch{background:#fff3bf}td.mismatch .gold{display:block;color:#555}\n"
    # the letter as written (line breaks kept); each span a <mark> over exactly its characters with a bar
    # at each end; its label in a tag just before it, drawn by CSS from an empty element so that it is not
    # part of the text (copying the letter copies no labels)
    ".text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.9;font-size:.95em}\n"
    "mark{background:var(--bg);color:inherit;padding:0}\n"
    "mark.head{border-left:2px solid var(--c)}mark.tail{border-right:2px solid var(--c)}\n"
    "mark.l-TOEZEGGING{border-bottom:2px solid var(--c)}mark.v-missed,mark.v-spurious{border-style:dashed}\n"
    ".tag::before{content:attr(data-tag)}.tag{font-size:.62em;padding:0 3px;margin:0 2px;border-radius:2px;"
    "background:var(--c);color:#fff;vertical-align:.25em;white-space:nowrap;user-select:none}\n"
    # the index: sortable headers show the direction, the filter box
    "#documents th{cursor:pointer;user-select:none}"
    '#documents th[aria-sort="ascending"]::after{content:" \\25B2"}'
    '#documents th[aria-sort="descending"]::after{content:" \\25BC"}'
    "#filter{font:inherit;padding:3px 6px;width:20em}\n" + _colour_classes() + "\n"
)


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def wrap(title: str, body: str, script: Optional[str] = None) -> str:
    """A whole page; `script` (a constant of this package, never data) is the only code it may run."""
    scripts = f"'{script_hash(script)}'" if script else "'none'"
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src {scripts}"
    tail = f"<script>{script}</script>" if script else ""
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>{body}{tail}</body></html>\n"
    )


def legend(with_gold: bool) -> str:
    items = [f'<span style="background:{c}">{esc(label)}</span>' for label, c in COLORS.items()]
    if with_gold:
        items += [f'<span style="background:{c}">{esc(v)}</span>' for v, c in REVIEW_COLORS.items()]
    return f'<p class="legend"><b>Legend:</b> {"".join(items)}</p>'
