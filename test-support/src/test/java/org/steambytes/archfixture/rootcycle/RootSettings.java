package org.steambytes.archfixture.rootcycle;

import org.steambytes.archfixture.rootcycle.feature.FeatureJob;

/** The root wires a feature that reads the root's settings: a cycle through the root package. */
public class RootSettings {
    FeatureJob job;
}
