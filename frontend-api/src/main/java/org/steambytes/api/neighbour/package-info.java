/**
 * The services this one asks (ai-processor, alert-service): their problem answers passed on to the
 * caller as they are. Uses nothing of the application; the features that forward to them use it.
 */
package org.steambytes.api.neighbour;
