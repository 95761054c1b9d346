package org.rundschau.cli;

/** The process exit codes, a contract with cron jobs and scripts. */
public final class ExitCode {
    /** Published, and every source was fine. */
    public static final int OK = 0;
    /** Published, but some sources failed (see their health). */
    public static final int SOURCES_FAILED = 1;
    /** Bad usage or bad configuration: nothing was done. */
    public static final int USAGE = 2;
    /** Internal error, or an unusable database, output folder or port: a bug or an environment problem, see the message. */
    public static final int INTERNAL = 3;
    /** Another Rundschau process kept the database locked for longer than --lock-wait. */
    public static final int LOCKED = 4;

    private ExitCode() {
    }
}
