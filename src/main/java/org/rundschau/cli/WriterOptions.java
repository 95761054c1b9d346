package org.rundschau.cli;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of the commands that write to the database ({@code once}, {@code run}). */
final class WriterOptions {
    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait while another Rundschau process writes to the same database "
                    + "(default: ${DEFAULT-VALUE}); then exit with code 4.")
    long lockWaitSeconds;

    /** @return a usage problem with the options, if any */
    Optional<String> problem() {
        return lockWaitSeconds < 0 ? Optional.of("--lock-wait must not be negative: " + lockWaitSeconds
                + " (0: give up at once when another process writes)") : Optional.empty();
    }

    Duration lockWait() {
        return Duration.ofSeconds(lockWaitSeconds);
    }
}
