import pytest
from conftest import seed_text

NIEUW = [
    "Uw Kamer zal op een later moment worden geïnformeerd over de uitkomst van het onderzoek.",
    "Zodra het onderzoek daartoe aanleiding geeft, \nwordt uw Kamer nader geïnformeerd.",
    "Ik zal uw Kamer voor de zomer een brief sturen over de voortgang.",
    "Het kabinet komt hier in het voorjaar op terug.",
    "Het kabinet wil de Kamer in het najaar een evaluatie toesturen.",
    "Ik verzoek u daarom de termijn te verlengen tot 3 februari.",
    "Ik zal uw Kamer voor de zomer informeren over de uitvoering van eerdere toezeggingen.",
]
NAGEKOMEN = [
    "Met deze brief wordt een aantal toezeggingen gestand gedaan uit het algemeen overleg op 16 oktober jl.",
    "Dat betreft allereerst de toezegging om het ontbreken van interne sanctiemechanismen in de NAVO "
    "aan de orde te stellen.",
    "Hiermee is mijn toezegging van 16 oktober jl. over de lopende verzoeken gestand gedaan.",
    "Zoals toegezegd in het commissiedebat van 3 februari, zal ik de Kamer informeren.",
    "Zoals aangekondigd in mijn brief van 2 maart, is het onderzoek gestart.",
]
NONE = [
    "In deze brief informeer ik u over de uitkomsten van de Raad.",
    "Daarover wordt uw Kamer in deze brief ook geïnformeerd.",
    "Uw Kamer is op 15 juli jl. over dit verzoek geïnformeerd.",
    "Nederland heeft het aanbod herhaald om experts te leveren.",
    "Nederland is tot eind 2016 gecommitteerd aan deze missie.",
    "De Secretaris-Generaal van de NAVO zal op korte termijn met nadere voorstellen komen.",
    "Het is het voornemen van de regering hieraan een verdere impuls te geven.",
    "Bijdragen die reeds zijn toegezegd aan de NATO Response Force mogen niet worden verminderd.",
]


def statuses(doc):
    return [(s.text, s._.kamer_status) for s in doc.spans["toezeggingen"]]


@pytest.mark.parametrize("sentence", NIEUW)
def test_new_commitments(nlp, sentence):
    assert statuses(nlp(sentence)) == [(sentence, "nieuw")]


@pytest.mark.parametrize("sentence", NAGEKOMEN)
def test_settled_or_named_commitments(nlp, sentence):
    assert statuses(nlp(sentence)) == [(sentence, "nagekomen")]


@pytest.mark.parametrize("sentence", NONE)
def test_not_a_toezegging(nlp, sentence):
    assert statuses(nlp(sentence)) == []


def test_span_is_the_whole_sentence_within_a_letter(nlp):
    text = seed_text("kst-28676-325")
    doc = nlp(text)
    spans = doc.spans["toezeggingen"]
    assert len(spans) == 6
    for span in spans:
        assert span.text == text[span.start_char : span.end_char]
        assert span.text[-1] == "." and not span.text[0].isspace()
        assert span._.kamer_rule and span._.kamer_status in {"nieuw", "nagekomen"}


def test_questions_from_members_are_not_commitments(nlp):
    doc = nlp(
        "Vraag 1 Herinnert u zich nog dat u tijdens het plenaire debat over het Belastingplan heeft "
        "toegezegd dat u mensen zou informeren? Antwoord 1 Ja. Ik zal uw Kamer voor 1 juni informeren."
    )
    assert statuses(doc) == [("Ik zal uw Kamer voor 1 juni informeren.", "nieuw")]
