package dev.leadport.archfixture.gamma;

import dev.leadport.archfixture.alpha.internal.Engine;

/** Breaks the module rule on purpose: uses a sub-package of another fixture module. */
public class ReachesIntoInternals {

    public int run() {
        return new Engine().work();
    }
}
