-- Wave 2, the operators' dashboard (issue 11; docs/ARCHITECTURE.md §2, docs/API.md "Roles").

-- 1. frontend-api: the operator role for API keys, as dashboard users have it (users_role_known): reader
--    rights plus acknowledging and shelving alerts and keeping maintenance windows, on its own sites.
ALTER TABLE api_keys DROP CONSTRAINT api_keys_role_known;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_role_known CHECK (role IN ('reader', 'operator', 'admin'));

-- 2. Who acted, as the audit columns name a caller: api-key:<key_id> (44 characters) or user:<username>
--    (usernames are up to 64 characters, so up to 69). Widening a varchar rewrites no rows.
--    alerts and alert_events are alert-service's, maintenance_windows frontend-api's.
ALTER TABLE alerts ALTER COLUMN acknowledged_by TYPE varchar(128);
ALTER TABLE alert_events ALTER COLUMN actor TYPE varchar(128);
ALTER TABLE maintenance_windows ALTER COLUMN created_by TYPE varchar(128);

-- 3. frontend-api: maintenance windows get their API; record when they were made and who changed one last.
ALTER TABLE maintenance_windows
    ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_by varchar(128);
