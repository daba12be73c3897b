package org.steambytes.dashboard.api;

import java.util.List;

/** One page of alerts, newest first, and whether a next page follows. */
public record AlertPage(List<Alert> alerts, boolean hasNext) {
}
