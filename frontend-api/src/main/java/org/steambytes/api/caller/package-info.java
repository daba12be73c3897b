/**
 * Who is calling and what they may see: the authenticated key's role and site scope, and a site scope
 * as a request states it. Uses no feature; every feature may use it.
 */
package org.steambytes.api.caller;
