-- The first schema (docs/decisions.md, "PostgreSQL store"). Instants used in comparisons and ordering are UTC ticks
-- (bigint, 100 ns), exactly what .NET compares; each document keeps the instant with its offset as given.

-- The last incident number given per workspace. Taken with the incident's insert in one transaction, so a rolled
-- back open gives its number back (gap-free) and two opens never get the same one (the row is locked to commit).
CREATE TABLE workspace_counters (
    workspace_key text PRIMARY KEY,
    last_number integer NOT NULL
);

CREATE TABLE incidents (
    id text PRIMARY KEY,
    workspace_key text NOT NULL,
    channel_key text NOT NULL,
    number integer NOT NULL,
    platform text NOT NULL,
    status text NOT NULL,
    severity text NOT NULL,
    is_open boolean NOT NULL,
    declared_ticks bigint NOT NULL,
    -- The measure (IncidentMeasure): statistics read these columns, never the document.
    declared_offset_minutes integer NOT NULL,
    time_to_acknowledge_ticks bigint NULL,
    time_to_resolve_ticks bigint NULL,
    page_source text NULL,
    paged_service text NULL,
    -- The phases (PhaseDurations) in whole seconds, null when unknown; refreshed with the incident and its tagged entries.
    detect_seconds integer NULL,
    acknowledge_seconds integer NULL,
    root_cause_seconds integer NULL,
    resolve_seconds integer NULL,
    time_lost_seconds integer NULL,
    doc jsonb NOT NULL,
    UNIQUE (workspace_key, number)
);

-- At most one open incident a channel, whichever instance opens it.
CREATE UNIQUE INDEX incidents_open_channel ON incidents (channel_key) WHERE is_open;
CREATE INDEX incidents_channel_number ON incidents (channel_key, number DESC);
CREATE INDEX incidents_workspace_declared ON incidents (workspace_key, declared_ticks);
CREATE INDEX incidents_declared ON incidents (declared_ticks DESC, id COLLATE "C");

-- Timeline entries; the key makes a redelivered message a no-op. seq is arrival order, the tie-break for equal
-- instants. No foreign key: an entry's incident is the caller's business, as in the other stores.
CREATE TABLE entries (
    incident_id text NOT NULL,
    message_id text NOT NULL,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    at_ticks bigint NOT NULL,
    doc jsonb NOT NULL,
    PRIMARY KEY (incident_id, message_id)
);

CREATE INDEX entries_timeline ON entries (incident_id, at_ticks, seq);

-- The outbox. seq is enqueue order, which orders each channel's queue; enqueues into one channel are serialised
-- (an advisory lock on the channel) so seq order is commit order. leased_by and lease_until are for the
-- multi-instance delivery lease (not used yet: one instance delivers).
CREATE TABLE outbox (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    channel_key text NOT NULL,
    platform text NOT NULL,
    incident_id text NULL,
    state text NOT NULL,
    next_attempt_ticks bigint NOT NULL,
    delivered_ticks bigint NULL,
    abandoned_ticks bigint NULL,
    leased_by text NULL,
    lease_until timestamptz NULL,
    doc jsonb NOT NULL
);

CREATE INDEX outbox_pending ON outbox (channel_key, seq) WHERE state = 'Pending';
CREATE INDEX outbox_pending_platform ON outbox (platform, channel_key, seq) WHERE state = 'Pending';
CREATE INDEX outbox_incident ON outbox (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX outbox_delivered ON outbox (delivered_ticks) WHERE state = 'Delivered';
CREATE INDEX outbox_abandoned ON outbox (abandoned_ticks) WHERE state = 'Abandoned';

-- Adapter records. Keys are ordinal and of any length, past what a btree entry holds, so the primary key is the
-- SHA-256 of the key's UTF-8 bytes and the key itself is kept beside it.
CREATE TABLE adapter_state (
    key_sha256 bytea PRIMARY KEY,
    key text NOT NULL,
    value text NOT NULL,
    owner_item_id text NULL
);

CREATE INDEX adapter_state_owner ON adapter_state (owner_item_id) WHERE owner_item_id IS NOT NULL;

-- Platform request ids already handled (Slack event_id, command request ids), for deduplication shared by every
-- instance. Not used yet.
CREATE TABLE processed_requests (
    request_key text PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX processed_requests_at ON processed_requests (processed_at);
