// Kizuna: ready queries for Neo4j Browser (http://localhost:7474/browser/).
// Paste one query into the editor and run it (Ctrl+Enter), or open them all as a guide
// while `kizuna serve` runs:
//   :play http://localhost:8000/neo4j-browser/guide.html
// Every query leaves out the relations below the confidence floor the API uses
// (KIZUNA_MIN_CONFIDENCE, 0.5 unless configured): set it once per Browser session first,
//   :param min_confidence => 0.5
// (the guide's first slide gives the line with the server's own floor).
// A query's first comment line is its title: star a result frame to keep it as a favorite.
// Queries are separated by blank lines and end with a semicolon; docs/neo4j-browser.md explains.

// Japan's partners by year
// Every partnership, MOC or agreement of Japan, oldest first (relations with no stated year last).
MATCH (japan:Actor {id: 'country:JPN'})-[r:SIGNED_MOC|PARTNERS_WITH|AGREEMENT_WITH]-(partner:Actor)
WHERE r.confidence >= $min_confidence
RETURN r.year AS year, type(r) AS instrument, partner.name AS partner, partner.type AS partner_type,
       r.curated AS curated, r.confidence AS confidence,
       r.evidence_docs[0] AS document, r.evidence_quotes[0] AS evidence
ORDER BY year IS NULL, year, partner, instrument;

// Japan's partner network
// The same partnerships drawn as a graph: edges are captioned with their type and year.
MATCH p = (japan:Actor {id: 'country:JPN'})-[r:SIGNED_MOC|PARTNERS_WITH|AGREEMENT_WITH]-(:Actor)
WHERE r.confidence >= $min_confidence
RETURN p;

// Paths from JICA to India
// The shortest chains of relations from JICA to India (relations join actors only, never documents).
MATCH p = allShortestPaths((:Actor {id: 'agency:jica'})-[*..6]-(:Actor {id: 'country:IND'}))
WHERE all(r IN relationships(p) WHERE r.confidence >= $min_confidence)
RETURN p;

// Paths from JICA to India, hop by hop with evidence
// Each hop of each shortest path, with its year and the sentence that states it.
MATCH p = allShortestPaths((:Actor {id: 'agency:jica'})-[*..6]-(:Actor {id: 'country:IND'}))
WHERE all(r IN relationships(p) WHERE r.confidence >= $min_confidence)
UNWIND range(0, length(p) - 1) AS hop
WITH p, hop, relationships(p)[hop] AS r
RETURN [n IN nodes(p) | n.name] AS route, hop + 1 AS step, startNode(r).name AS source,
       type(r) AS relation, endNode(r).name AS target, r.year AS year,
       r.evidence_docs[0] AS document, r.evidence_quotes[0] AS evidence
ORDER BY route, step;

// All MOCs
// Every Memorandum of Cooperation (or Understanding) with its year and where the text says so.
MATCH (a:Actor)-[r:SIGNED_MOC]->(b:Actor)
WHERE r.confidence >= $min_confidence
RETURN r.year AS year, a.name AS party, b.name AS other_party,
       r.evidence_docs[0] AS document, r.evidence_quotes[0] AS evidence
ORDER BY year IS NULL, year, party, other_party;

// All MOCs as a graph
MATCH p = (:Actor)-[r:SIGNED_MOC]->(:Actor)
WHERE r.confidence >= $min_confidence
RETURN p;

// ODA projects with funder, implementer and host
// Each project with who funds it, who implements it and the country it is in or benefits.
MATCH (project:Project)
RETURN project.name AS project,
       COLLECT { MATCH (f:Actor)-[r:FUNDS]->(project) WHERE r.confidence >= $min_confidence
                 RETURN DISTINCT f.name ORDER BY f.name } AS funders,
       COLLECT { MATCH (i:Actor)-[r:IMPLEMENTS]->(project) WHERE r.confidence >= $min_confidence
                 RETURN DISTINCT i.name ORDER BY i.name } AS implementers,
       COLLECT { MATCH (project)-[r:LOCATED_IN|BENEFITS]->(h:Country) WHERE r.confidence >= $min_confidence
                 RETURN DISTINCT h.name ORDER BY h.name } AS hosts
ORDER BY project;

// ODA projects as a graph
MATCH p = (:Actor)-[r:FUNDS|IMPLEMENTS|LOCATED_IN|BENEFITS]-(:Project)
WHERE r.confidence >= $min_confidence
RETURN p;

// Which documents mention JICA
MATCH (d:Document)-[:MENTIONS]->(:Actor {id: 'agency:jica'})
RETURN d.name AS document, d.title AS title, d.source AS source, d.words AS words
ORDER BY document;

// Where the documents say what about JICA
// Every sentence that supports a relation of JICA, with its character offsets in the document.
MATCH (:Actor {id: 'agency:jica'})-[r]-(other:Actor)
WHERE r.confidence >= $min_confidence
UNWIND range(0, size(r.evidence_docs) - 1) AS i
RETURN r.evidence_docs[i] AS document, r.evidence_starts[i] AS start, r.evidence_ends[i] AS end,
       type(r) AS relation, other.name AS other, r.year AS year, r.evidence_quotes[i] AS sentence
ORDER BY document, start;

// Curated relations
// Facts that come from the curation file (a user's corrections), not from the extractor.
MATCH (a:Actor)-[r {curated: true}]->(b:Actor)
WHERE r.confidence >= $min_confidence
RETURN a.name AS source, type(r) AS relation, b.name AS target, r.year AS year,
       r.evidence_docs[0] AS document, r.evidence_quotes[0] AS evidence
ORDER BY source, relation, target;

// Uncertain relations (below the confidence floor)
// What the extractor is least sure of: every other query, and the REST API, leave these out.
MATCH (a:Actor)-[r]->(b:Actor)
WHERE r.confidence < $min_confidence
RETURN a.name AS source, type(r) AS relation, b.name AS target, r.confidence AS confidence,
       r.rule AS rule, r.evidence_quotes[0] AS evidence
ORDER BY confidence, source, relation, target;
