"""Kizuna's drivers do not ask Neo4j for UNRECOGNIZED notifications: on a database that holds
no graph yet, the first `kizuna neo4j load` used to print "label does not exist" warnings
before saying it had loaded. Other notifications (deprecations, performance) still come."""

from __future__ import annotations

import neo4j

from tests.neo4j_server import Neo4jServer, run_settings

NEVER_A_LABEL = "MATCH (n:KizunaNoSuchLabelEver) RETURN count(n) AS n"


def _statuses(driver: neo4j.Driver, server: Neo4jServer) -> set[str]:
    _, summary, _ = driver.execute_query(NEVER_A_LABEL, database_=server.database)
    return {status.gql_status for status in summary.gql_status_objects}


def test_kizunas_driver_gets_no_unrecognized_notification(neo4j_server: Neo4jServer) -> None:
    # 01N50: "the label does not exist", a warning of classification UNRECOGNIZED.
    settings = run_settings()
    with settings.neo4j_driver(notifications_disabled_classifications=[]) as asked:
        assert "01N50" in _statuses(asked, neo4j_server)
    with settings.neo4j_driver() as kizunas:
        assert "01N50" not in _statuses(kizunas, neo4j_server)
