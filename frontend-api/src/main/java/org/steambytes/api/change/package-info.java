/**
 * What a write changed, told to every replica: the {@code frontend_api:[<namespace>:]changes} Redis
 * channel ({@link ChangeBus}) and the in-memory caches that forget on it ({@link LocalCache}). A cache
 * here serves from memory only while the channel is known to work (this replica heard its own heartbeat
 * within the last 500 ms), so an eviction can never be missed for longer than that.
 */
package org.steambytes.api.change;
