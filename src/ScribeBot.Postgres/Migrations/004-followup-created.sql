-- The latest creation instant (UTC ticks) of the incident's follow-up links, on its tasks and removed tasks; null when it
-- has none. The stats count follow-up issues by when they were created: this column, indexed, finds the few incidents
-- with a link created in the period without reading every document. The document stays the truth (the store reads the
-- links from it); the column only has to be at least as late as the latest link.
ALTER TABLE incidents ADD COLUMN followup_created_ticks bigint NULL;

-- Incidents written before this migration: the links' ISO 8601 instants to ticks (0001-01-01 to the Unix epoch is
-- 621355968000000000 ticks). PostgreSQL keeps microseconds (it rounds the seventh digit), a tick is 100 ns: one
-- microsecond more keeps the column at or after the exact instant, so a query by "created since" misses nothing.
UPDATE incidents SET followup_created_ticks = latest.ticks
FROM (
    SELECT incidents.id,
        max((extract(epoch FROM (task->'followup'->>'createdAt')::timestamptz) * 1000000)::bigint * 10 + 10 + 621355968000000000) AS ticks
    FROM incidents,
        jsonb_array_elements(coalesce(doc->'tasks', '[]'::jsonb) || coalesce(doc->'removedTasks', '[]'::jsonb)) AS task
    WHERE task ? 'followup'
    GROUP BY incidents.id
) AS latest
WHERE incidents.id = latest.id;

CREATE INDEX incidents_followup_created ON incidents (followup_created_ticks) WHERE followup_created_ticks IS NOT NULL;
