package org.steambytes.archfixture.featurecycle.a.x;

import org.steambytes.archfixture.featurecycle.b.B;

/** a.x → b → a.z: no two packages in a cycle, but features a and b are. */
public class Ax {
    B b;
}
