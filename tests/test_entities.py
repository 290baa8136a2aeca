from conftest import ents, seed_text


def test_nationality_adjective_joins_the_minister_title(nlp):
    doc = nlp(
        "De bijeenkomst werd geopend in het bijzijn van de Resolute Support \n"
        "partners en de Afghaanse Minister van Buitenlandse Zaken."
    )
    assert ("Afghaanse Minister van Buitenlandse Zaken", "MINISTER") in ents(doc)
    assert ("Resolute Support", "OPERATIE") in ents(doc)


def test_plural_ministers_and_compounds_are_not_tagged(nlp):
    doc = nlp(
        "Hierbij ontvangt u, mede namens de Minister van Buitenlandse Zaken, het \n"
        "verslag van de bijeenkomst van de NAVO-Ministers van Defensie op 24 en \n"
        "25 oktober jl. in Brussel. Ministers van Buitenlandse Zaken van kernlanden spraken over NAVO-landen."
    )
    assert ents(doc) == [("Minister van Buitenlandse Zaken", "MINISTER")]


def test_signature_block_gives_title_and_name(nlp):
    doc = nlp("Syrië. \n\nDe Minister van Defensie,\nA.Th.B. Bijleveld-Schouten")
    assert ents(doc) == [
        ("Minister van Defensie", "MINISTER"),
        ("A.Th.B. Bijleveld-Schouten", "MINISTER"),
    ]
    assert doc.ents[1]._.kamer_rule == "minister:initials_name"


def test_name_in_apposition_and_title_across_a_line_break(nlp):
    doc = nlp("waarbij Oekraïne werd vertegenwoordigd door Pavlo Klimkin, Minister \nvan Buitenlandse Zaken. ")
    assert ents(doc) == [("Pavlo Klimkin", "MINISTER"), ("Minister \nvan Buitenlandse Zaken", "MINISTER")]


def test_title_with_surname_and_all_caps_heading(nlp):
    doc = nlp(
        "Nr. 235  BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN \n\n"
        "Minister Kerry stelde dat ook Rusland hiervan is overtuigd."
    )
    assert ents(doc, "MINISTER") == [("MINISTER VAN BUITENLANDSE ZAKEN", "MINISTER"), ("Minister Kerry", "MINISTER")]


def test_two_titles_for_two_persons(nlp):
    doc = nlp("BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN FINANCIËN")
    assert ents(doc) == [("MINISTER", "MINISTER"), ("STAATSSECRETARIS VAN FINANCIËN", "MINISTER")]


def test_organisation_names_and_acronym_in_brackets(nlp):
    doc = nlp(seed_text("kst-28676-235"))
    found = ents(doc, "ORGANISATIE")
    assert ("Noord-\nAtlantische Raad", "ORGANISATIE") in found
    assert ("NAR", "ORGANISATIE") in found
    assert ("NAVO Rusland Raad", "ORGANISATIE") in found and ("NRR", "ORGANISATIE") in found
    # the description around a name is not tagged, the name is
    assert ("Hoge Vertegenwoordiger van de EU", "ORGANISATIE") not in found


def test_officials_heads_of_state_and_the_addressee_are_not_tagged(nlp):
    doc = nlp(
        "De ontwikkelingen waren voor NAVO secretaris-generaal Stoltenberg aanleiding. "
        "Het regime van President Assad draagt verantwoordelijkheid. Uw Kamer is geïnformeerd."
    )
    assert ents(doc) == [("NAVO", "ORGANISATIE")]


def test_acronym_defined_in_brackets_is_tagged_where_it_recurs(nlp):
    doc = nlp(
        "In de discussie over de mogelijke aanpassing van de NATO Response \n"
        "Force (aNRF) heeft Nederland het belang onderstreept. Nederland is voorts "
        "voorstander van een aNRF waarin de mogelijkheid blijft bestaan."
    )
    assert ents(doc) == [
        ("NATO Response \nForce", "OPERATIE"),
        ("aNRF", "OPERATIE"),
        ("aNRF", "OPERATIE"),
    ]
    assert [e._.kamer_rule for e in doc.ents] == [
        "gazetteer:nato_operation",
        "acronym:defined_in_brackets",
        "acronym:defined_earlier",
    ]


def test_operation_name_without_generic_head(nlp):
    doc = nlp("Nederland nam in 1991 deel aan operatie Desert Storm en later aan de missie in Mali.")
    assert ents(doc) == [("Desert Storm", "OPERATIE")]


def test_every_entity_records_its_rule(nlp):
    doc = nlp(seed_text("kst-28676-325"))
    assert doc.ents and all(e._.kamer_rule for e in doc.ents)
