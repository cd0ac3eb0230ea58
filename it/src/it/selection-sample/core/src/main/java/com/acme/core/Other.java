package com.acme.core;

public class Other {
    public String name() {
        return "other";
    }
}
