package com.acme.core;

/** A leaf class: LeafTest uses it directly, app's Service through one more class. */
public class Leaf {
    public int value() {
        return 1;
    }
}
