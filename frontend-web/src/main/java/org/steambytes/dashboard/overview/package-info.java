/** The sites overview ({@code /}): every site of the user at a glance, sortable and filterable. Uses {@code api}. */
package org.steambytes.dashboard.overview;
