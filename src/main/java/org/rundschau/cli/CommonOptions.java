package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/rundschau.yaml",
            description = "Configuration file (default: ${DEFAULT-VALUE}). Relative paths inside it "
                    + "resolve against the current directory.")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Log details (debug level) and show stack traces.")
    boolean verbose;

    /** Applies the log level: warnings only by default, everything with --verbose. */
    void applyLogging(Level normal) {
        ch.qos.logback.classic.Logger own = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.rundschau");
        own.setLevel(verbose ? Level.DEBUG : normal);
    }
}
