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
        if (code != 0) System.exit(code);
    }
}
