package org.steambytes.archfixture.acyclic.b;

public class B {
}
