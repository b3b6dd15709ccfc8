-- sitrep store, schema version 2: the date-ordered index also carries the
-- columns that filters test, so a filtered page checks them in the index and
-- reads only the incidents it returns (a filter that matches few incidents
-- scans ~5 MB of index instead of every incident row). Append-only.
CREATE INDEX incidents_by_date_filters
    ON incidents (date DESC, seq DESC, country, event_type, sub_event_type, admin1, lat, lon);
DROP INDEX incidents_by_date;
