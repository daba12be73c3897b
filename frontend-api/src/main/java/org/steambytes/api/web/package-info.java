/**
 * The web helpers every feature's controllers share: paging, database and Spring Data mistakes
 * answered as problems, and the OpenAPI description. Uses no feature.
 */
package org.steambytes.api.web;
