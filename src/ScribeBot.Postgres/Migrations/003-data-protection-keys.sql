-- The dashboard's data-protection key ring (docs/decisions.md, "Several instances"): the keys that sign and encrypt the
-- sign-in cookie, the OIDC correlation and nonce cookies and antiforgery tokens. Kept here so every instance reads the
-- cookies the others issued. One row per XML element ASP.NET Core stores (a key, a revocation), never updated.
CREATE TABLE data_protection_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL,
    xml text NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);
