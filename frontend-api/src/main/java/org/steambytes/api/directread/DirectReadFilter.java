package org.steambytes.api.directread;

import jakarta.servlet.Filter;

/**
 * A filter that answers some hot reads itself, without Spring MVC's dispatch (the latest values, a site's open
 * alerts: docs/PERFORMANCE.md "Read path", fourth pass). The security chain places every one after authorization
 * and the response cache, never before them; each passes on whatever it does not answer.
 */
public interface DirectReadFilter extends Filter {
}
