/**
 * What every page shares: the HTML error pages (a browser gets a page, any other client the
 * problem+json of common), the mapping of frontend-api's failures onto them (its 404 stays a 404,
 * so a site outside the user's scope looks missing), and the formatting of values and times in a
 * site's zone. Uses {@code api} and common.
 */
package org.steambytes.dashboard.page;
