"""The Dutch armed forces, police, intelligence and crisis bodies (gazetteers/nl_security.jsonl) on invented
sentences (schema, id and duplicates: test_gazetteer_files.py): every name in it is tagged whole, and the generic
words the guide leaves untagged ("de politie", "de marine", "de krijgsmacht") stay so. Runs the real resources on a
blank model."""

import shutil

import pytest

from pipeline.knowledge.resource_files import RESOURCES
from tests.conftest import gazetteer_rows, labelled, rules_pipeline


@pytest.fixture(scope="module")
def rows():
    return gazetteer_rows("nl_security.jsonl")


@pytest.fixture(scope="module")
def nlp_alone(tmp_path_factory):
    """The real resources with this gazetteer as the only one: the list must be complete on its own."""
    root = tmp_path_factory.mktemp("resources") / "resources"
    shutil.copytree(RESOURCES, root)
    for path in (root / "gazetteers").glob("*.jsonl"):
        if path.name != "nl_security.jsonl":
            path.unlink()
    return rules_pipeline(root)


def test_every_name_is_tagged_whole_in_a_sentence(nlp_alone, rows):
    # a name that tokenises or case-checks badly would come out shorter, split or not at all
    missed = []
    for row in rows:
        doc = nlp_alone(f"Wij hebben daarover gesproken met {row['pattern']} in Den Haag.")
        if row["pattern"] not in labelled(doc, "ORGANISATIE"):
            missed.append(row["pattern"])
    assert missed == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("Bij de grensovergang controleert de Koninklijke Marechaussee alle auto's.", ["Koninklijke Marechaussee"]),
        ("De marechaussee bewaakt ook de ambassades.", ["marechaussee"]),
        (
            "Het schip valt onder het Commando Zeestrijdkrachten (CZSK) in Den Helder.",
            ["Commando Zeestrijdkrachten", "CZSK"],
        ),
        ("Volgens de MIVD is de dreiging toegenomen.", ["MIVD"]),
        ("Het Commando Zee-\nstrijdkrachten levert een fregat.", ["Commando Zee-\nstrijdkrachten"]),
        ("DE KONINKLIJKE MARECHAUSSEE EN HET KORPS MARINIERS", ["KONINKLIJKE MARECHAUSSEE", "KORPS MARINIERS"]),
        ("Toen heette de AIVD nog BVD en de NCTV nog NCTb.", ["AIVD", "BVD", "NCTV", "NCTb"]),
        ("De AIVD en de NCTV stellen samen het dreigingsbeeld op.", ["AIVD", "NCTV"]),
        ("Eenheden van 11 Luchtmobiele Brigade oefenen in Duitsland.", ["11 Luchtmobiele Brigade"]),
        ("Het hoofdkwartier van 1 Duits-Nederlands Legerkorps staat in Münster.", ["1 Duits-Nederlands Legerkorps"]),
        ("De koninklijke landmacht levert twee compagnieën.", ["koninklijke landmacht"]),
        ("Het Korps landelijke politiediensten (KLPD) is opgegaan in de Nationale Politie.", None),
        ("De Dienst Speciale Interventies rukte uit.", ["Dienst Speciale Interventies"]),
        ("Het Nationaal Crisiscentrum coördineert de informatie.", ["Nationaal Crisiscentrum"]),
    ],
)
def test_names_in_invented_sentences(rules_nlp, nlp_alone, text, names):
    expected = names or ["Korps landelijke politiediensten", "KLPD", "Nationale Politie"]
    assert labelled(rules_nlp(text), "ORGANISATIE") == expected
    assert labelled(nlp_alone(text), "ORGANISATIE") == expected


@pytest.mark.parametrize(
    "text",
    [
        "De politie heeft de verdachte aangehouden.",
        "De Russische marine oefent in de Oostzee.",
        "De krijgsmacht moet snel kunnen optreden.",
        "De landmacht en de luchtmacht oefenen samen.",
        "Een landelijke eenheid van de politie is opgericht.",
        "De commandant der strijdkrachten bezocht de troepen.",
        "De Libische kustwacht onderschept bootjes.",
        "De Afghaanse nationale politie groeit snel.",
    ],
)
def test_generic_words_stay_untagged(nlp_alone, text):
    assert labelled(nlp_alone(text), "ORGANISATIE") == []
