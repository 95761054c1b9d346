package org.rundschau.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
            if (Files.notExists(options.config)) {
                err.println(missing(options.config));
            } else {
                err.println(e.problems().size() == 1 ? "1 problem in the configuration; nothing was done."
                        : e.problems().size() + " problems in the configuration; nothing was done.");
            }
            return Optional.empty();
        }
    }

    /**
     * What to do when there is no config file. A relative path (the default {@code config/rundschau.yaml})
     * starts from the current folder, so usually the command was run in another folder.
     */
    private static String missing(Path config) {
        Path here = Path.of("").toAbsolutePath();
        if (config.isAbsolute()) return "Check the path given to --config.";
        String top = config.getNameCount() > 1 ? config.getName(0) + "/" : config.toString();
        return "Rundschau reads " + config + " from the current folder (" + here + "): run it in the folder that"
                + " holds " + top + ", or give --config FILE.";
    }
}
