package com.acme.app;

public class Standalone {
    public int three() {
        return 3;
    }
}
