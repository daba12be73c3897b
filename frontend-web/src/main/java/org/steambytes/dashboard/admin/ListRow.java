package org.steambytes.dashboard.admin;

import java.util.List;

/**
 * One row of an admin list: its cells as text, and where to change or remove it (null when it cannot be:
 * gateways and keys are not edited, a revoked one is not revoked again). {@code open}: a site's own pages.
 */
public record ListRow(String id, String described, List<String> cells, String edit, String remove, String open) {
}
