#!/usr/bin/env python
"""Normalise the Dutch UD treebanks (Alpino + LassySmall) for spaCy training.

Reads the CoNLL-U files in UD_DIR (default: ../shared/data/ud relative to the
repository root) and writes normalised train/dev/test files to build/ud/:

  train.conllu          training material (2017 train sections + current dev sections)
  dev.conllu            ~10% of the training material, held out deterministically
                        (whole paragraphs, chosen by an md5 hash of the paragraph id);
                        used for model selection during training only
  test.conllu           nl_alpino-ud-test + nl_lassysmall-ud-test (final evaluation only)
  test_alpino.conllu    the Alpino test file alone
  test_lassysmall.conllu the LassySmall test file alone
  stats.json            counts of what was dropped / relabelled

Normalisation (all files):
  * lemmas: compound parts joined with "_" are glued (gemeente_raad -> gemeenteraad,
    af_lopen -> aflopen); a hyphen is kept where the word form has one
    (Hezbollah_leider / Hezbollah-leider -> Hezbollah-leider)
  * empty nodes (8.1 ...) and multiword-token ranges are dropped; DEPS is blanked
    (spaCy does not use enhanced dependencies)

Mapping of the old (UD 2.0-era) *-2017 files to the current scheme. The label
inventories are printed at run time; the differences (2017 vs current) are:
  flat:name -> flat                      (renamed in UD 2.x)
  det on possessive PRON -> nmod:poss    (+ feature Poss=Yes)
  obl with case "door" under a passive   -> obl:agent (rule is exact on the current dev files)
  first-conjunct cc zowel/noch/...       -> cc:preconj
  obl -> obl:arg                         lexicon (head lemma, preposition) learned from the
                                         current dev files (no rule can recover it exactly)
  obj "zich"/"me"/... -> expl:pv         lexicon (head lemma) learned from the current dev
                                         files; unseen verbs with "zich" default to expl:pv
  features Abbr=yes/Foreign=yes -> Abbr=Yes/Foreign=Yes
  sentence-initial capitalised lemmas of common words are lower-cased
  LassySmall-2017 has no SpaceAfter / # text: spacing is reconstructed heuristically
Not recoverable (left as is): orphan, nsubj:outer, csubj:outer, ExtPos features.

Leakage control: the LassySmall 2017 train section overlaps the current dev and
test sections (same sentences, re-split upstream). Any training sentence whose
sent_id or token sequence also occurs in a test file is dropped; 2017 sentences
that re-occur in a current dev file are dropped in favour of the current version.
"""

import argparse
import collections
import glob
import hashlib
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The ten CoNLL-U columns (https://universaldependencies.org/format.html): a token is a list of
# its ten fields, indexed by these names; the steps below change fields in place.
ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)
N_COLUMNS = 10

POSS_LEMMAS = {"mijn", "jouw", "zijn", "haar", "ons", "onze", "uw", "hun", "je", "m'n", "z'n", "d'r", "jullie"}
PRECONJ_LEMMAS = {"zowel", "noch", "hetzij", "ofwel", "respectievelijk", "resp.", "niet"}
REFL_LEMMAS = {"zich", "me", "mij", "ons", "je", "u"}


class Sent:
    __slots__ = ("comments", "doc", "sid", "src", "toks")

    def __init__(self, comments, toks, src):
        self.comments = comments
        self.toks = toks  # lists of the ten columns (ID, FORM, ...), integer ids only
        self.src = src
        self.sid = None
        self.doc = None


def read_conllu(path, stats):
    sents, comments, toks = [], [], []
    name = os.path.basename(path)

    def flush():
        if toks:
            sents.append(Sent(list(comments), list(toks), name))
        comments.clear()
        toks.clear()

    with open(path, encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            if line.startswith("#"):
                comments.append(line)
                continue
            cols = line.split("\t")
            if len(cols) != N_COLUMNS:
                raise ValueError(f"{path}: bad line {line!r}")
            if "." in cols[ID]:
                stats["dropped_empty_nodes"] += 1
                continue
            if "-" in cols[ID]:
                stats["dropped_mwt_lines"] += 1
                continue
            toks.append(cols)
    flush()
    for s in sents:
        s.sid = sent_id(s)
        # held-out unit for the dev split: the paragraph (document.p.N)
        s.doc = re.sub(r"\.s\.\d+$", "", s.sid)
    return sents


def sent_id(s):
    for c in s.comments:
        if c.startswith("# sent_id"):
            x = c.split("=", 1)[1].strip()
            break
    else:
        # LassySmall 2017: "# wiki-659.p.13.s.1.xml"
        x = s.comments[0][1:].strip() if s.comments else ""
    x = x.replace(".xml", "")
    # "LassySmall4_WR-..._WR-...p.12.s.2" or "WR-...\WR-...p.5.s.4" -> last part
    x = re.split(r"[\\/]|_(?=WR-|wiki-|dpc-|WS-)", x)[-1]
    return x


def tokkey(s):
    return "".join(re.sub(r"\W", "", t[FORM].lower()) for t in s.toks)


def children(s):
    kids = collections.defaultdict(list)
    for t in s.toks:
        kids[t[HEAD]].append(t)
    return kids


def head_tok(s, t):
    return None if t[HEAD] in ("0", "_") else s.toks[int(t[HEAD]) - 1]


# ---------------------------------------------------------------- lemmas
def glue_lemma(form, lemma):
    if "_" not in lemma or lemma == "_" or "_" in form:
        return lemma
    parts = lemma.split("_")
    if any(p == "" for p in parts):
        return lemma
    out = parts[0]
    fl = form.lower()
    for p in parts[1:]:
        probe = (out[-2:] + "-" + p[:2]).lower()
        out += ("-" if probe in fl else "") + p
    return out


# ---------------------------------------------------------------- features
def set_feat(feats, key, val):
    d = {} if feats == "_" else dict(f.split("=", 1) for f in feats.split("|"))
    d[key] = val
    return "|".join(f"{k}={v}" for k, v in sorted(d.items(), key=lambda kv: kv[0].lower()))


def fix_feats(feats):
    if feats == "_":
        return feats
    out = []
    for f in feats.split("|"):
        k, v = f.split("=", 1)
        out.append(f"{k}={v[0].upper() + v[1:]}")
    return "|".join(out)


# ---------------------------------------------------------------- lexicons from current data
def case_key(s, t, kids):
    h = head_tok(s, t)
    if h is None:
        return None
    cs = [k[LEMMA].lower() for k in kids[t[ID]] if k[DEPREL] == "case"]
    p = cs[0] if cs else "R:" + t[LEMMA].lower()
    return (glue_lemma(h[FORM], h[LEMMA]).lower(), p)


def learn_lexicons(current_sents):
    oblarg = collections.defaultdict(collections.Counter)
    refl = collections.defaultdict(collections.Counter)
    poss_feats = collections.defaultdict(collections.Counter)
    aux = collections.Counter()
    for s in current_sents:
        kids = children(s)
        for t in s.toks:
            if t[DEPREL] in ("obl", "obl:arg"):
                k = case_key(s, t, kids)
                if k:
                    oblarg[k][t[DEPREL]] += 1
            if t[LEMMA].lower() in REFL_LEMMAS and t[DEPREL] in ("obj", "expl:pv", "iobj"):
                h = head_tok(s, t)
                if h is not None:
                    refl[(glue_lemma(h[FORM], h[LEMMA]).lower(), t[LEMMA].lower())][t[DEPREL]] += 1
            if "Poss=Yes" in t[FEATS] and t[UPOS] == "PRON":
                poss_feats[t[FORM].lower()][t[FEATS]] += 1
            if t[UPOS] == "AUX":
                aux[t[LEMMA].lower()] += 1
    return {
        "oblarg": {k for k, c in oblarg.items() if c["obl:arg"] / sum(c.values()) >= 0.5},
        "refl": {k for k, c in refl.items() if c["expl:pv"] / sum(c.values()) >= 0.5},
        "refl_seen": set(refl),
        "poss_feats": {k: c.most_common(1)[0][0] for k, c in poss_feats.items()},
        "aux_lemmas": {k for k, c in aux.items() if c >= 3},
    }


# ---------------------------------------------------------------- tree restructuring (2017 -> current)
ORDINAL_RE = re.compile(
    r"^(\d+(e|ste|de)|(aller)?eerste|eerst|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|"
    r"tiende|elfde|twaalfde|\w+tiende|\w+tigste|honderdste|duizendste|laatste)$",
    re.IGNORECASE,
)
# dependents that belong to the clause (move to the new clausal head when a
# copula / auxiliary becomes the head, or vice versa)
CLAUSAL = {
    "nsubj",
    "nsubj:pass",
    "csubj",
    "csubj:pass",
    "aux",
    "aux:pass",
    "mark",
    "punct",
    "cc",
    "conj",
    "advcl",
    "parataxis",
    "expl",
    "expl:pv",
    "iobj",
    "discourse",
    "vocative",
    "dep",
    "obl",
    "obl:agent",
    "obl:arg",
    "advmod",
    "ccomp",
    "compound:prt",
}


def reattach_cc_punct(s):
    """UD v1-style coordination (cc and commas on the first conjunct) -> UD v2
    (attached to the following conjunct), as in the current treebanks."""
    kids = children(s)
    changed = 0
    for t in s.toks:
        if t[DEPREL] not in ("cc", "punct") or t[HEAD] == "0":
            continue
        i, h = int(t[ID]), t[HEAD]
        if int(h) > i:
            continue
        conjs = sorted(int(k[ID]) for k in kids[h] if k[DEPREL] == "conj" and int(k[ID]) > i)
        if not conjs:
            continue
        c = conjs[0]
        if t[DEPREL] == "punct":
            # only punctuation directly before the conjunct's span
            span = subtree_ids(kids, str(c))
            if i + 1 not in span and i + 1 != min(span, default=-1):
                continue
            if t[FORM] not in (",", ";", "/", "-", ":"):
                continue
        t[HEAD] = str(c)
        changed += 1
    return changed


OPENING = {"(", "[", "{", "«", ",,", "``", "‘", "“"}
CLOSING = {")", "]", "}", "»", "''", "’", "”"}


def reattach_punct(s):
    """2017 attached nearly all punctuation to the root; the current data attaches it to
    the adjacent phrase: opening brackets/quotes and commas/colons to the maximal phrase
    that starts right after them, closing ones to the maximal phrase that ends right
    before them."""
    T = s.toks
    n_tok = len(T)
    kids = children(s)
    is_p = [t[UPOS] == "PUNCT" for t in T]
    lo, hi = {}, {}

    def span(x):  # min/max index of non-punct tokens in the subtree of token id x
        if x in lo:
            return lo[x], hi[x]
        a = b = int(x) if not is_p[int(x) - 1] else None
        for k in kids[x]:
            ka, kb = span(k[ID])
            if ka is not None:
                a = ka if a is None else min(a, ka)
                b = kb if b is None else max(b, kb)
        lo[x], hi[x] = a, b
        return a, b

    def highest(start, cond):
        node = T[start - 1]
        if not cond(*span(node[ID])):
            return None
        while node[HEAD] != "0":
            parent = T[int(node[HEAD]) - 1]
            if parent[UPOS] == "PUNCT" or not cond(*span(parent[ID])):
                break
            node = parent
        return node

    changed = 0
    quote_open = False
    open_stack = []  # targets of opening brackets/quotes: the closing one gets the same head
    for t in T:
        if t[DEPREL] != "punct" or t[FORM] in (".", "!", "?", "..."):
            continue
        i = int(t[ID])
        f = t[FORM]
        if f == '"':
            kind = "close" if quote_open else "open"
            quote_open = not quote_open
        elif f in OPENING:
            kind = "open"
        elif f in CLOSING:
            kind = "close"
        elif f in (",", ":", ";", "-", "/"):
            kind = "sep"
        else:
            continue
        right = next((j for j in range(i + 1, n_tok + 1) if not is_p[j - 1]), None)
        left = next((j for j in range(i - 1, 0, -1) if not is_p[j - 1]), None)
        target = None
        if kind == "close" and open_stack:
            target = open_stack.pop()
        if target is None and kind in ("open", "sep") and right is not None:
            target = highest(right, lambda a, b, i=i: a is not None and a > i)
        if target is None and kind in ("close", "sep") and left is not None:
            target = highest(left, lambda a, b, i=i: b is not None and b < i)
        if kind == "open":
            open_stack.append(target)
        if target is not None and target[ID] != t[HEAD]:
            t[HEAD] = target[ID]
            changed += 1
    return changed


def names_and_extpos(s, extpos):
    """Current data: capitalised words inside flat names are PROPN with lemma = form
    (Vlaams Belang, Museum voor Schone Kunsten); in LassySmall the head of a flat name
    that is not PROPN carries ExtPos=PROPN, the head of a fixed ADP expression ExtPos=ADP."""
    kids = children(s)
    n = 0
    for h in s.toks:
        flats = [k for k in kids[h[ID]] if k[DEPREL] == "flat"]
        fixeds = [k for k in kids[h[ID]] if k[DEPREL] == "fixed"]
        if flats:
            for k in flats:
                if k[UPOS] in ("NOUN", "ADJ") and k[FORM][:1].isupper():
                    k[UPOS], k[LEMMA], k[FEATS] = "PROPN", k[FORM], "_"
                    n += 1
            if extpos and h[UPOS] not in ("PROPN", "NUM", "SYM") and "ExtPos" not in h[FEATS]:
                h[FEATS] = set_feat(h[FEATS], "ExtPos", "PROPN")
        if fixeds and extpos and h[UPOS] == "ADP" and "ExtPos" not in h[FEATS]:
            h[FEATS] = set_feat(h[FEATS], "ExtPos", "ADP")
    return n


def subtree_ids(kids, root):
    out, stack = set(), [root]
    while stack:
        x = stack.pop()
        out.add(int(x))
        stack.extend(k[ID] for k in kids[x])
    return out


def promote(s, low, high, new_low_rel):
    """Make token `low` (a copula/aux) the head of `high` (its old head)."""
    low[HEAD], low[DEPREL] = high[HEAD], high[DEPREL]
    high[HEAD], high[DEPREL] = low[ID], new_low_rel
    for k in s.toks:
        if k is low or k[HEAD] != high[ID]:
            continue
        # clausal dependents move to the new head; an advmod only when it stands before it
        if k[DEPREL] in CLAUSAL and (k[DEPREL] != "advmod" or int(k[ID]) < int(low[ID])):
            k[HEAD] = low[ID]


def restructure_copulas(s, aux_lemmas):
    """Current Dutch UD: only "zijn" is a copula, and only aux_lemmas are AUX.
    2017: worden/blijven/heten/... as cop, willen/laten/gaan/... as aux."""
    n = 0
    for t in list(s.toks):
        lem = t[LEMMA].lower()
        copula = t[DEPREL] == "cop" and lem != "zijn"
        auxiliary = t[DEPREL] == "aux" and t[UPOS] == "AUX" and lem not in aux_lemmas
        if (copula or auxiliary) and t[HEAD] != "0":
            high = s.toks[int(t[HEAD]) - 1]
            promote(s, t, high, "xcomp")
            t[UPOS] = "VERB"
            n += 1
    return n


def demote_modals(s, aux_lemmas):
    """2017: "moeten" etc. as a VERB heading an xcomp infinitive; current: AUX aux."""
    n = 0
    for t in list(s.toks):
        if (
            t[UPOS] == "VERB"
            and t[LEMMA].lower() in aux_lemmas
            and t[LEMMA].lower() not in ("zijn", "hebben", "worden")
        ):
            kids = children(s)
            xs = [k for k in kids[t[ID]] if k[DEPREL] == "xcomp" and k[UPOS] == "VERB" and "VerbForm=Inf" in k[FEATS]]
            if len(xs) != 1:
                continue
            x = xs[0]
            x[HEAD], x[DEPREL] = t[HEAD], t[DEPREL]
            for k in kids[t[ID]]:
                if k is not x:
                    k[HEAD] = x[ID]
            t[HEAD], t[DEPREL], t[UPOS] = x[ID], "aux", "AUX"
            n += 1
    return n


def fixed_names_to_flat(s):
    """2017 used fixed inside multiword names/titles (Nieuw-Vlaamse Alliantie, De Rode Ridder);
    the current data uses flat there and keeps fixed for function-word expressions."""
    kids = children(s)
    n = 0
    for h in s.toks:
        grp = [k for k in kids[h[ID]] if k[DEPREL] == "fixed"]
        if not grp or h[UPOS] in ("ADP", "SCONJ", "CCONJ", "ADV"):
            continue
        if any(g[FORM][:1].isupper() for g in [h] + grp if g[ID] != "1"):
            for g in grp:
                g[DEPREL] = "flat"
                n += 1
    return n


# ---------------------------------------------------------------- 2017 -> current scheme
def convert_old(s, lex, stats):
    # --- structure
    stats["restructured copula/aux -> verb head"] += restructure_copulas(s, lex["aux_lemmas"])
    stats["restructured modal verb -> aux"] += demote_modals(s, lex["aux_lemmas"])
    stats["reattached cc/punct to following conjunct"] += reattach_cc_punct(s)
    stats["relabel fixed -> flat (names)"] += fixed_names_to_flat(s)
    stats["reattached punct to adjacent phrase"] += reattach_punct(s)
    # --- labels, POS, features
    kids = children(s)
    for t in s.toks:
        rel, upos, form, lem = t[DEPREL], t[UPOS], t[FORM].lower(), t[LEMMA].lower()
        if rel == "flat:name":
            rel = "flat"
        # possessives: LassySmall-2017 has DET, Alpino-2017 PRON, both attached as det
        if rel == "det" and upos in ("DET", "PRON") and (lem in POSS_LEMMAS or "|bez|" in t[XPOS]) and lem != "de":
            upos = "PRON"
            t[FEATS] = lex["poss_feats"].get(form, set_feat(t[FEATS], "Poss", "Yes"))
            rel = "nmod:poss"
        elif upos == "PRON" and rel == "det":
            # veel/weinig/wat/... used prenominally: current data attaches them as nmod
            rel = "nmod"
        # ordinals are ADJ/amod in the current data
        if upos == "NUM" and ORDINAL_RE.match(form):
            upos, t[FEATS] = "ADJ", "_"
            if rel == "nummod":
                rel = "amod"
        if lem == "als" and upos == "ADP" and rel == "mark":
            upos = "SCONJ"
        if upos == "PRON" and lem in ("veel", "weinig") and rel in ("obl", "amod", "advmod"):
            upos, t[FEATS], rel = "ADV", "_", "advmod"
        h = head_tok(s, t)
        if rel == "obl" and h is not None:
            door = any(k[DEPREL] == "case" and k[LEMMA].lower() == "door" for k in kids[t[ID]])
            passive = any(k[DEPREL] in ("aux:pass", "nsubj:pass") for k in kids[h[ID]])
            if door and passive:
                rel = "obl:agent"
            elif case_key(s, t, kids) in lex["oblarg"]:
                rel = "obl:arg"
        if (
            rel == "cc"
            and h is not None
            and lem in PRECONJ_LEMMAS
            and int(t[ID]) < int(h[ID])
            and h[DEPREL] != "conj"
            and any(k[DEPREL] == "conj" for k in kids[h[ID]])
        ):
            rel = "cc:preconj"
        if rel in ("obj", "iobj") and h is not None and lem in REFL_LEMMAS:
            key = (glue_lemma(h[FORM], h[LEMMA]).lower(), lem)
            if key in lex["refl"] or (key not in lex["refl_seen"] and lem == "zich" and rel == "obj"):
                rel = "expl:pv"
        if rel != t[DEPREL]:
            stats[f"relabel {t[DEPREL]} -> {rel}"] += 1
        if upos != t[UPOS]:
            stats[f"repos {t[UPOS]} -> {upos}"] += 1
        t[DEPREL], t[UPOS] = rel, upos
        t[FEATS] = fix_feats(t[FEATS])
    stats["name words NOUN/ADJ -> PROPN"] += names_and_extpos(s, extpos="lassysmall" in s.src)
    for t in s.toks:
        # current data: lemma of a capitalised proper noun keeps the capital (Vlaams Blok)
        if (
            t[UPOS] == "PROPN"
            and t[LEMMA].islower()
            and t[FORM][:1].isupper()
            and t[FORM][1:].islower()
            and t[LEMMA] == t[FORM].lower()
        ):
            t[LEMMA] = t[FORM]
            stats["PROPN lemma capitalised"] += 1


def reconstruct_spacing(s):
    """LassySmall 2017 lacks SpaceAfter=No: guess it (99% accurate on the current dev files)."""
    T = s.toks
    quote_open = False
    for i, t in enumerate(T):
        f = t[FORM]
        nxt = T[i + 1][FORM] if i + 1 < len(T) else None
        sp = True
        if nxt is None:
            sp = True
        else:
            if nxt in (",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "\u2026", "''", "'s"):
                sp = False
            if f in ("(", "[", "{", ",,", "``"):
                sp = False
            if nxt == '"' and quote_open:
                sp = False
            if f == '"' and not quote_open:
                sp = False
        if f == '"':
            quote_open = not quote_open
        misc = [m for m in t[MISC].split("|") if m not in ("_", "SpaceAfter=No")]
        if not sp:
            misc.append("SpaceAfter=No")
        t[MISC] = "|".join(misc) if misc else "_"
    text = "".join(t[FORM] + ("" if "SpaceAfter=No" in t[MISC] else " ") for t in T).strip()
    s.comments = [f"# sent_id = {s.sid}", f"# text = {text}"]


def normalise_common(s, stats):
    for t in s.toks:
        g = glue_lemma(t[FORM], t[LEMMA])
        if g != t[LEMMA]:
            stats["lemmas_glued"] += 1
            t[LEMMA] = g
        t[DEPS] = "_"


def fix_initial_lemma_case(sents, stats):
    """Lower-case capitalised lemmas of sentence-initial common words when the
    lower-cased lemma is what the treebank uses elsewhere (Officiële: Officieel -> officieel)."""
    seen = collections.Counter()
    for s in sents:
        for t in s.toks[1:]:
            seen[(t[UPOS], t[LEMMA])] += 1
    for s in sents:
        t = s.toks[0]
        if t[UPOS] in ("PROPN", "X", "SYM") or not t[LEMMA][:1].isupper():
            continue
        low = t[LEMMA][0].lower() + t[LEMMA][1:]
        if seen[(t[UPOS], low)] > seen[(t[UPOS], t[LEMMA])]:
            t[LEMMA] = low
            stats["initial_lemma_lowercased"] += 1


def is_valid_tree(s):
    heads = {int(t[ID]): int(t[HEAD]) for t in s.toks}
    if sum(1 for h in heads.values() if h == 0) != 1:
        return False
    if any((t[DEPREL] == "root") != (t[HEAD] == "0") for t in s.toks):
        return False
    for i in heads:
        seen, x = set(), i
        while x != 0 and x not in seen:
            seen.add(x)
            x = heads.get(x, 0)
        if x != 0:
            return False
    return True


def inventory(sents):
    return collections.Counter(t[DEPREL] for s in sents for t in s.toks)


def write(path, sents):
    with open(path, "w", encoding="utf8") as fh:
        for s in sents:
            fh.writelines(c + "\n" for c in s.comments)
            fh.writelines("\t".join(t) + "\n" for t in s.toks)
            fh.write("\n")


def in_dev(doc, frac):
    h = int(hashlib.md5(doc.encode("utf8")).hexdigest(), 16)
    return (h % 1000) < frac * 1000


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ud_dir", nargs="?", default=os.path.join(REPO, "..", "shared", "data", "ud"))
    ap.add_argument("--out", default=os.path.join(REPO, "build", "ud"))
    ap.add_argument("--dev-frac", type=float, default=0.10)
    ap.add_argument(
        "--upsample-current",
        type=int,
        default=2,
        help="repeat the current-scheme (dev-file) training sentences N times",
    )
    ap.add_argument("--quiet", action="store_true")
    return ap.parse_args(argv)


def find_treebank_files(ud):
    """(2017 training files, current dev files, test files) in the folder ``ud``."""
    files = sorted(glob.glob(os.path.join(ud, "*.conllu")))
    old_files = [f for f in files if "-2017" in os.path.basename(f)]
    cur_files = [f for f in files if f.endswith("-dev.conllu")]
    test_files = [f for f in files if f.endswith("-test.conllu")]
    if not (old_files and cur_files and test_files):
        sys.exit(f"expected *-2017*, *-dev and *-test .conllu files in {ud}")
    return old_files, cur_files, test_files


def compare_label_inventories(old_sents, current_sents, quiet):
    """The deprels of the current scheme; prints where the 2017 files differ from it."""
    inv_old = inventory(old_sents)
    inv_cur = inventory(current_sents)
    if not quiet:
        print("deprel inventory, 2017 train files:", dict(sorted(inv_old.items())))
        print("deprel inventory, current dev+test:", dict(sorted(inv_cur.items())))
        print("only in 2017 files   :", sorted(set(inv_old) - set(inv_cur)))
        print("only in current files:", sorted(set(inv_cur) - set(inv_old)))
    return inv_cur


def drop_test_leakage(cur, old, test_sents, stats):
    """(current dev sentences, 2017 sentences) that may be trained on: none that also occurs
    in a test file (by sent_id or token sequence); a 2017 sentence also in a current dev file
    gives way to the current version, and a repeated 2017 sentence is kept once."""
    test_ids = {s.sid for s in test_sents}
    test_keys = {tokkey(s) for s in test_sents}
    cur_ids = {s.sid for v in cur.values() for s in v}
    cur_keys = {tokkey(s) for v in cur.values() for s in v}
    cur_sents = []
    for v in cur.values():
        for s in v:
            if s.sid in test_ids or tokkey(s) in test_keys:
                stats["dropped_current_dev_overlapping_test"] += 1
                continue
            cur_sents.append(s)
    old_sents, seen_keys = [], set()
    for v in old.values():
        for s in v:
            k = tokkey(s)
            if s.sid in test_ids or k in test_keys:
                stats["dropped_2017_overlapping_test"] += 1
            elif s.sid in cur_ids or k in cur_keys:
                stats["dropped_2017_duplicate_of_current_dev"] += 1
            elif k in seen_keys:
                stats["dropped_2017_internal_duplicate"] += 1
            else:
                seen_keys.add(k)
                old_sents.append(s)
    return cur_sents, old_sents


def normalise_and_convert(cur_sents, old_sents, test_sents, stats):
    """Normalise every sentence and map the 2017 ones to the current scheme (with lexicons
    learned from the current dev sentences). Returns the 2017 sentences whose tree is still
    valid after the mapping; the others are dropped."""
    for s in cur_sents + old_sents + test_sents:
        normalise_common(s, stats)
    lex = learn_lexicons(cur_sents)
    for s in old_sents:
        convert_old(s, lex, stats)
        if not any(c.startswith("# text") for c in s.comments):
            reconstruct_spacing(s)
            stats["spacing_reconstructed_sents"] += 1
    valid = [s for s in old_sents if is_valid_tree(s)]
    stats["dropped_2017_invalid_tree_after_conversion"] += len(old_sents) - len(valid)
    fix_initial_lemma_case(cur_sents + valid, stats)
    return valid


def report_mapped_inventory(old_sents, inv_cur, quiet):
    inv_new = inventory(old_sents)
    if not quiet:
        print("deprel inventory, 2017 files after mapping:", dict(sorted(inv_new.items())))
        print("still only in 2017 files:", sorted(set(inv_new) - set(inv_cur)))


def split_train_dev(cur_sents, old_sents, dev_frac, upsample_current):
    """Whole paragraphs go to dev by hash; current-scheme training sentences are repeated."""
    train, dev = [], []
    for s in cur_sents + old_sents:
        (dev if in_dev(s.src + ":" + s.doc, dev_frac) else train).append(s)
    current = {id(s) for s in cur_sents}
    train = [s for s in train for _ in range(upsample_current if id(s) in current else 1)]
    return train, dev


def write_splits(out, train, dev, test):
    """train/dev/test .conllu and one test file per treebank; returns all test sentences."""
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "train.conllu"), train)
    write(os.path.join(out, "dev.conllu"), dev)
    all_test = []
    for f, v in test.items():
        tb = "alpino" if "alpino" in os.path.basename(f) else "lassysmall"
        write(os.path.join(out, f"test_{tb}.conllu"), v)
        all_test += v
    write(os.path.join(out, "test.conllu"), all_test)
    return all_test


def summarise(ud, upsample_current, train, dev, all_test, stats):
    return {
        "ud_dir": ud,
        "upsample_current": upsample_current,
        "train_sents": len(train),
        "train_tokens": sum(len(s.toks) for s in train),
        "dev_sents": len(dev),
        "dev_tokens": sum(len(s.toks) for s in dev),
        "test_sents": len(all_test),
        "test_tokens": sum(len(s.toks) for s in all_test),
        "train_by_source": dict(collections.Counter(s.src for s in train)),
        "dev_by_source": dict(collections.Counter(s.src for s in dev)),
        "stats": dict(sorted(stats.items())),
    }


def main(argv=None):
    args = parse_args(argv)
    ud = os.path.abspath(args.ud_dir)
    old_files, cur_files, test_files = find_treebank_files(ud)
    stats = collections.Counter()
    old = {f: read_conllu(f, stats) for f in old_files}
    cur = {f: read_conllu(f, stats) for f in cur_files}
    test = {f: read_conllu(f, stats) for f in test_files}
    test_sents = [s for v in test.values() for s in v]

    inv_cur = compare_label_inventories(
        [s for v in old.values() for s in v],
        [s for v in list(cur.values()) + list(test.values()) for s in v],
        args.quiet,
    )
    cur_sents, old_sents = drop_test_leakage(cur, old, test_sents, stats)
    old_sents = normalise_and_convert(cur_sents, old_sents, test_sents, stats)
    report_mapped_inventory(old_sents, inv_cur, args.quiet)

    train, dev = split_train_dev(cur_sents, old_sents, args.dev_frac, args.upsample_current)
    all_test = write_splits(args.out, train, dev, test)
    summary = summarise(ud, args.upsample_current, train, dev, all_test, stats)
    with open(os.path.join(args.out, "stats.json"), "w") as fh:
        json.dump(summary, fh, indent=2, ensure_ascii=False)
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
