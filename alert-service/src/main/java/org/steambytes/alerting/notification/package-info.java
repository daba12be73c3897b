/**
 * E-mail: the transactional outbox filled from alert transitions (maintenance, floods, digests,
 * stable Message-IDs) and the sender that delivers it over SMTP. Uses alert (events, read-only),
 * sites, the settings and the job locks.
 */
package org.steambytes.alerting.notification;
