-- The outage the incident list shows (OutageWindow: the Issue Summary's start and length, which tagged detection and
-- resolution messages move), refreshed with the phase columns whenever the incident or a tagged entry changes.
-- Rows written before this migration have a null start until then; the list measures those from their entries.
ALTER TABLE incidents
    ADD COLUMN outage_start_ticks bigint NULL,
    ADD COLUMN outage_ticks bigint NULL,
    ADD COLUMN outage_impossible_order boolean NOT NULL DEFAULT false;
