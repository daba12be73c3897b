/**
 * Sites and sensors as alerting needs them (names, time zones, recipients, expected intervals),
 * cached read-only lookups of frontend-api's tables. Uses nothing else of the service.
 */
package org.steambytes.alerting.site;
