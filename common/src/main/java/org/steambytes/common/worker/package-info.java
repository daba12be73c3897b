/**
 * The one helper for long-running loops (a daemon thread per loop, stopped with its owner, back-off
 * after failures) and the name a replica's workers go by; uses Spring's lifecycle and nothing of the project.
 */
package org.steambytes.common.worker;
