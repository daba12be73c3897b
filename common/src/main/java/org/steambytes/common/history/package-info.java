/**
 * The history request (window, bucket interval, aggregate, time zone) parsed one way by frontend-api
 * and ai-processor, so a bad request is refused before it travels; uses common's problem details.
 */
package org.steambytes.common.history;
