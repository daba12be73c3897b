package org.steambytes.api.site.web;

/** Public identifiers: lower-case letters, digits and single hyphens between them. */
final class Slugs {

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String MESSAGE = "must be a slug: lower-case letters, digits and hyphens, e.g. plant-a";

    private Slugs() {
    }
}
