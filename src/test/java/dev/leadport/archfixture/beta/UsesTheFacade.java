package dev.leadport.archfixture.beta;

import dev.leadport.archfixture.alpha.Facade;

/** Uses another fixture module the allowed way, through its root package. */
public class UsesTheFacade {

    public int run() {
        return new Facade().run();
    }
}
