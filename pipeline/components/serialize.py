"""to_disk/from_disk for rule components whose knowledge is a JSON-able dict."""

from pathlib import Path

import srsly


class DataBackedComponent:
    """A component keeps its resource data in ``self.data`` and rebuilds from it.

    Saving writes that data next to the pipeline, so a saved pipeline is
    self-contained and ``spacy.load`` does not need the resource files.
    """

    def __init__(self, name: str, data: dict):
        self.name = name
        self.data = data
        self._build()

    def _build(self) -> None:  # pragma: no cover - implemented by subclasses
        raise NotImplementedError

    def to_disk(self, path, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "data.json", self.data)

    def from_disk(self, path, exclude=tuple()):
        self.data = srsly.read_json(Path(path) / "data.json")
        self._build()
        return self
