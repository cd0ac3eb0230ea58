package dev.ard.sample.slib;

public final class Greeter {
    public static String greet(String name) {
        return "Hello, " + name;
    }
}
