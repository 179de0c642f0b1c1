"""Argument frames, instruments as nodes, people and dates, on sentences a new user writes.

Each test states the sentence it reads; the expected relations are what that sentence says.
"""

from __future__ import annotations

from loaders.extract import DocExtraction, extract_document

MOC = (
    "Copenhagen, 12 March 2024 - Minister Sato of the Ministry of Internal Affairs and "
    "Communications (MIC) and Minister Jensen of the Danish Agency for Digital Government met in "
    "Copenhagen. Minister Sato and Minister Jensen signed a Memorandum of Cooperation on digital "
    "government on 12 March 2024."
)
LOAN = (
    "The Japan International Cooperation Agency (JICA) signed a loan agreement with the "
    "Government of Indonesia for the Jakarta MRT East-West Line Project on 12 March 2024."
)
AMBASSADOR = (
    "H.E. Mr. Tanaka Ichiro, Ambassador of Japan to Brazil, and Commissioner Jensen of the "
    "European Commission signed an agreement in Brasilia in March 2023."
)
FUNDERS = (
    "The meeting of the Ocean Research Programme (ORP) was attended by all ORP current funders, "
    "i.e. the Japan Science and Technology Agency (Japan), the National Research Foundation of "
    "Korea (Korea) and the Australian Research Council (Australia)."
)


def _triples(result: DocExtraction) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in result.relations}


def _one(result: DocExtraction, actor_type: str) -> str:
    (found,) = [a.id for a in result.actors if a.type == actor_type]
    return found


def test_people_sign_for_their_ministries_through_an_moc_node() -> None:
    result = extract_document(MOC)
    moc = _one(result, "Agreement")
    triples = _triples(result)
    assert {("agency:mic", "SIGNED", moc), ("agency:digst-denmark", "SIGNED", moc)} <= triples
    assert ("agency:digst-denmark", "SIGNED_MOC", "agency:mic") in triples  # the derived view
    assert not any("Sato" in a.name or "Jensen" in a.name for a in result.actors)
    name = next(a.name for a in result.actors if a.id == moc)
    assert "Memorandum of Cooperation on digital government" in name and "(2024)" in name


def test_an_unnamed_instrument_keeps_its_date_at_day_precision_from_its_sentence() -> None:
    result = extract_document(MOC)
    signed = [r for r in result.relations if r.type == "SIGNED"]
    assert {(r.date, r.date_precision, r.date_source, r.year) for r in signed} == {
        ("2024-03-12", "day", "sentence", 2024)
    }
    assert all(r.rule == "active" and r.confidence >= 0.8 for r in signed)


def test_loan_agreement_with_a_government_for_a_project() -> None:
    result = extract_document(LOAN)
    loan = _one(result, "Agreement")
    project = "project:jakarta-mrt-east-west-line-project"  # the date is not part of the name
    assert {
        ("agency:jica", "SIGNED", loan),
        ("country:IDN", "SIGNED", loan),
        ("agency:jica", "FUNDS", project),
        ("agency:jica", "AGREEMENT_WITH", "country:IDN"),
    } <= _triples(result)
    derived = [r for r in result.relations if r.type == "AGREEMENT_WITH"]
    assert all(r.rule.startswith("derived:") for r in derived)


def test_an_ambassador_speaks_for_the_sending_country_and_a_commissioner_for_the_commission() -> (
    None
):
    result = extract_document(AMBASSADOR)
    agreement = _one(result, "Agreement")
    triples = _triples(result)
    assert ("country:JPN", "SIGNED", agreement) in triples
    assert ("org:european-commission", "SIGNED", agreement) in triples
    assert not any(r.source == "country:BRA" or r.target == "country:BRA" for r in result.relations)
    assert (agreement, "LOCATED_IN", "place:brasilia") in triples
    month = next(r for r in result.relations if r.type == "SIGNED")
    assert (month.date, month.date_precision) == ("2023-03", "month")


def test_a_list_after_a_funders_noun_funds_the_programme_it_belongs_to() -> None:
    result = extract_document(FUNDERS)
    programme = "programme:ocean-research-programme"
    funders = {r.source for r in result.relations if r.type == "FUNDS" and r.target == programme}
    assert funders == {"agency:jst", "agency:nrf-korea", "agency:australian-research-council"}
    meeting = "event:meeting-of-the-ocean-research-programme"  # named by what it belongs to
    attended = {r.source for r in result.relations if r.target == meeting}
    assert attended == funders  # "attended by ..." through the same list
    assert ("agency:jst", "PART_OF", "country:JPN") in _triples(result)  # "X (Japan)"


def test_every_relation_names_its_rule_and_has_verbatim_evidence() -> None:
    for text in (MOC, LOAN, AMBASSADOR, FUNDERS):
        for relation in extract_document(text).relations:
            assert relation.rule and 0.0 < relation.confidence <= 1.0
            for evidence in relation.evidence:
                assert text[evidence.start : evidence.end] == evidence.quote


def test_two_universities_joined_by_and_stay_two_and_a_metro_line_keeps_its_number() -> None:
    text = (
        "Hanoi University of Science and Technology and Tohoku University signed a memorandum of "
        "understanding. The Ho Chi Minh City Metro Line 2 Project and the Ho Chi Minh City Metro "
        "Line 1 Project are funded by JICA."
    )
    ids = {a.id for a in extract_document(text).actors}
    assert "university:tohoku-university" in ids
    assert not any("and-tohoku" in i for i in ids)
    lines = {i for i in ids if "metro-line" in i}
    assert len(lines) == 2 and any("line-2" in i for i in lines)


def test_a_capital_that_acts_is_its_country_and_in_a_capital_is_a_place() -> None:
    text = "Tokyo announced a grant. The Japan-Viet Nam Summit was held in Tokyo."
    result = extract_document(text)
    summit = _one(result, "Event")
    assert (summit, "LOCATED_IN", "place:tokyo") in _triples(result)
    assert any(a.id == "country:JPN" for a in result.actors)


def _named(result: DocExtraction) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in result.actors}
    return {(names[r.source], r.type, names[r.target]) for r in result.relations}


def test_funders_named_with_a_role_noun_fund_the_programme_of_their_clause() -> None:
    text = (
        "The Ocean Research Programme (ORP) was launched in 2021 with funding from the Japan "
        "Science and Technology Agency and the Australian Research Council."
    )
    result = extract_document(text)
    funds = {(s, t) for s, kind, t in _named(result) if kind == "FUNDS"}
    assert funds == {
        ("Japan Science and Technology Agency", "Ocean Research Programme"),
        ("Australian Research Council", "Ocean Research Programme"),
    }
    assert all(r.confidence >= 0.8 for r in result.relations if r.type == "FUNDS")


def test_a_grant_from_a_government_funds_the_project_it_supports() -> None:
    text = (
        "The Cyber Security Project in Laos is supported by a grant from the Government of Japan."
    )
    result = extract_document(text)
    project = _one(result, "Project")
    assert ("country:JPN", "FUNDS", project) in _triples(result)


def test_a_possessive_grant_funds_the_project_it_is_for() -> None:
    text = (
        "The two governments exchanged notes concerning Japan's grant aid of 730 million yen for "
        "the Project for Industrial Development in the Caribbean."
    )
    result = extract_document(text)
    project = _one(result, "Project")
    assert ("country:JPN", "FUNDS", project) in _triples(result)


def test_the_chair_is_read_from_under_the_chairmanship_of_and_from_the_presidency_of() -> None:
    chaired = extract_document(
        "The G20 Digital Economy Ministers Meeting was held under the chairmanship of Italy."
    )
    meeting = _one(chaired, "Event")
    assert ("country:ITA", "LEADS", meeting) in _triples(chaired)
    presidency = extract_document("Brazil holds the presidency of the G20 in 2024.")
    assert ("Brazil", "LEADS", "G20") in _named(presidency)


def test_a_country_in_apposition_as_chair_leads_the_body_named_after_of() -> None:
    text = "India, the chair country of the GPAI in 2024, hosted the summit in New Delhi."
    assert ("India", "LEADS", "Global Partnership on Artificial Intelligence") in _named(
        extract_document(text)
    )


def test_a_role_noun_without_an_of_or_from_gives_nothing() -> None:
    text = "Japan assumes the chairmanship for the first time in ten years."
    assert not [r for r in extract_document(text).relations if r.type == "LEADS"]


def test_a_trigger_without_a_frame_keeps_its_pair_only_below_the_default_threshold() -> None:
    result = extract_document("Reports from Japan and Kenya mentioned a partnership.")
    assert result.relations
    assert all(r.confidence < 0.5 for r in result.relations)
    cooccurring = [r for r in result.relations if r.rule == "cooccurrence"]
    assert [(r.source, r.type, r.target) for r in cooccurring] == [
        ("country:JPN", "PARTNERS_WITH", "country:KEN")
    ]


def test_instruments_coordinated_by_their_topics_are_two_nodes_with_the_same_parties() -> None:
    text = (
        "Kenya and Japan signed MoUs on cooperation in the ICT sector and on the enhancement of "
        "the capacity of the Kenya Medical Research Institute."
    )
    result = extract_document(text)
    mocs = sorted(a.name for a in result.actors if a.type == "Agreement")
    assert len(mocs) == 2
    assert any("ICT sector" in m for m in mocs) and any("enhancement" in m for m in mocs)
    signed = {(s, t) for s, kind, t in _named(result) if kind == "SIGNED"}
    assert signed == {(party, moc) for party in ("Kenya", "Japan") for moc in mocs}


def test_one_instrument_on_two_topics_stays_one_node() -> None:
    text = "Japan and Estonia signed a memorandum of cooperation on digital government and on cyber security."
    result = extract_document(text)
    assert len([a for a in result.actors if a.type == "Agreement"]) == 1


def test_leaders_met_for_a_summit_take_part_in_it_and_demonyms_before_titles_are_countries() -> (
    None
):
    result = extract_document(
        "Leaders met in 2021. The President of Kenya met Japanese Prime Minister Suga and Indian "
        "Prime Minister Modi for the Nairobi Leaders' Summit on 13 March 2021. Japanese "
        "universities attended too."
    )
    summit = _one(result, "Event")
    found = _triples(result)
    for country in ("country:JPN", "country:IND"):
        assert (country, "PARTICIPATES_IN", summit) in found
    assert not any(r.source == "country:JPN" and r.target != summit for r in result.relations)


def test_the_indian_government_signs_as_india_and_japanese_universities_are_no_country() -> None:
    result = extract_document(
        "The Indian government signed an agreement with Kenya. Japanese universities welcomed it."
    )
    agreement = _one(result, "Agreement")
    found = _triples(result)
    assert ("country:IND", "SIGNED", agreement) in found
    assert "country:JPN" not in {a.id for a in result.actors}


def test_a_list_of_funders_goes_on_past_a_name_it_does_not_know() -> None:
    result = extract_document(
        "The Ocean Research Programme (ORP) is funded by many. All ORP funders, i.e. the Japan "
        "Science and Technology Agency (Japan), the Research Council of Norway (Norway), Ministère de l'Enseignement supérieur, de la "
        "Recherche et de l'Innovation (Senegal), the Australian Research Council (Australia)."
    )
    programme = _one(result, "Programme")
    funders = {r.source for r in result.relations if r.type == "FUNDS" and r.target == programme}
    assert "agency:australian-research-council" in funders and "agency:jst" in funders


def test_a_project_keeps_its_phase_so_phases_stay_apart() -> None:
    result = extract_document(
        "JICA signed a loan agreement with India for the Chennai Peripheral Ring Road Project "
        "(Phase 2). The Chennai Peripheral Ring Road Project (Phase 1) was finished in 2020."
    )
    projects = {a.name for a in result.actors if a.type == "Project"}
    assert {
        "Chennai Peripheral Ring Road Project (Phase 2)",
        "Chennai Peripheral Ring Road Project (Phase 1)",
    } <= projects


def test_a_meeting_named_after_its_owners_acronym_is_the_owners_meeting() -> None:
    result = extract_document(
        "The National Research Foundation (NRF) of South Africa and the Japan Science and "
        "Technology Agency (JST) co-hosted an Africa-Japan Collaborative Research Programme "
        "(AJ-CORE) Funders' Meeting in Cape Town."
    )
    meeting = next(a for a in result.actors if a.type == "Event")
    assert meeting.name == "AJ-CORE Funders' Meeting"
    assert (
        "Africa-Japan Collaborative Research Programme (AJ-CORE) Funders' Meeting"
        in meeting.aliases
    )
    hosts = {r.source for r in result.relations if r.type == "HOSTS" and r.target == meeting.id}
    assert "agency:jst" in hosts and len(hosts) == 2


def test_the_parties_a_meeting_name_joins_take_part_in_it() -> None:
    result = extract_document(
        "The talks opened at the EU-Japan Summit in Tokyo. The 12th UK-Japan Joint Committee "
        "Meeting took place in London."
    )
    found = _named(result)
    assert ("European Union", "PARTICIPATES_IN", "EU-Japan Summit") in found
    assert ("Japan", "PARTICIPATES_IN", "EU-Japan Summit") in found
    assert ("United Kingdom", "PARTICIPATES_IN", "12th UK-Japan Joint Committee Meeting") in found


def test_an_instrument_that_covers_projects_holds_them() -> None:
    result = extract_document(
        "Japan and Bangladesh signed an Exchange of Notes on 29 March 2022. The Exchange of "
        "Notes covers the Dhaka Mass Rapid Transit Development Project (V)."
    )
    found = _named(result)
    assert any(
        s == "Dhaka Mass Rapid Transit Development Project (V)" and t == "PART_OF"
        for s, t, _ in found
    )


def test_representatives_from_a_ministry_stand_for_it_in_a_list() -> None:
    result = extract_document(
        "The Tokyo Summit was held in May. Japan attended its main meetings together with "
        "representatives from the Ministry of Internal Affairs and Communications."
    )
    summit = _one(result, "Event")
    assert ("agency:mic", "PARTICIPATES_IN", summit) in _triples(result)


def test_a_place_may_end_with_town_or_city() -> None:
    result = extract_document("The JST hosted the Ocean Funders' Meeting in Cape Town in 2022.")
    assert ("Ocean Funders' Meeting", "LOCATED_IN", "Cape Town") in _named(result)


def test_both_sides_are_the_two_parties_a_partnership_name_joins() -> None:
    result = extract_document(
        "The ministers met at the council of the Japan-UK Digital Partnership. Both sides issued "
        "a joint statement on semiconductor partnerships in 2023."
    )
    statement = next(
        a for a in result.actors if a.type == "Agreement" and "statement" in a.name.lower()
    )
    signers = {
        r.source for r in result.relations if r.type == "SIGNED" and r.target == statement.id
    }
    assert signers == {"country:JPN", "country:GBR"}


def test_a_quoted_title_keeps_its_whole_topic() -> None:
    result = extract_document(
        'In 2018, Japan and Brazil signed a "Memorandum of Cooperation in the areas of Digital '
        'Terrestrial Television and Information and Communication Technology."'
    )
    moc = _one(result, "Agreement")
    names = {a.id: {a.name, *a.aliases} for a in result.actors}[moc]
    assert any("Television and Information and Communication Technology" in n for n in names)


def test_who_agrees_to_establish_a_working_group_leads_it() -> None:
    result = extract_document(
        "Quad leaders agreed to establish a Critical and Emerging Technology Working Group."
    )
    group = _one(result, "Programme")
    assert ("org:quad", "LEADS", group) in _triples(result)


def test_a_purpose_hung_on_the_topic_is_not_part_of_the_instruments_title() -> None:
    text = (
        "Japan and the EU signed a Memorandum of Cooperation on submarine cables for secure "
        "and resilient networks in 2023."
    )
    result = extract_document(text)
    (moc,) = [a for a in result.actors if a.type == "Agreement"]
    assert "Memorandum of Cooperation on submarine cables" in moc.aliases
    assert not [a for a in moc.aliases if "secure" in a]
