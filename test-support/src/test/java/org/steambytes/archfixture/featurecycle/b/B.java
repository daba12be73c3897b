package org.steambytes.archfixture.featurecycle.b;

import org.steambytes.archfixture.featurecycle.a.z.Az;

public class B {
    Az az;
}
