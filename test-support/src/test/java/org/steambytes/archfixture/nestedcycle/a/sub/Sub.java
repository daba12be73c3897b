package org.steambytes.archfixture.nestedcycle.a.sub;

import org.steambytes.archfixture.nestedcycle.a.A;

public class Sub {
    A a;
}
