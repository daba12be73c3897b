package org.steambytes.dashboard.admin;

import java.util.List;

/** A form as the template draws it: its fields, and the problems shown above them. */
public record FormView(List<FieldView> fields, List<String> problems) {
}
