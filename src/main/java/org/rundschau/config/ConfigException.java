package org.rundschau.config;

import java.util.List;

/**
 * The configuration could not be used. Carries every problem found, each formatted as
 * {@code FILE:LINE: message} so that an admin can fix all of them in one pass.
 */
public final class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("a ConfigException needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
