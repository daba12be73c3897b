/**
 * Sites: the sites table and its API (a plant, one boiler for now, with its time zone, fuel and who is
 * e-mailed about its alarms), and the scope check every site-bound feature asks. Uses caller (scope
 * checks) and the shared web helpers.
 */
package org.steambytes.api.site;
