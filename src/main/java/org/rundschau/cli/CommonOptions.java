package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/rundschau.yaml",
            description = "Configuration file (default: ${DEFAULT-VALUE}). Relative paths inside it "
                    + "resolve against the current directory.")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Log details (debug level) and show stack traces.")
    boolean verbose;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Whether -v/--verbose was given after the command or before it ({@code rundschau -v once}). */
    boolean verbose() {
        return verbose || command.parent() != null && command.parent().userObject() instanceof RundschauCommand top
                && top.verbose;
    }

    /** Applies the log level: warnings only by default, everything with --verbose. */
    void applyLogging(Level normal) {
        ch.qos.logback.classic.Logger own = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.rundschau");
        own.setLevel(verbose() ? Level.DEBUG : normal);
    }

    /** With --verbose, the stack trace of an error the command has just reported in words. */
    void trace(Throwable e, PrintWriter err) {
        if (verbose()) e.printStackTrace(err);
    }
}
