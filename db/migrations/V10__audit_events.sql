-- Wave 2, issue 13: the audit log of frontend-api (docs/ARCHITECTURE.md "Audit log", docs/API.md "Audit events").
-- One row per change made through frontend-api: who (an API key or a dashboard user), what, when, and the
-- resource before and after as the API shows it (never a token, key or password hash). frontend-api is the
-- only writer, and it only ever inserts.

CREATE TABLE audit_events (
    event_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz  NOT NULL,
    actor_kind    varchar(8)   NOT NULL CONSTRAINT audit_events_actor_kind_known CHECK (actor_kind IN ('key', 'user')),
    -- the key's id or the user's name, and both as the other audit columns write them: api-key:<id>, user:<name>
    actor_id      varchar(64)  NOT NULL,
    actor         varchar(128) NOT NULL,
    action        varchar(32)  NOT NULL,
    resource_type varchar(32)  NOT NULL,
    resource_id   varchar(200) NOT NULL,
    -- no foreign key: the events of a deleted site stay
    site_id       varchar(63),
    before        jsonb,
    after         jsonb
);

CREATE INDEX audit_events_newest ON audit_events (at DESC, event_id DESC);
CREATE INDEX audit_events_site_newest ON audit_events (site_id, at DESC, event_id DESC);
CREATE INDEX audit_events_actor_newest ON audit_events (actor, at DESC, event_id DESC);

-- Append-only. The application's role owns its tables, and an owner keeps UPDATE and DELETE whatever is
-- revoked, so the refusal is a trigger: nobody short of dropping the trigger changes or removes an event.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
