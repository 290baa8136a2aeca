"""Commitments found by grammar (issue 14), on invented sentences: the kinds the issue lists are found with the
bundled base model, what is not a commitment is not, and every verb form comes from lemma lists."""

import pytest

from pipeline.knowledge.verb_forms import forms_of, joined_forms, present_stem, split_forms


def commitment(nlp, text):
    doc = nlp(text)  # the spans live as long as their doc
    return [(s._.kamer_status, s._.kamer_rule) for s in doc.spans["toezeggingen"]]


@pytest.mark.parametrize(
    "text",
    [
        # the Kamer as receiver or subject
        "U ontvangt de rapportage over de pilots in het voorjaar.",
        "Uw Kamer mag het wetsvoorstel over de havens na de zomer tegemoet zien.",
        "De Kamer krijgt de evaluatie van de regeling voor 1 mei.",
        # passive and impersonal futures of delivery
        "Het rapport over de dijken wordt u na afronding toegezonden.",
        "Uw Kamer wordt in een aparte brief geïnformeerd over de kosten van de brug.",
        "Er volgt in het najaar een brief over de stand van de dijken.",
        # first person or a named colleague with a delivery or reporting verb
        "Ik zal in de volgende voortgangsrapportage op de resultaten van de proef ingaan.",
        "Ik zal de uitkomsten van het onderzoek opnemen in de jaarlijkse brief.",
        "De Staatssecretaris van Landbouw zal hier nader op ingaan in haar beleidsbrief over vis.",
        "De staatssecretaris en ik kiezen ervoor de voortgangsbrief begin volgend jaar aan uw Kamer te sturen.",
        "Deze brief over de veerdiensten kan ik binnen enkele weken naar uw Kamer verzenden.",
        # standing promises
        "Voortaan zal ik u na elke Visserijraad informeren.",
        "Ik blijf u jaarlijks rapporteren over de voortgang.",
        # other phrasings of delivery, intention and a decision's moment
        "Ik zal uw Kamer begin november voorzien van mijn reactie op het rapport.",
        "Ik zal vóór de zomer met mijn reactie komen op het advies van de commissie.",
        "We verwachten deze eind oktober te kunnen sturen.",
        "Ik laat uw Kamer voor de zomer weten hoe het kabinet hiermee omgaat.",
        "Ik zeg uw Kamer toe dat de evaluatie openbaar wordt.",
        "Ik zal vóór 1 juli een besluit nemen over de ontheffingen.",
        "Begin september zal ik u mijn reactie doen toekomen en informeer ik u tevens over de planning.",
        # doing something at the Kamer's request (an adjective in -de is no past tense: "de beoogde regeling")
        "Ik kom graag tegemoet aan de wens van uw Kamer om meer inzicht te krijgen in de beoogde regeling.",
    ],
)
def test_new_commitments_by_grammar(nlp, text):
    found = commitment(nlp, text)
    assert [status for status, _ in found] == ["nieuw"], found


@pytest.mark.parametrize(
    "text",
    [
        "Zoals toegezegd stuur ik u hierbij de evaluatie van de regeling.",
        "In het overleg van 3 maart heb ik, met instemming van de aanwezige leden, toegezegd deze brief te sturen.",
        "De toegezegde brief over de veerdiensten treft u hierbij aan.",
        "Ter uitvoering van de toezegging stuur ik u het rapport over de dijken.",
        "Gevolg gevend aan mijn toezegging stuur ik u het rapport.",
        "Hierbij kom ik mijn toezegging aan uw Kamer na.",
        "In de beantwoording van de vragen is aangegeven bij dit verslag terug te komen op de visserij.",
        "Zoals al in de brief van 3 maart is gemeld, zullen de proeven worden voortgezet.",
        "Uiteraard blijven wij de Kamer informeren volgens de staande informatieafspraken.",
    ],
)
def test_settled_commitments(nlp, text):
    found = commitment(nlp, text)
    assert [status for status, _ in found] == ["nagekomen"], found


@pytest.mark.parametrize(
    "text",
    [
        "De Europese Commissie zal haar voorstel over de visserij in het voorjaar presenteren.",  # promise by others
        "In deze brief informeer ik u over de stand van zaken van de dijken.",  # this letter
        "Ik heb uw Kamer op 3 maart geïnformeerd over de uitkomsten.",  # already happened
        "U ontving daarvan op 13 juli jl. het verslag.",  # already happened
        "De Kamer heeft de minister verzocht voor 1 mei een brief te sturen.",  # a request, not a promise
        "Het kabinet zal de regels voor de visserij aanpassen.",  # policy, not delivery
        "Tevens willen wij uw Kamer inlichten over het besluit over de subsidie.",  # this letter's purpose
        "Ik kan daarom niet aan het verzoek voldoen deze brief voor dinsdag aan uw Kamer te versturen.",
        "Hiermee wordt voldaan aan het verzoek om uw Kamer halfjaarlijks te informeren over de missie.",
        "De medewerkers worden geïnformeerd over de maatregelen die Defensie zal nemen.",  # not the Kamer
        "Voorts bent u geïnformeerd over het proces dat in 2013 wordt doorlopen.",  # already happened
        "Tot slot informeren wij u over de wijze waarop wij voornemens zijn de regels te wijzigen.",
        "Hierna ga ik eerst in op de visie en de doelen van de spooragenda.",  # this letter
        "Het bericht luidt: «Vanaf 2012 ontvangt u geen extra bedrag.»",  # quoted, to someone else
        "De Raad zal in juni een besluit nemen over de verlenging.",  # a decision by others
        "Het lid Jansen heeft aangegeven graag meer te weten over de kosten die het kabinet wil presenteren.",
        "Met deze brief geef ik gehoor aan het verzoek van uw Kamer.",  # done by this letter
    ],
)
def test_not_commitments(nlp, text):
    assert commitment(nlp, text) == []


def test_every_span_names_its_grammar_rule(nlp):
    ((status, rule),) = commitment(nlp, "Ik blijf u jaarlijks rapporteren over de voortgang.")
    assert rule == "nieuw:grammar_future_delivery"


def test_the_blank_fallback_has_no_parse_and_cannot_tell_who_promises(blank_nlp, nlp):
    # docs/generalisation.md: without the parser the subject check is missing
    text = "De Europese Commissie zal haar voorstel over de visserij in het voorjaar presenteren."
    assert commitment(nlp, text) == []
    assert [status for status, _ in commitment(blank_nlp, text)] == ["nieuw"]


@pytest.mark.parametrize(
    "infinitive, stem",
    [
        ("sturen", "stuur"),
        ("zenden", "zend"),
        ("blijven", "blijf"),
        ("lezen", "lees"),
        ("gaan", "ga"),
        ("komen", "kom"),
        ("informeren", "informeer"),
        ("verstrekken", "verstrek"),
        ("zien", "zie"),
    ],
)
def test_present_stems_follow_dutch_spelling(infinitive, stem):
    assert present_stem(infinitive) == stem


def test_forms_of_a_lemma_come_from_the_lookup_table_and_morphology():
    forms = forms_of("toezenden")
    assert {"toezenden", "toegezonden", "toezendt"} <= forms
    assert "toezendende" not in forms  # a present participle is an adjective
    assert {"krijgt", "kreeg", "gekregen"} <= forms_of("krijgen")


def test_separable_verbs_are_matched_joined_and_split():
    assert "toegezonden" in joined_forms(["toe|zenden"])
    ((verb_forms, particle),) = split_forms(["toe|zenden"])
    assert particle == "toe" and "zendt" in verb_forms
    assert split_forms(["sturen"]) == []


def tiny_grammar(rows, lists):
    import spacy

    from pipeline.components.commitment_grammar import CommitmentGrammar
    from pipeline.knowledge.resource_files import Located

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    return nlp, CommitmentGrammar(nlp.vocab, [Located(f"row {i}", r) for i, r in enumerate(rows)], lists, {})


def test_a_separable_verb_is_matched_only_with_its_own_particle():
    # one shared pattern serves every verb of the list: "zendt ... toe" counts, "zendt ... na" (another verb's
    # particle) does not, and neither does "zeg ... toe" when only "na|zeggen" is listed
    nlp, grammar = tiny_grammar([{"feature": "DELIVERY", "separable": "verbs"}], {"verbs": ["toe|zenden", "na|zeggen"]})

    def found(text):
        doc = nlp(text)
        return grammar.features_by_sentence(doc)

    assert found("Hij zendt u het rapport toe.") == {0: {"DELIVERY"}}
    assert found("Ik zeg u dat na.") == {0: {"DELIVERY"}}
    assert found("Ik ben voornemens het rapport toe te zenden.") == {0: {"DELIVERY"}}
    assert found("Hij zendt u het rapport na.") == {}
    assert found("Ik zeg u dat toe.") == {}


def test_the_word_test_before_the_matcher_never_misses_a_feature():
    from pipeline.components.commitment_grammar import anchor_words

    rows = [
        {"feature": "LET", "pattern": [{"NORM": {"IN": ["laat", "laten"]}}, {"OP": "*"}, {"LOWER": "weten"}]},
        {"feature": "KAMER", "pattern": [{"NORM": {"IN": ["u", "kamer"]}}]},
        {"feature": "DELIVERABLE", "pattern": [{"LOWER": {"REGEX": "brief$"}}]},
    ]
    nlp, grammar = tiny_grammar(rows, {})
    # every required element that names its words must be met: "laat" alone is not enough
    assert [len(a) for a in anchor_words(rows[0]["pattern"], nlp.vocab)] == [2, 1]
    assert anchor_words(rows[2]["pattern"], nlp.vocab) == []  # a regex: no word to test, always possible
    for text in ["Ik laat het u weten.", "Ik laat het zo.", "De Kamer krijgt een brief.", "Niets hier."]:
        doc = nlp(text)
        words = {int(h) for h in doc.to_array(["NORM", "LOWER"]).ravel()}
        possible = grammar.possible_word_features(words)
        matched = grammar.features_by_sentence(doc).get(0, set())
        assert matched <= possible, text  # a superset: the Matcher finds nothing the test ruled out
    assert "LET" not in grammar.possible_word_features({nlp.vocab.strings["laat"]})
