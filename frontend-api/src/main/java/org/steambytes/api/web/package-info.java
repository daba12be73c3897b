/**
 * The web helpers every feature's controllers share: paging, time windows, database and Spring Data mistakes
 * and a neighbour service's refusals answered as problems, and the OpenAPI description. Uses no feature.
 */
package org.steambytes.api.web;
