# The Kizuna API image for docker-compose.yml: rebuilds the graph from its registered corpus
# (seeds/ on first start, plus any document added since; the store and its corpus live in the
# kizuna-data volume), loads it into the Neo4j service, then serves the REST API on port 8000.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_PROJECT_ENVIRONMENT=/opt/kizuna \
    UV_PYTHON_DOWNLOADS=never \
    UV_NO_CACHE=1 \
    PATH=/opt/kizuna/bin:$PATH

WORKDIR /app
# The dependencies first, in a layer of their own: the exact versions of uv.lock, as the tests
# ran them. A change to Kizuna's code rebuilds only the layers below, not this one.
COPY pyproject.toml uv.lock README.md /app/
RUN pip install "uv==0.13.9" \
    && uv sync --locked --no-editable --no-install-project
# Then Kizuna itself, installed, not linked. /app is its project folder, so its home (the
# store, the corpus, the cache) is /app/data, the kizuna-data volume.
COPY . /app
RUN uv sync --locked --no-editable \
    && useradd --create-home kizuna && mkdir -p /app/data && chown kizuna /app/data
USER kizuna

EXPOSE 8000
CMD ["sh", "-c", "kizuna build && kizuna neo4j load && exec kizuna serve --backend neo4j --host 0.0.0.0 --port 8000"]
