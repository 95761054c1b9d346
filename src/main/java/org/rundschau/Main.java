package org.rundschau;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.rundschau.cli.RundschauCommand;

/** Entry point: parses the command line, runs one command, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = RundschauCommand.execute(args, out, err);
        // Also for 0: run and serve return after a clean stop on SIGTERM, and a non-daemon thread a
        // library left behind must not keep the process alive.
        System.exit(code);
    }
}
