"""Which of the names ``codecs.lookup`` knows are text encodings: it also knows bytes-to-bytes codecs."""

import codecs


def is_text_encoding(info: codecs.CodecInfo) -> bool:
    """False for "hex", "base64", "rot13" and the like: decoding with them is no way to read a text."""
    return getattr(info, "_is_text_encoding", True)
