package dev.ard.sample.app;

import dev.ard.sample.lib.Greeter;

/** Uses the other module, so the reactor dependency is real. */
public final class App {
    private App() {}

    public static void main(String[] args) {
        System.out.println(Greeter.greet("provenance"));
    }
}
