package com.acme.core;

import java.nio.file.Path;

/** The environment EnvTest checks: a change here reaches EnvTest, the one test whose history has failures. */
public class Env {
    public static Path failMarker() {
        return Path.of("..", "fail.txt");
    }
}
