package com.acme.core;

/** Only ever loaded by name (see Registry and DynamicTest). */
public class Plugin {
    public String greet() {
        return "hello";
    }
}
