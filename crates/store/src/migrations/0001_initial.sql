-- sitrep store, schema version 1. Migrations are append-only: never edit this
-- file once released; add 0002_*.sql instead.

-- One row per ingested article (or per doc_id of pre-extracted records).
CREATE TABLE documents (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    title        TEXT,
    url          TEXT,
    source       TEXT,
    published    TEXT,
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    event_count  INTEGER NOT NULL DEFAULT 0,
    ingested_at  TEXT NOT NULL
);

-- One row per incident: the deduplicated event, with every source kept in `events`.
CREATE TABLE incidents (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    dedup_key      TEXT,
    date           TEXT NOT NULL,          -- ISO date, '' when unknown
    event_type     TEXT,
    sub_event_type TEXT,
    country        TEXT,                   -- ISO 3166-1 alpha-2, upper case
    admin1         TEXT COLLATE NOCASE,
    lat            REAL,
    lon            REAL,
    fatalities     INTEGER NOT NULL DEFAULT 0,
    source_count   INTEGER NOT NULL DEFAULT 0,
    actors_search  TEXT NOT NULL DEFAULT '',  -- lower-cased actor words of every source
    text_search    TEXT NOT NULL DEFAULT '',  -- lower-cased evidence sentences of every source
    json           TEXT NOT NULL            -- merged sitrep/1 event + source summaries
);
CREATE INDEX incidents_by_date ON incidents (date DESC, seq DESC);
CREATE INDEX incidents_by_key ON incidents (dedup_key, date);
CREATE INDEX incidents_by_country ON incidents (country, date DESC, seq DESC);
CREATE INDEX incidents_by_type ON incidents (event_type, date DESC, seq DESC);
CREATE INDEX incidents_by_sub_type ON incidents (sub_event_type, date DESC, seq DESC);

-- One row per event as one document reported it (a source of an incident).
CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    doc_id       TEXT NOT NULL REFERENCES documents (id),
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    json         TEXT NOT NULL            -- the sitrep/1 event record as extracted
);
CREATE INDEX events_by_incident ON events (incident_seq);
CREATE INDEX events_by_doc ON events (doc_id);

CREATE TABLE figures (
    id      TEXT PRIMARY KEY,
    doc_id  TEXT NOT NULL REFERENCES documents (id),
    measure TEXT NOT NULL,
    json    TEXT NOT NULL
);
CREATE INDEX figures_by_doc ON figures (doc_id);

CREATE TABLE places (
    doc_id TEXT NOT NULL REFERENCES documents (id),
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    json   TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, end)
);
