/**
 * Direct reads: the type of the filters that answer a few hot reads in the security chain without Spring MVC's
 * dispatch (the latest values, a site's open alerts), which the security chain places after authorization. A leaf:
 * depends on nothing of the application, so the security chain and the web layer can both name it.
 */
package org.steambytes.api.directread;
