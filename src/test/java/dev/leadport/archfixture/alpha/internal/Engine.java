package dev.leadport.archfixture.alpha.internal;

/** A sub-package of a fixture module: public for its own module's root, internal to everyone else. */
public class Engine {

    public int work() {
        return 42;
    }
}
