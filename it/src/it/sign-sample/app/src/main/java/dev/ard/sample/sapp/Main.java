package dev.ard.sample.sapp;

import dev.ard.sample.slib.Greeter;

public final class Main {
    public static void main(String[] args) {
        System.out.println(Greeter.greet("ARD"));
    }
}
