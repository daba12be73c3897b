package org.steambytes.archfixture.acyclic.a;

import org.steambytes.archfixture.acyclic.b.B;

public class A {
    B b;
}
