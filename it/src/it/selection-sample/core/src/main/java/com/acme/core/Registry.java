package com.acme.core;

/** Loads Plugin by a constant class name: no type reference, only a string ARD's analysis recognises. */
public class Registry {
    public Object load() throws ReflectiveOperationException {
        return Class.forName("com.acme.core.Plugin").getDeclaredConstructor().newInstance();
    }
}
