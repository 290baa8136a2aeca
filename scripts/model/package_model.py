#!/usr/bin/env python
"""Copy a trained spaCy pipeline (build/training/model-best) to models/nl_ud_base.

* senter is kept but disabled by default (the parser sets sentence boundaries,
  as in nl_core_news_sm); enable it with spacy.load(path, enable=["senter"],
  exclude=["parser"]) for fast sentence splitting only.
* meta.json gets name, version, licence and the UD attribution.

usage: package_model.py SRC_MODEL_DIR DEST_DIR
"""

import shutil
import sys

import spacy

ATTRIBUTION = (
    "UD_Dutch-Alpino: Bouma, Gosse; van Noord, Gertjan; Zeman, Daniel; Zabokrtsky, Zdenek. "
    "UD_Dutch-LassySmall: Bouma, Gosse; van Noord, Gertjan"
)


def main(src, dest):
    nlp = spacy.load(src)
    if "senter" in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.disable_pipe("senter")
    meta = nlp.meta
    meta["name"] = "ud_base"
    meta["version"] = "1.0.0"
    meta["description"] = (
        "Small Dutch base pipeline (tok2vec CNN, morphologizer, parser, trainable lemmatizer, "
        "senter [disabled]) trained on UD_Dutch-Alpino and UD_Dutch-LassySmall, "
        "with whitespace/newline augmentation for PDF text."
    )
    meta["license"] = "CC BY-SA 4.0"
    meta["author"] = "built by scripts/model/build_model.sh"
    meta["sources"] = [
        {
            "name": "UD_Dutch-Alpino",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
            "license": "CC BY-SA 4.0",
            "author": "Bouma, Gosse; van Noord, Gertjan; Zeman, Daniel; Zabokrtsky, Zdenek",
        },
        {
            "name": "UD_Dutch-LassySmall",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
            "license": "CC BY-SA 4.0",
            "author": "Bouma, Gosse; van Noord, Gertjan",
        },
    ]
    meta["notes"] = "Attribution: " + ATTRIBUTION + ". Derived work shipped under CC BY-SA 4.0."
    # the dev-set scores in meta['performance'] come from training (model selection);
    # held-out test scores are in models/nl_ud_base_scores.json
    nlp.meta.update(meta)
    shutil.rmtree(dest, ignore_errors=True)
    nlp.to_disk(dest)
    # sanity check
    nlp2 = spacy.load(dest)
    print("packaged", dest, "pipeline:", nlp2.pipe_names, "disabled:", nlp2.disabled)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
