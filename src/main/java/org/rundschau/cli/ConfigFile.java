package org.rundschau.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.rundschau.config.AppConfig;
import org.rundschau.config.ConfigException;
import org.rundschau.config.ConfigLoader;

/** Loads the configuration for a command, printing every problem when it is unusable. */
final class ConfigFile {
    private ConfigFile() {
    }

    /** @return the config, or empty after printing its problems (the command then exits 2) */
    static Optional<AppConfig> load(CommonOptions options, PrintWriter err) {
        try {
            return Optional.of(ConfigLoader.load(options.config));
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() == 1 ? "1 problem in the configuration; nothing was done."
                    : e.problems().size() + " problems in the configuration; nothing was done.");
            return Optional.empty();
        }
    }
}
