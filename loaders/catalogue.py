"""The extraction domain as data: the actor catalogue and the patterns, typed on load.

Both files live in loaders/data/. Loading checks them against the domain schema
(graph/schema/domain.yaml): an actor type or relation type the schema does not know is an
error here, at load, never a silent drop later. Countries come from pycountry (ISO 3166); the
catalogue only adds aliases and Wikidata QIDs to them.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

import pycountry
from pydantic import Field, field_validator, model_validator

from graph.model import FrozenModel
from graph.schema import domain_schema
from loaders.datafiles import DataFileError, line_of, load_data_file, load_data_file_with_nodes

__all__ = [
    "Catalogue",
    "CatalogueActor",
    "Patterns",
    "catalogue",
    "compact",
    "config_fingerprint",
    "patterns",
    "slugify",
    "subdivision_names",
    "subdivision_places",
]


def slugify(name: str) -> str:
    """A stable id fragment: lower case ASCII words joined by hyphens."""
    from loaders.text import fold

    folded = fold(name).lower().replace("&", " and ").replace("'", "")
    return re.sub(r"[^a-z0-9.]+", "-", folded).strip("-.").replace(".", "-")


class CountryEntry(FrozenModel):
    alpha_3: str
    wikidata: str | None = None
    aliases: list[str] = Field(default_factory=list)


class CatalogueActor(FrozenModel):
    """One known actor: a stable id, its schema type, and every way the texts name it."""

    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)
    wikidata: str | None = None

    @model_validator(mode="after")
    def _id_matches_type(self) -> CatalogueActor:
        schema = domain_schema()
        if self.type not in schema.actor_types:
            raise ValueError(f"actor {self.id}: unknown actor type {self.type!r}")
        prefix = schema.prefix_of(self.type)
        if not self.id.startswith(prefix + ":"):
            raise ValueError(f"actor {self.id}: id must start with {prefix!r}: for {self.type}")
        return self

    @property
    def identifiers(self) -> dict[str, str]:
        return {"wikidata": self.wikidata} if self.wikidata else {}


class CatalogueFile(FrozenModel):
    countries: list[CountryEntry] = Field(default_factory=list)
    actors: list[CatalogueActor] = Field(default_factory=list)


class Catalogue(FrozenModel):
    """Every known actor (countries from pycountry included), by id."""

    actors: dict[str, CatalogueActor]

    def names(self, actor_id: str) -> list[str]:
        actor = self.actors[actor_id]
        return [actor.name, *actor.aliases]


class TablePatterns(FrozenModel):
    moc_words: list[str]
    partnership_words: list[str]
    year_headers: list[str]
    text_headers: list[str]
    kind_headers: list[str]


class SubnationalGovernments(FrozenModel):
    """The governments of a country's states and provinces (ISO 3166-2 subdivisions of
    `types`), named only as the text writes a government: `name` and `aliases` are templates
    over the subdivision's name ("State of {name}"); a bare "California" stays a place."""

    type: str
    subdivision_types: list[str]
    common_names: list[str] = Field(default_factory=list)
    name: str
    aliases: list[str]

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        return domain_schema().check_actor_type(value)


class Patterns(FrozenModel):
    """The extraction patterns of loaders/data/patterns.yaml."""

    organisation_words: dict[str, list[str]]
    class_nouns: dict[str, list[str]]
    acronym_with_country: str
    generic_modifiers: list[str]
    leading_stopwords: list[str]
    never_actors: list[str]
    person_titles: list[str]
    metonyms: dict[str, str]
    demonyms: dict[str, str]
    demonym_heads: list[str]
    locative_prepositions: list[str]
    government_words: list[str]
    subnational_governments: SubnationalGovernments
    venue_free_names: list[str]
    abbreviations: list[str]
    reference_headings: list[str]
    reference_marks: list[str]
    paper_marks: list[str]
    table: TablePatterns
    publishers: dict[str, str]
    place_prefixes: list[str]

    @field_validator("acronym_with_country")
    @classmethod
    def _known_type(cls, value: str) -> str:
        return domain_schema().check_actor_type(value)

    @field_validator("venue_free_names")
    @classmethod
    def _known_type_list(cls, value: list[str]) -> list[str]:
        return [domain_schema().check_actor_type(v) for v in value]

    @field_validator("organisation_words", "class_nouns")
    @classmethod
    def _known_types(cls, value: dict[str, object]) -> dict[str, object]:
        types = domain_schema().actor_types
        for key, item in value.items():
            name = key if isinstance(item, list) else item
            if name not in types:
                raise ValueError(f"unknown actor type {name!r}")
        return value


def extractor_files() -> list[Path]:
    """Every module and data file the extractor is made of, found by glob (never listed by
    hand, so a new module or lexicon is covered as soon as it exists), plus the schema."""
    here = Path(__file__).parent
    files = [*here.rglob("*.py"), *(here / "data").rglob("*.yaml")]
    files.append(here.parent / "graph" / "schema" / "domain.yaml")
    return sorted(p for p in files if "__pycache__" not in p.parts)


@cache
def config_fingerprint() -> str:
    """A hash of the extractor's code and data: cached extractions are valid only for
    exactly these files."""
    digest = hashlib.sha256()
    root = Path(__file__).parent.parent
    for path in extractor_files():
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


DATA = Path(__file__).parent / "data"
CATALOGUE_FILES = ("catalogue.yaml", "gazetteer.yaml")


@cache
def patterns() -> Patterns:
    return load_data_file(DATA / "patterns.yaml", Patterns)


def _catalogue_entries() -> tuple[list[CountryEntry], list[CatalogueActor]]:
    """The entries of catalogue.yaml and gazetteer.yaml (when present), merged: an actor id
    defined twice is an error naming both files and lines; a country's entries are united."""
    countries: dict[str, tuple[CountryEntry, str]] = {}
    actors: dict[str, tuple[CatalogueActor, str]] = {}
    for name in CATALOGUE_FILES:
        path = DATA / name
        if not path.exists() and name != CATALOGUE_FILES[0]:
            continue
        data, node = load_data_file_with_nodes(path, CatalogueFile)
        for i, country in enumerate(data.countries):
            where = f"{path}, line {line_of(node, ('countries', i))}"
            if country.alpha_3 in countries:  # both files may enrich one ISO country
                known, first = countries[country.alpha_3]
                if known.wikidata and country.wikidata and known.wikidata != country.wikidata:
                    raise DataFileError(
                        f"{where}: country {country.alpha_3} has Wikidata {country.wikidata} "
                        f"but {known.wikidata} at {first}; keep the right one"
                    )
                aliases = sorted({*known.aliases, *country.aliases})
                country = CountryEntry(
                    alpha_3=country.alpha_3,
                    wikidata=known.wikidata or country.wikidata,
                    aliases=aliases,
                )
                where = first
            countries[country.alpha_3] = (country, where)
        for i, actor in enumerate(data.actors):
            where = f"{path}, line {line_of(node, ('actors', i))}"
            if actor.id in actors:
                first = actors[actor.id][1]
                raise DataFileError(
                    f"{where}: actor id {actor.id} is already defined at {first}; "
                    "keep one entry (merge their aliases and acronyms)"
                )
            actors[actor.id] = (actor, where)
    return [c for c, _ in countries.values()], [a for a, _ in actors.values()]


def _subnational_governments(countries: dict[str, CatalogueActor]) -> dict[str, CatalogueActor]:
    """The governments of pycountry's states and provinces, under the names of
    `subnational_governments`; a name a country already has ("Government of Georgia") is
    left to the country."""
    from loaders.text import fold

    spec = patterns().subnational_governments
    prefix = domain_schema().prefix_of(spec.type)
    taken = {fold(n).lower() for c in countries.values() for n in (c.name, *c.aliases)}
    wanted = set(spec.subdivision_types)
    common = set(spec.common_names)
    out: dict[str, CatalogueActor] = {}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.type not in wanted or fold(sub.name).lower() in taken or sub.name in common:
            continue
        names = [t.format(name=sub.name) for t in (spec.name, *spec.aliases)]
        actor_id = f"{prefix}:{sub.code.lower()}"
        out[actor_id] = CatalogueActor(
            id=actor_id, name=names[0], type=spec.type, aliases=sorted(set(names[1:]))
        )
    return out


@cache
def subdivision_names() -> frozenset[str]:
    """The folded, lower-case names of the states and provinces whose governments the
    catalogue holds: a place a name may end with ("... Innovation in Telangana")."""
    from loaders.text import fold

    wanted = set(patterns().subnational_governments.subdivision_types)
    return frozenset(fold(s.name).lower() for s in pycountry.subdivisions if s.type in wanted)


def compact(name: str) -> str:
    """A place name folded, lower-case, without blanks, hyphens or apostrophes: "Hà Nội"
    and "Hanoi" are both "hanoi"."""
    from loaders.text import fold

    return re.sub(r"[\s\-'\u2019]+", "", fold(name).lower())


@cache
def subdivision_places() -> frozenset[str]:
    """The compact names (`compact`) of every ISO 3166-2 subdivision pycountry knows, of
    any type (states, provinces, municipalities such as Hà Nội, cities such as Paris)."""
    return frozenset(compact(s.name) for s in pycountry.subdivisions)


@cache
def catalogue() -> Catalogue:
    """The catalogue: pycountry's countries with the file's additions, then the file's actors."""
    country_entries, actor_entries = _catalogue_entries()
    extra = {entry.alpha_3: entry for entry in country_entries}
    actors: dict[str, CatalogueActor] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        entry = extra.pop(code, None)
        common = getattr(country, "common_name", None)
        name = common or country.name
        aliases = [country.name, getattr(country, "official_name", None)]
        aliases += entry.aliases if entry else []
        actors[f"country:{code}"] = CatalogueActor(
            id=f"country:{code}",
            name=name,
            type="Country",
            aliases=sorted({a for a in aliases if a and a != name and "," not in a}),
            wikidata=entry.wikidata if entry else None,
        )
    if extra:
        raise DataFileError(f"the catalogue names unknown ISO 3166 codes: {sorted(extra)}")
    actors.update(_subnational_governments(actors))
    for actor in actor_entries:
        if actor.id in actors:
            raise DataFileError(f"the catalogue defines {actor.id}, a country id of pycountry")
        actors[actor.id] = actor
    for target in patterns().metonyms.values():
        if target not in actors:
            raise ValueError(f"patterns.yaml: metonym target {target} is not in the catalogue")
    return Catalogue(actors=actors)
