/** The Redis key names and time-to-live values of every service, spelled in one place; uses nothing of the project. */
package org.steambytes.common.redis;
