# The Kizuna API image for docker-compose.yml: builds the graph from seeds/, loads it into the
# Neo4j service, then serves the REST API on port 8000 over that Neo4j.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY . /app
RUN pip install . && useradd --create-home kizuna && mkdir -p /app/data && chown kizuna /app/data
USER kizuna

EXPOSE 8000
CMD ["sh", "-c", "kizuna build && kizuna neo4j load && exec kizuna serve --backend neo4j --host 0.0.0.0 --port 8000"]
