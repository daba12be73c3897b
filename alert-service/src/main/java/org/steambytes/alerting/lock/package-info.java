/**
 * Transaction-scoped PostgreSQL advisory locks: periodic work one replica at a time. Uses nothing
 * of the service.
 */
package org.steambytes.alerting.lock;
