package org.steambytes.archfixture.rootcycle.feature;

import org.steambytes.archfixture.rootcycle.RootSettings;

public class FeatureJob {
    RootSettings settings;
}
