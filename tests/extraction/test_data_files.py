"""Bad lexicon, gazetteer and pattern files are rejected with their file and line, before
anything is extracted or written; dates are read at the precision the text gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

import loaders.catalogue as catalogue_module
from loaders.catalogue import CatalogueFile, catalogue, extractor_files
from loaders.datafiles import DataFileError, load_data_file
from loaders.dates import dateline, dates_in
from loaders.rules.grammar import load_rules
from loaders.rules.lexicon import LEXICON_FILE, LexiconFile

RULES_FILE = Path(catalogue_module.__file__).parent / "data" / "rules.yaml"


def test_an_empty_lexicon_file_is_rejected_by_name(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"lexicon\.yaml: the file is empty"):
        load_data_file(path, LexiconFile)


def test_broken_yaml_is_rejected_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text("relations:\n  SIGNED: {verbs: [sign\ncopulas: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"lexicon\.yaml, line \d+: not valid YAML"):
        load_data_file(path, LexiconFile)


def _edited(source: Path, tmp_path: Path, starts: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of a data file with one line edited; the path and the line's number."""
    lines = source.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(starts))
    lines[at] = lines[at].replace(old, new)
    path = tmp_path / source.name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at + 1


def test_an_unknown_relation_type_in_the_lexicon_is_rejected_with_its_line(tmp_path: Path) -> None:
    path, line = _edited(LEXICON_FILE, tmp_path, "  FUNDS:", "FUNDS", "FINANCES")
    with pytest.raises(DataFileError, match=rf"line {line}: .*unknown relation type 'FINANCES'"):
        load_data_file(path, LexiconFile)


def test_a_rule_with_an_unknown_step_option_is_rejected_with_its_line(tmp_path: Path) -> None:
    path, line = _edited(RULES_FILE, tmp_path, "      agent: [{dep: nsubj}]", "dep:", "dependency:")
    with pytest.raises(DataFileError, match=rf"rules\.yaml, line {line}: .*dependency"):
        load_rules(path)


def test_a_rule_naming_a_word_list_the_lexicon_lacks_is_rejected_with_its_line(
    tmp_path: Path,
) -> None:
    path, line = _edited(
        RULES_FILE,
        tmp_path,
        '      agent: [{dep: agent}, {dep: pobj, lemma: "@funds_heads"}',
        "@funds_heads",
        "@fund_heads",
    )
    with pytest.raises(
        DataFileError, match=rf"rules\.yaml, line {line}: .*unknown word list @fund_heads"
    ):
        load_rules(path)


def test_an_unknown_actor_type_in_a_gazetteer_entry_is_rejected_with_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(
        "actors:\n"
        "  - {id: 'agency:jst', name: JST, type: Agency}\n"
        "  - {id: 'agency:x', name: X Body, type: Ministry}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"gazetteer\.yaml, line 3: actors\.1"):
        load_data_file(path, CatalogueFile)


def test_an_id_defined_in_both_catalogue_files_is_an_error_naming_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "catalogue.yaml").write_text(
        "actors:\n  - {id: 'agency:jica', name: JICA, type: Agency}\n", encoding="utf-8"
    )
    (data / "gazetteer.yaml").write_text(
        "actors:\n  - {id: 'org:g7', name: G7, type: Organization}\n"
        "  - {id: 'agency:jica', name: Japan International Cooperation Agency, type: Agency}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(catalogue_module, "DATA", data)
    catalogue.cache_clear()
    try:
        with pytest.raises(
            DataFileError, match=r"gazetteer\.yaml, line 3: .*agency:jica.*catalogue\.yaml, line 2"
        ):
            catalogue()
    finally:
        catalogue.cache_clear()


def test_the_fingerprint_covers_every_extractor_module_and_data_file() -> None:
    files = extractor_files()
    names = {p.name for p in files}
    assert {p.name for p in files if p.parent.name == "engine"} >= {"matcher.py", "referents.py"}
    assert {p.name for p in files if p.parent.name == "rules"} >= {"grammar.py", "lexicon.py"}
    assert {"nlp.py", "dates.py", "recognise.py", "extract.py"} <= names
    assert {"lexicon.yaml", "rules.yaml", "patterns.yaml", "catalogue.yaml"} <= names
    assert "domain.yaml" in names


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("signed on 12 March 2024", "2024-03-12", "day"),
        ("signed on March 12, 2024", "2024-03-12", "day"),
        ("in March 2024", "2024-03", "month"),
        ("dated 12/03/2024", "2024-03-12", "day"),
        ("on 2024-03-12", "2024-03-12", "day"),
        ("the FY2023 budget", "2023", "year"),
        ("in fiscal 2022", "2022", "year"),
        ("the 2023 meeting", "2023", "year"),
    ],
)
def test_dates_are_read_as_written_at_their_precision(text: str, iso: str, precision: str) -> None:
    (date,) = dates_in(text)
    assert (date.iso, date.precision) == (iso, precision)
    assert text[date.start : date.end]


def test_no_date_is_invented_from_numbers_or_a_day_without_a_year() -> None:
    assert dates_in("18,285 million yen, about USD 2.36 billion, on March 8") == []


def test_the_dateline_is_the_first_full_date_near_the_top() -> None:
    text = "Tokyo, 12 March 2024 - The ministry said in 2019 that ..."
    date = dateline(text)
    assert date is not None and date.iso == "2024-03-12"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Japan and Estonia sign an MoC\n\nPublished on May 6, 2022\n\nOn May 6 ...", "2022-05-06"),
        ("Results of the meeting\n\nMay 8, 2024 Results of the OECD meeting ...", "2024-05-08"),
        ("Declaration\nTakasaki, Gunma, April 30, 2023\n1. We, the ministers ...", "2023-04-30"),
        ("Joint call\n\n(Last update: November 24, 2022)\n\nHistory ...", "2022-11-24"),
        ("A press release\ndate: 2024-03-12\nThe agency signed ...", "2024-03-12"),
    ],
)
def test_a_date_line_at_the_top_is_the_dateline(text: str, iso: str) -> None:
    date = dateline(text)
    assert date is not None and date.iso == iso
    assert text[date.start : date.end]


@pytest.mark.parametrize(
    "text",
    [
        # a sentence that opens with its date dates that sentence only
        "Loan signed\n\nOn 29 March, 2022, the Ambassador and the Secretary signed the loan.",
        # a date inside a sentence of the opening lines
        "The Summit was held in New Delhi, India on July 3-4, 2024, and the centre attended.",
        # a link is not a dateline
        "source: https://www.example.com/news/2024-02-08-kenya-japan-mous\n\nKenya and Japan ...",
        # a paper's publication date does not date what it discusses
        "Japan's aid to Cambodia\n\nPublished Online: 2024-12-30\n\nAbstract\n\nIn 2001 JICA ...",
        "WORKING PAPER\n\n[July 2024]\n\nJapan granted aid to Laos ...",
    ],
)
def test_no_dateline_without_a_date_line_or_in_a_paper(text: str) -> None:
    assert dateline(text, ["Abstract", "Working Paper", "DOI"]) is None
