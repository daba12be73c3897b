-- alert-service: low-priority alerts are mailed as a digest (DOMAIN.md "Alerting practice"). Their
-- transition rows wait with suppressed_reason 'digest' until the site's next digest e-mail lists them
-- (then 'digested'); the digest itself is an outbox row of kind 'digest'.
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_kind_known;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_kind_known CHECK (kind IN
    ('transition', 'renotify', 'escalation', 'flood_summary', 'digest'));
CREATE INDEX notification_outbox_digest_idx ON notification_outbox (site_id, id) WHERE suppressed_reason = 'digest';
