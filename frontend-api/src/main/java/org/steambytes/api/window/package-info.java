/**
 * A read's time window as the request states it ({@code from}, {@code to}: RFC 3339 or epoch
 * milliseconds, defaults, the longest allowed), refused as a problem naming the parameter. Uses nothing
 * of the application; the features that list by time use it.
 */
package org.steambytes.api.window;
