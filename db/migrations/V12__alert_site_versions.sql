-- alert-service: a version per site, taken in every transaction that changes an alert of the site
-- (docs/ARCHITECTURE.md §2, "alert_service:open-alerts"). The row's lock orders those transactions, so a
-- later commit always carries a higher version; the site's open-alerts document in Redis is read with
-- the version in one statement and only replaces a stored document of a lower or equal version, so a
-- late writer never puts an older snapshot over a newer one.
-- No foreign key to sites: a site deleted and created again keeps counting up, and its old document
-- (which may outlive the site for its TTL) can never look newer than the new site's.
CREATE TABLE alert_site_versions (
    site_id varchar(63) PRIMARY KEY,
    version bigint      NOT NULL
);
