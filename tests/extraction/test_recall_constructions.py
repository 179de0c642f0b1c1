"""Constructions that recur in documents no rule was written for: a funder named by
"supported by", "funded by" or "with the support of", also after a copula that says what a
programme is ("The programme is a collaboration between ..., supported by X").

Each test reads invented text of the same construction (no seed's or evaluation document's
sentence) and asserts the relation and the sentence it rests on.
"""

from __future__ import annotations

from loaders.extract import extract_document

LAUNCH = "Kenya launched the Blue Economy Innovation Programme in 2021."


def _evidence(text: str) -> dict[tuple[str, str, str], list[str]]:
    """Every relation as (source, type, target) names, with its evidence quotes, each
    checked to stand verbatim at its offsets."""
    result = extract_document(text)
    names = {a.id: a.name for a in result.actors}
    out: dict[tuple[str, str, str], list[str]] = {}
    for r in result.relations:
        for e in r.evidence:
            assert text[e.start : e.end] == e.quote
        out[(names[r.source], r.type, names[r.target])] = [e.quote for e in r.evidence]
    return out


def test_supported_by_after_a_programme_described_as_a_collaboration_funds_the_programme() -> None:
    second = (
        "The programme is a collaboration between the University of Nairobi and Tohoku "
        "University, supported by the Ministry of Foreign Affairs of Japan and the World Bank."
    )
    found = _evidence(f"{LAUNCH} {second}")
    programme = "Blue Economy Innovation Programme"
    for funder in ("Ministry of Foreign Affairs of Japan", "World Bank"):
        assert found[(funder, "SUPPORTS", programme)] == [second]
    assert found[("University of Nairobi", "PARTICIPATES_IN", programme)] == [second]
    assert not any(t in ("FUNDS", "SUPPORTS") and o != programme for _, t, o in found)


def test_funded_by_in_apposition_funds_the_programme_it_follows() -> None:
    second = "The programme, funded by the World Bank, trains young engineers."
    found = _evidence(f"{LAUNCH} {second}")
    assert found[("World Bank", "FUNDS", "Blue Economy Innovation Programme")] == [second]


def test_with_the_support_of_supports_the_instrument_of_its_clause() -> None:
    text = "Kenya launched the Blue Economy Innovation Programme in 2021 with the support of the World Bank."
    found = _evidence(text)
    assert found[("World Bank", "SUPPORTS", "Blue Economy Innovation Programme")] == [text]
    funded = (
        "Kenya launched the Blue Economy Innovation Programme with funding from the World Bank."
    )
    assert _evidence(funded)[("World Bank", "FUNDS", "Blue Economy Innovation Programme")] == [
        funded
    ]


def test_a_state_government_named_as_a_government_is_a_party_and_a_bare_state_is_none() -> None:
    text = (
        "The Government of Kerala and the Japan International Cooperation Agency signed a "
        "Memorandum of Cooperation on 3 May 2023."
    )
    found = _evidence(text)
    moc = next(o for s, t, o in found if s == "Government of Kerala" and t == "SIGNED")
    assert found[("Japan International Cooperation Agency", "SIGNED", moc)] == [text]
    assert found[("Government of Kerala", "SIGNED_MOC", "Japan International Cooperation Agency")]
    names = {a.name for a in extract_document("Tohoku University opened a lab in Kerala.").actors}
    assert not any("Kerala" in name for name in names)


def test_the_state_of_a_country_is_one_actor_under_all_its_government_names() -> None:
    for written in ("the State of California", "the California state government"):
        text = f"NEDO signed a Memorandum of Cooperation with {written}."
        actors = {a.id: a.name for a in extract_document(text).actors}
        assert actors.get("agency:us-ca") == "Government of California", written


def test_a_bank_whose_name_holds_a_country_is_kept_whole_and_is_part_of_that_country() -> None:
    text = "The plant will receive a credit line from the Export-Import (Exim) Bank of India."
    actors = {a.name for a in extract_document(text).actors}
    assert "Export-Import Bank of India" in actors
    assert "Bank of India" not in actors
    found = _evidence(text)
    assert found[("Export-Import Bank of India", "PART_OF", "India")] == [text]


def test_co_financers_partner_with_the_lender_of_the_documents_loan() -> None:
    first = (
        "The Asian Development Bank said it has signed a loan agreement for a new hospital "
        "in Nepal."
    )
    second = "The hospital will be co-financed by the World Bank and KfW, among others."
    found = _evidence(f"{first} {second}")
    assert found[("Asian Development Bank", "PARTNERS_WITH", "World Bank")] == [second]
    assert found[("KfW Development Bank", "PARTNERS_WITH", "Asian Development Bank")] == [second]


def test_co_financing_with_no_loan_before_it_names_no_partner() -> None:
    found = _evidence("The hospital will be co-financed by the World Bank and KfW.")
    assert not any(t == "PARTNERS_WITH" for _, t, _ in found)


def test_a_project_whose_name_ends_in_a_country_or_state_is_located_there() -> None:
    text = (
        "JICA will fund the Project for Promoting Start-up and Innovation in Kerala and the "
        "Project for Improvement of Water Supply in Viet Nam."
    )
    found = _evidence(text)
    kerala = "Project for Promoting Start-up and Innovation in Kerala"
    assert found[(kerala, "LOCATED_IN", "Kerala")] == [text]
    water = "Project for Improvement of Water Supply in Viet Nam"
    assert found[(water, "LOCATED_IN", "Vietnam")] == [text]


def test_a_name_ending_in_a_field_gives_no_place() -> None:
    found = _evidence("JICA will fund the Project for Human Resource Development in Data Science.")
    assert not any(t == "LOCATED_IN" for _, t, _ in found)


def test_a_verb_with_coordinated_named_projects_reaches_each_of_them() -> None:
    text = (
        "JICA will fund the Project for Promoting Start-up and Innovation in Kerala and the "
        "Project for Improvement of Water Supply in Viet Nam."
    )
    found = _evidence(text)
    for project in (
        "Project for Promoting Start-up and Innovation in Kerala",
        "Project for Improvement of Water Supply in Viet Nam",
    ):
        assert found[("Japan International Cooperation Agency", "FUNDS", project)] == [text]


def test_a_loan_for_a_list_of_projects_funds_every_project_listed() -> None:
    for opener in ("the following projects:", "projects such as"):
        text = (
            f"JICA signed loan agreements with the Government of India for {opener} the "
            "Chennai Metro Project, the Kolkata Port Project and the Assam Bridge Project."
        )
        found = _evidence(text)
        for project in ("Chennai Metro Project", "Kolkata Port Project", "Assam Bridge Project"):
            jica = "Japan International Cooperation Agency"
            assert found[(jica, "FUNDS", project)] == [text], (opener, project)
            assert found[(project, "BENEFITS", "India")] == [text], (opener, project)


def test_named_projects_after_a_colon_take_the_place_of_the_projects_they_spell_out() -> None:
    text = (
        "NEDO and JICA will collaborate on two demonstration projects in Ontario: the "
        '"Demonstration Project for Smart Grid Behaviour" and the "Demonstration Project for '
        'Validation of Hydrogen Storage."'
    )
    found = _evidence(text)
    for project in (
        "Demonstration Project for Smart Grid Behaviour",
        "Demonstration Project for Validation of Hydrogen Storage",
    ):
        assert found[(project, "LOCATED_IN", "Ontario")] == [text]
        assert found[("Japan International Cooperation Agency", "IMPLEMENTS", project)] == [text]


def test_the_executing_agency_of_a_project_is_a_role_not_a_name() -> None:
    text = (
        "JICA signed a loan agreement with India for the Chennai Metro Rail Project. "
        "Chennai Metro Rail Limited (CMRL) is the Executing Agency of the Project."
    )
    result = extract_document(text)
    assert not any("Executing Agency" in a.name for a in result.actors)
    found = _evidence(text)
    assert found[("Chennai Metro Rail Limited", "IMPLEMENTS", "Chennai Metro Rail Project")] == [
        "Chennai Metro Rail Limited (CMRL) is the Executing Agency of the Project."
    ]


def test_a_bloc_nation_or_member_state_is_a_member_of_the_bloc() -> None:
    copula = "Canada has become the third G7 country to sign the charter."
    apposition = "Viet Nam, an ASEAN member state, signed the charter."
    assert _evidence(copula)[("Canada", "MEMBER_OF", "G7")] == [copula]
    assert _evidence(apposition)[("Vietnam", "MEMBER_OF", "ASEAN")] == [apposition]


def test_a_kind_of_instrument_in_title_case_is_no_instrument_of_its_own() -> None:
    text = (
        "Signing of Record of Discussions on Technical Cooperation Project with Kenya\n\n"
        "JICA and the Government of Kenya signed the Record of Discussions on 4 May 2021."
    )
    names = {a.name for a in extract_document(text).actors}
    assert "Technical Cooperation Project" not in names


def test_working_with_a_government_is_a_partnership() -> None:
    text = (
        "Since 2015, JICA has been working closely with the Government of Kenya on digital skills."
    )
    found = _evidence(text)
    partnered = found.get(("Japan International Cooperation Agency", "PARTNERS_WITH", "Kenya"))
    assert partnered == [text]


def test_money_pledged_by_a_lender_for_a_project_funds_it() -> None:
    text = (
        "The JPY 50 billion pledged by JICA for the second phase of the Dhaka Mass Transit "
        "Project is its largest loan to the country."
    )
    found = _evidence(text)
    funded = ("Japan International Cooperation Agency", "FUNDS", "Dhaka Mass Transit Project")
    assert found.get(funded) == [text]
