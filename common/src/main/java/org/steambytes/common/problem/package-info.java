/**
 * RFC 9457 problem+json on every error path of every service (advice, error controller, Tomcat's own
 * refusals) with stable codes; uses nothing else of the project.
 */
package org.steambytes.common.problem;
