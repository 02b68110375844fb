package dev.leadport.archfixture.alpha;

import dev.leadport.archfixture.alpha.internal.Engine;

/** The root package of a fixture module: what other modules may use. */
public class Facade {

    public int run() {
        return new Engine().work();
    }
}
