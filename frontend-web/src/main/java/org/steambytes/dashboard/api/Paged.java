package org.steambytes.dashboard.api;

import java.util.List;

/** frontend-api's paged list: {@code {"content": [...], "page": {...}}}. */
record Paged<T>(List<T> content) {
}
