package org.steambytes.archfixture.nestedcycle.a;

import org.steambytes.archfixture.nestedcycle.a.sub.Sub;

/** a ↔ a.sub: one feature, but two packages in a cycle. */
public class A {
    Sub sub;
}
