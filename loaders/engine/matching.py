"""Matching the rules on a parsed unit: from DependencyMatcher matches to claims.

The compiled rules run over the unit's parse in one DependencyMatcher call. A match is kept
when its trigger fits the rule (voice, missing children, a multi-word verb's particle, the
relation type the rule allows) and no `descend` step crossed into another clause. Each
argument word is read into what it stands for (loaders.engine.referents), and each `emit`
of the rule gives one claim per pair: a relation between references, with the rule's name
and confidence and the unit as evidence. Where two rules read the same trigger and the same
party, the one that matched more arguments wins ("signed an MoC with Y" over "signed with
Y"). A unit with a trigger and no frame gives its pairs of actors at a low confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from spacy.tokens import Token

from graph.schema import domain_schema
from loaders.engine.matcher import CompiledPattern, PatternIndex
from loaders.engine.parsed import ParsedUnit
from loaders.engine.referents import (
    ActorRef,
    DocumentContext,
    GiverRef,
    ImplicitRef,
    PhraseRef,
    Ref,
    ref_order,
    referents,
)
from loaders.nlp import lemma
from loaders.rules.grammar import CompiledRule, Emit, Grammar, grammar
from loaders.rules.lexicon import Lexicon, lexicon
from loaders.rules.marks import mark_of

__all__ = ["COOCCURRENCE", "Claim", "match_unit"]

COOCCURRENCE = 0.3
_MAX_COOCCURRING = 4
_LARGEST_CLIQUE = 3  # a trilateral partnership's pairs; more parties meet in its node
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
_PARTICLE_DEPS = frozenset({"prt", "dobj", "advmod", "prep", "compound:prt"})


@dataclass(frozen=True)
class Claim:
    """A relation one rule read: references for its ends, resolved later in order."""

    source: Ref
    target: Ref
    type: str  # a relation type, or "role": what a party of the target instrument does
    rule: str
    confidence: float
    span: tuple[int, int]
    position: int  # the trigger's place in the document
    giver: bool = False


def _verb_relation(token: Token, lex: Lexicon) -> tuple[str | None, int | None]:
    """The relation a verb gives, its particle included ("take part", "set up",
    "participate in"), and where that particle is (None for a verb of one word)."""
    for child in token.children:
        if child.dep_ in _PARTICLE_DEPS:
            found = lex.relation_of("verbs", (token.lemma_, lemma(child.lower_)))
            if found is not None:
                return found, child.i
    return lex.relation_of("verbs", (token.lemma_,)), None


def _noun_relation(token: Token, table: str, lex: Lexicon) -> str | None:
    """The relation a noun gives, with its modifiers ("financial support", "grant aid")."""
    modifiers = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
    for k in range(len(modifiers) + 1):
        key = (*(lemma(m.lower_) for m in modifiers[k:]), token.lemma_)
        found = lex.relation_of(table, key)
        if found is not None:
            return found
    return None


def _trigger_relation(
    compiled: CompiledRule, trigger: Token, token_ids: list[int], lex: Lexicon
) -> str | None:
    """The relation type the trigger gives, or "" for triggers that give none of their
    own; None when the trigger does not fit the rule (nor its phrase's particle the
    preposition the rule asks for)."""
    spec = compiled.rule.trigger
    if compiled.relations is None:
        return ""
    particle = None
    if spec.table == "verbs":
        found, particle = _verb_relation(trigger, lex)
    else:
        found = _noun_relation(trigger, spec.table, lex)
    if any(token_ids[node] != particle for node in compiled.particles):
        return None
    return found if found in compiled.relations else None


def _fits(compiled: CompiledRule, trigger: Token) -> bool:
    spec = compiled.rule.trigger
    deps = {c.dep_ for c in trigger.children}
    if spec.lacks and deps & set(spec.lacks):
        return False
    if spec.voice is not None:
        passive = bool(deps & {"nsubjpass", "auxpass"})
        if passive != (spec.voice == "passive"):
            return False
    return True


def _crosses_clause(upper: Token, lower: Token) -> bool:
    """Whether the path from `lower` up to `upper` passes through another clause."""
    node = lower.head
    while node != upper and node.head != node:
        if node.tag_.startswith("VB") or node.dep_ in _CLAUSE_DEPS:
            return True
        node = node.head
    return node != upper


def _adjacent(unit: ParsedUnit, first: Token, then: Token) -> bool:
    """Whether two words stand next to each other, the phrase of the first one before the
    other, with nothing but punctuation and adverbs between ("X (Japan)", "X, directly
    led by Y")."""
    if then.i < first.i:
        first, then = then, first
    index = unit.mention_at[first.i]
    end = first.i
    if index is not None:
        end = max(unit.token_ids_of(index))
    elif first.i in unit.phrases and then not in first.subtree:  # "the Grant Aid for Tuvalu, X"
        end = first.right_edge.i
    between = unit.doc[end + 1 : then.i]
    own = unit.mentions[index].actor if index is not None else None

    def aside(token: Token) -> bool:  # punctuation, an adverb, or the word's own acronym
        mention = unit.mention_of(token)
        return (
            token.is_punct or token.tag_ == "RB" or (mention is not None and mention.actor == own)
        )

    return then.i > end and len(between) <= 4 and all(aside(t) for t in between)


def _nearest_instrument(
    unit: ParsedUnit, trigger: Token, ctx: DocumentContext, within: list[str] | None
) -> list[Ref]:
    """The instrument a clause is about without naming it as an argument: the closest one
    named in the unit (within the trigger's phrase first), else the document's latest."""
    schema = domain_schema()
    instruments = schema.types_with_role("instrument") & frozenset(within or schema.actor_types)
    found: list[tuple[int, int, Token]] = []
    subtree = {t.i for t in trigger.subtree}
    for token in unit.doc:
        if mark_of(token, "role") == "instrument" and mark_of(token, "actor_type") in instruments:
            found.append((0 if token.i in subtree else 1, abs(token.i - trigger.i), token))
    if found:
        best = min(found, key=lambda f: (f[0], f[1], f[2].i))[2]
        refs = referents(unit, best, ctx)
        if refs:
            return refs
    return [ImplicitRef(unit.start_of(trigger), frozenset(instruments))]


def _claims_of(
    compiled: CompiledRule,
    relation: str,
    trigger: Token,
    arguments: dict[str, list[Ref]],
    unit: ParsedUnit,
    span: tuple[int, int],
    ctx: DocumentContext,
) -> list[Claim]:
    rule = compiled.rule
    out: list[Claim] = []
    position = unit.start_of(trigger)

    def ends(name: str, within: list[str] | None = None) -> list[Ref]:
        if name == "instrument":
            return _nearest_instrument(unit, trigger, ctx, within)
        if name == "trigger":
            return referents(unit, trigger, ctx, single=True)
        if name == "lender":
            return [GiverRef(position)]
        return arguments[name]

    for emit in rule.emit:
        kind = _emitted_type(emit, relation, arguments, ctx)
        if kind is None:
            continue
        if emit.among is not None:
            parties = ends(emit.among)
            if not 2 <= len(parties) <= _LARGEST_CLIQUE:
                continue  # more parties are joined by their instrument, not by a clique
            for a, b in combinations(parties, 2):
                out.append(Claim(a, b, kind, rule.name, rule.confidence, span, position))
            continue
        assert emit.source is not None and emit.to is not None
        for source in ends(emit.source):
            for target in ends(emit.to, emit.within):
                if source != target:
                    out.append(
                        Claim(
                            source, target, kind, rule.name, rule.confidence, span, position,
                            emit.giver,
                        )
                    )  # fmt: skip
    return out


def _emitted_type(
    emit: Emit, relation: str, arguments: dict[str, list[Ref]], ctx: DocumentContext
) -> str | None:
    """The relation an emit gives: the trigger's, a fixed one, "role" (settled later), or
    the bilateral view of the instrument named by `of` ("AJ-CORE is a partnership between X
    and Y": X PARTNERS_WITH Y)."""
    if emit.type == "trigger":
        return relation or None
    if emit.type != "bilateral":
        return emit.type
    lex = lexicon()
    for ref in arguments.get(emit.of or "", []):
        if isinstance(ref, PhraseRef):
            return ref.phrase.kind.bilateral
        if isinstance(ref, ActorRef):
            kind = lex.kind_of_name(ctx.name_of(ref.actor))
            return kind.bilateral if kind else None
    return None


_INDEXES: dict[int, PatternIndex] = {}


def _index(compiled: Grammar) -> PatternIndex:
    """The rules' patterns indexed by their anchors, built once per set of rules."""
    key = id(compiled)
    if key not in _INDEXES:
        _INDEXES[key] = PatternIndex(
            [CompiledPattern.of(name, rule.pattern) for name, rule in compiled.rules.items()]
        )
    return _INDEXES[key]


def match_unit(
    unit: ParsedUnit, span: tuple[int, int], ctx: DocumentContext, rules: Grammar | None = None
) -> list[Claim]:
    """Every claim the rules read in one parsed unit."""
    compiled_rules = rules or grammar()
    lex = lexicon()
    doc = unit.doc
    best: dict[tuple[int, Ref], tuple[int, int]] = {}  # (trigger, source) -> most arguments matched
    found: list[tuple[int, tuple[int, int], Claim]] = []
    for name, token_ids in _index(compiled_rules)(doc):
        compiled = compiled_rules.rules[name]
        trigger = doc[token_ids[0]]
        relation = _trigger_relation(compiled, trigger, token_ids, lex)
        if relation is None or not _fits(compiled, trigger):
            continue
        if any(_crosses_clause(doc[token_ids[u]], doc[token_ids[w]]) for u, w in compiled.descents):
            continue
        if not all(
            _adjacent(unit, doc[token_ids[u]], doc[token_ids[w]]) for u, w in compiled.adjacents
        ):
            continue
        arguments = {
            arg: referents(unit, doc[token_ids[node]], ctx, single=arg in compiled.rule.single)
            for arg, node in compiled.argument_nodes.items()
        }
        if any(not refs for refs in arguments.values()):
            continue
        for claim in _claims_of(compiled, relation, trigger, arguments, unit, span, ctx):
            key = (trigger.i, claim.source)
            best[key] = max(best.get(key, (0, 0)), compiled.size)
            found.append((trigger.i, compiled.size, claim))
    claims = [c for t, size, c in found if size == best[(t, c.source)]]
    if not claims:
        claims = _cooccurrence(unit, span, ctx, lex)
    return sorted(set(claims), key=_claim_order)


def _claim_order(claim: Claim) -> tuple[int, str, str, str]:
    return (claim.position, claim.rule, ref_order(claim.source), ref_order(claim.target))


def _cooccurrence(
    unit: ParsedUnit, span: tuple[int, int], ctx: DocumentContext, lex: Lexicon
) -> list[Claim]:
    """Two actors and a trigger but no frame: each pair the trigger's type allows, kept at
    a confidence below the default threshold."""
    actors = list(dict.fromkeys(m.actor for m in unit.mentions))
    if not 2 <= len(actors) <= _MAX_COOCCURRING:
        return []
    schema = domain_schema()
    relation = None
    position = 0
    for token in unit.doc:
        if unit.mention_at[token.i] is not None:
            continue
        if token.tag_.startswith("VB"):
            relation = _verb_relation(token, lex)[0]
        elif token.tag_.startswith("NN"):
            relation = _noun_relation(token, "nouns", lex)
        if relation is not None:
            position = unit.start_of(token)
            break
    if relation is None:
        return []
    directed = schema.relation_types[relation].directed
    out: list[Claim] = []
    for a, b in combinations(actors, 2):
        source, target = a, b
        if directed and not schema.relation_types[relation].allows(ctx.type_of(a), ctx.type_of(b)):
            source, target = b, a
        out.append(
            Claim(ActorRef(source), ActorRef(target), relation, "cooccurrence", COOCCURRENCE,
                  span, position)
        )  # fmt: skip
    return out
