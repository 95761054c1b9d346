package org.rundschau.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the commands that write to the database ({@code once}, {@code run}). */
final class WriterOptions {
    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait while another Rundschau process writes to the same database "
                    + "(default: ${DEFAULT-VALUE}); then exit with code 4.")
    long lockWaitSeconds;

    Duration lockWait() {
        return Duration.ofSeconds(Math.max(0, lockWaitSeconds));
    }
}
