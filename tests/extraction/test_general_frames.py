"""Frames written as templates, not after one sentence: membership, transfer, a reported
subject, a loan's project named before the loan, amount fields, and who a person's address
speaks for.

Each test states the text it reads (none of them a seed's or an evaluation document's
sentence); the expected relations are what that text says.
"""

from __future__ import annotations

from loaders.extract import DocExtraction, extract_document


def _named(text: str) -> set[tuple[str, str, str]]:
    result: DocExtraction = extract_document(text)
    names = {a.id: a.name for a in result.actors}
    return {(names[r.source], r.type, names[r.target]) for r in result.relations}


def test_membership_verbs_make_the_subject_a_member_of_the_body_named_after_them() -> None:
    for verb in ("joined", "became a member of", "gained membership of", "acceded to"):
        named = _named(f"In 2008, Chile {verb} the OECD after long talks.")
        assert ("Chile", "MEMBER_OF", "OECD") in named, verb


def test_joining_a_meeting_is_no_membership() -> None:
    named = _named("Kenya joined the Africa Digital Summit in Nairobi.")
    assert not any(t == "MEMBER_OF" for _, t, _ in named)


def test_a_transfer_to_a_party_makes_the_giver_support_it() -> None:
    named = _named(
        "The World Bank in Kenya has donated laboratory equipment to Kenya's Ministry of "
        "Health, which will use it in rural clinics."
    )
    assert ("World Bank", "SUPPORTS", "Ministry of Health") in {
        (s, t, o.removesuffix(" of Kenya")) for s, t, o in named
    }
    assert not any(s == "Kenya" and t == "SUPPORTS" for s, t, _ in named)


def test_a_transfer_with_no_party_after_to_gives_nothing() -> None:
    named = _named("JICA provides assistance to enable developing countries to grow.")
    assert not any(t == "SUPPORTS" for _, t, _ in named)


def test_a_pronoun_after_a_reporting_verb_is_the_party_that_reports() -> None:
    named = _named(
        "The Asian Development Bank said it has signed a loan agreement with Nepal for the "
        "Kathmandu Valley Water Supply Project."
    )
    assert ("Asian Development Bank", "FUNDS", "Kathmandu Valley Water Supply Project") in named


def test_a_loan_project_may_be_named_before_the_loan() -> None:
    fronted = _named(
        "For the Colombo Light Rail Transit Project, JICA signed a loan agreement with Sri Lanka."
    )
    assert (
        "Japan International Cooperation Agency",
        "FUNDS",
        "Colombo Light Rail Transit Project",
    ) in fronted
    relative = _named("The Dhaka Bridge Project, which gets the largest loan by JICA, opens.")
    assert ("Japan International Cooperation Agency", "FUNDS", "Dhaka Bridge Project") in relative


def test_an_amount_field_under_a_heading_is_funded_by_the_documents_lender() -> None:
    named = _named(
        "JICA signed loan agreements with the Government of India for two projects.\n\n"
        "1.Project for the Construction of the Pune Ring Road:\n\n"
        "Loan amount: JPY 12.5 billion\n\n"
        "2.Project for the Improvement of the Kolkata Water Supply:\n\n"
        "Loan amount: JPY 30 billion\n"
    )
    jica = "Japan International Cooperation Agency"
    assert (jica, "FUNDS", "Project for the Construction of the Pune Ring Road") in named
    assert (jica, "FUNDS", "Project for the Improvement of the Kolkata Water Supply") in named


def test_a_persons_address_speaks_for_the_known_body_not_a_unit_found_in_the_text() -> None:
    named = _named(
        "Mr. TANAKA Ichiro, Director-General, Economic Cooperation Bureau, Ministry of Foreign "
        "Affairs of Japan and Ms. Jane Doe, Head, United Nations Industrial Development "
        "Organization, Regional Promotion Office, signed and exchanged notes concerning a "
        "grant for the Lusaka Port Development Project."
    )
    parties = {s for s, t, _ in named if t == "SIGNED"}
    assert parties == {
        "Ministry of Foreign Affairs of Japan",
        "United Nations Industrial Development Organization",
    }


def test_a_name_keeps_a_number_letter_word() -> None:
    result = extract_document("Viet Nam hosted the ASEAN Conference on 5G last year.")
    assert "ASEAN Conference on 5G" in {a.name for a in result.actors}


def test_parties_collaborating_on_named_projects_carry_them_out() -> None:
    named = _named(
        "Kyoto University and Chulalongkorn University will collaborate on two projects in "
        'Thailand: the "Bangkok Flood Forecasting Project" and the "Chao Phraya Sediment '
        'Monitoring Project".'
    )
    for party in ("Kyoto University", "Chulalongkorn University"):
        for project in (
            "Bangkok Flood Forecasting Project",
            "Chao Phraya Sediment Monitoring Project",
        ):
            assert (party, "IMPLEMENTS", project) in named


def test_collaborating_on_a_topic_implements_nothing() -> None:
    named = _named("Japan and India will collaborate on artificial intelligence research.")
    assert not any(t == "IMPLEMENTS" for _, t, _ in named)


def test_the_programme_is_the_latest_programme_named() -> None:
    named = _named(
        "The Global Health Innovation Programme selected ten new projects in 2023.\n\n"
        "The programme is a partnership between Kyoto University and Mahidol University."
    )
    for party in ("Kyoto University", "Mahidol University"):
        assert (party, "PARTICIPATES_IN", "Global Health Innovation Programme") in named


def test_a_place_after_what_a_loan_is_for_is_not_the_loans() -> None:
    named = _named(
        "The Asian Development Bank said it has signed a loan agreement for a new hospital in "
        "Nepal."
    )
    assert not any(t == "LOCATED_IN" and o == "Nepal" for _, t, o in named)
