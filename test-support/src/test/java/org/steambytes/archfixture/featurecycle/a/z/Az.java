package org.steambytes.archfixture.featurecycle.a.z;

public class Az {
}
