"""Names of missions and forces on invented sentences (issue 13): numbered rotations and editions, "operatie X" /
"Operation X" / "X-missie" for names no list holds, "Task Force X", EU mission prefixes with a place, English
mission names, and no separate ORGANISATIE inside an operation's name. The rules are data
(resources/entity_rules.jsonl and lists/), so most tests run the real resources on a blank model; the rotation
mechanism is also tested on tiny resources, so it is seen to follow from any gazetteer row."""

import pytest

from tests.conftest import ents, labelled, rules_pipeline, write_jsonl

# -- 1. numbered rotations and editions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, names",
    [
        ("Nederland levert eenheden aan de NRF-14 en later aan de NRF 15.", ["NRF-14", "NRF 15"]),
        ("De Nederlandse bijdrage aan de NRF 2011 is vastgesteld.", ["NRF 2011"]),
        ("De bijdrage aan UNOSOM II eindigde in maart.", ["UNOSOM II"]),
        ("Het fregat sluit aan bij CTF-150 en daarna bij CTF 151.", ["CTF-150", "CTF 151"]),
        ("Het fregat vaart in SNMG3 en de mijnenjager in SNMCMG2.", ["SNMG3", "SNMCMG2"]),
        ("Een fregat vaart mee met Task Force 55 in de Golf.", ["Task Force 55"]),
    ],
)
def test_a_rotation_or_edition_number_is_part_of_the_name(rules_nlp, text, names):
    assert labelled(rules_nlp(text), "OPERATIE") == names


@pytest.mark.parametrize(
    "text, names",
    [
        # a number that counts the word after it is a quantity, not a rotation
        ("Nederland stuurt naar KFOR 150 militairen.", ["KFOR"]),
        # a year after a preposition is a date
        ("Nederland levert in 2011 eenheden aan de NRF in 2012.", ["NRF"]),
        # a list number on the next line is no rotation
        ("Onderdelen van de NRF\n2. Een hoofdkwartier.", ["NRF"]),
        # an acronym that is not always numbered, glued to a digit, may carry a footnote: no rotation
        ("De bijdrage aan ISAF2 loopt door.", []),
        # other acronyms with numbers are no forces
        ("De COVID-19 crisis en de KDC-10 vliegtuigen.", []),
    ],
)
def test_numbers_that_are_no_rotation_stay_out(rules_nlp, text, names):
    assert labelled(rules_nlp(text), "OPERATIE") == names


@pytest.fixture
def tiny_nlp(resources_dir):
    write_jsonl(
        resources_dir / "gazetteers" / "operations.jsonl",
        [
            {"label": "OPERATIE", "pattern": "KARFOR", "id": "gazetteer:operation"},
            {"label": "OPERATIE", "pattern": "Karistan Shield", "id": "gazetteer:operation"},
        ],
    )
    (resources_dir / "lists" / "numbered_force_acronyms.txt").write_text("KTG\n", encoding="utf-8")
    return rules_pipeline(resources_dir)


@pytest.mark.unit
@pytest.mark.parametrize(
    "text, names",
    [
        ("De bijdrage aan KARFOR-3 en aan Karistan Shield II loopt af.", ["KARFOR-3", "Karistan Shield II"]),
        ("Het schip vaart mee in KTG4.", ["KTG4"]),
        ("Het schip vaart mee in KARFOR4 en in KTG.", []),
    ],
)
def test_any_gazetteer_operation_takes_its_rotation_number(tiny_nlp, text, names):
    assert labelled(tiny_nlp(text), "OPERATIE") == names


# -- 2. "operatie X", "Operation X", "X-missie", "Task Force X" -------------------------------------------------


@pytest.mark.parametrize(
    "text, names",
    [
        ("De Nederlandse bijdrage aan operatie Desert Falcon is beëindigd.", ["Desert Falcon"]),
        ("Operatie Ocean Storm begon in maart.", ["Ocean Storm"]),
        ("De coalitie voerde Operation Pillar of Sand uit.", ["Pillar of Sand"]),
        ("De NAVO-operatie Karistan Shield begint volgende week.", ["Karistan Shield"]),
        # a gazetteer name written with its head keeps the head outside as well
        ("De bijdrage aan Operation Enduring Freedom stopt.", ["Enduring Freedom"]),
        ("Het kabinet evalueert de Karistan-missie dit najaar.", ["Karistan-missie"]),
        ("Een fregat gaat naar Task Force Oranje.", ["Task Force Oranje"]),
    ],
)
def test_a_capitalised_name_after_a_generic_head_is_the_operation(rules_nlp, text, names):
    assert labelled(rules_nlp(text), "OPERATIE") == names


@pytest.mark.parametrize(
    "text",
    [
        "De operatie verliep goed.",
        "Operatie verliep volgens plan, aldus de commandant.",
        "De operatie ter bescherming van burgers duurt voort.",
        "De VN-missie en de EU-operatie lopen af.",
        "De militaire operatie in het noorden is voorbij.",
    ],
)
def test_a_generic_head_without_a_capitalised_name_is_nothing(rules_nlp, text):
    assert labelled(rules_nlp(text), "OPERATIE") == []


# -- 3. EU mission prefixes with a place --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, names",
    [
        ("Nederland draagt bij aan EUTM Karistan met vijf militairen.", ["EUTM Karistan"]),
        ("De missie EUCAP Sahel Karistan wordt verlengd.", ["EUCAP Sahel Karistan"]),
        ("EUBAM Oost-Karistan en EUPOL Karistan zijn civiele missies.", ["EUBAM Oost-Karistan", "EUPOL Karistan"]),
        ("De EUFOR RD Karistan operatie is afgerond.", ["EUFOR RD Karistan"]),
        ("De EUNAVFOR KAR missie patrouilleert.", ["EUNAVFOR KAR"]),
    ],
)
def test_an_eu_mission_prefix_and_the_place_after_it_are_one_operation(rules_nlp, text, names):
    assert labelled(rules_nlp(text), "OPERATIE") == names


def test_an_eu_mission_prefix_stops_before_a_nationality_adjective_or_a_head(rules_nlp):
    doc = rules_nlp("Binnen EUTM Karistan Nederlandse militairen trainen; de EUTM Karistan Missie ook.")
    assert labelled(doc, "OPERATIE") == ["EUTM Karistan", "EUTM Karistan"]


def test_an_eu_mission_prefix_alone_is_nothing(rules_nlp):
    # the prefix rule needs a place; a family acronym that the list holds alone ("EUTM") is a name by the list
    assert labelled(rules_nlp("Een EUJUST is een rechtsstaatmissie van de Unie."), "OPERATIE") == []


# -- 4. no ORGANISATIE inside the name of a mission or force --------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("De United Nations Mission in Karistan is afgerond.", "United Nations Mission in Karistan"),
        ("De VN-missie United Nations Interim Force in Karistan vertrekt.", "United Nations Interim Force in Karistan"),
        ("Wij steunen de EU Training Mission Karistan met instructeurs.", "EU Training Mission Karistan"),
        ("De NAVO Response Force staat klaar.", "NAVO Response Force"),
        ("De NATO Mission Karistan adviseert het ministerie.", "NATO Mission Karistan"),
    ],
)
def test_an_organisation_inside_a_mission_name_is_no_separate_span(rules_nlp, text, name):
    assert ents(rules_nlp(text)) == [(name, "OPERATIE")]


def test_a_compound_with_an_organisation_is_neither_organisation_nor_operation(rules_nlp):
    assert ents(rules_nlp("De NAVO-landen en de VN-missie steunen het plan.")) == []


def test_an_organisation_beside_a_mission_is_still_tagged(rules_nlp):
    doc = rules_nlp("De NAVO leidt de NATO Mission Karistan.")
    assert ents(doc) == [("NAVO", "ORGANISATIE"), ("NATO Mission Karistan", "OPERATIE")]
