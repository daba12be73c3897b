/**
 * Site history generations: after the store took readings older than the current hour, the site's
 * generation moves on so ai-processor's cached closed history buckets of it are read again. Listens to
 * the storage pipeline's writes; uses nothing else of the service.
 */
package org.steambytes.ingestion.history;
