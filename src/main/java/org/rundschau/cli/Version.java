package org.rundschau.cli;

import picocli.CommandLine.IVersionProvider;

/** Rundschau's version, from the jar manifest ("dev" when run from classes). */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Rundschau " + current()};
    }
}
