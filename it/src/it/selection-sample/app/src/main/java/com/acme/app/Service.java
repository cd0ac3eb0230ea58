package com.acme.app;

import com.acme.core.Leaf;

public class Service {
    public int twice() {
        return 2 * new Leaf().value();
    }
}
