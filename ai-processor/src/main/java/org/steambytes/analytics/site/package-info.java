/**
 * The sites, sensors, threshold rules and analytics settings the analytics step reads (cached
 * read-only lookups of other tables, afresh each cycle). Uses nothing else of the service.
 */
package org.steambytes.analytics.site;
