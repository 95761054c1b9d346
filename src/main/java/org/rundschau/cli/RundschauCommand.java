package org.rundschau.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code rundschau} command and its subcommands. */
@Command(name = "rundschau", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Aggregates HTML listing pages and RSS/Atom feeds into one clean, valid Atom feed.",
        subcommands = {OnceCommand.class, RunCommand.class, ServeCommand.class, StatusCommand.class,
                ValidateCommand.class, CheckCommand.class, SuggestCommand.class, ImportOpmlCommand.class,
                WhyCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 published but some sources failed, 2 bad usage or config, 3 internal error, "
                + "or the database, output folder or port could not be used, 4 another Rundschau process kept the database locked."})
public final class RundschauCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Also taken before the command ({@code rundschau -v once}); see {@link CommonOptions#verbose()}. */
    @Option(names = {"-v", "--verbose"}, description = "Log details (debug level) and show stack traces.")
    boolean verbose;

    /**
     * Runs one command line in-process (tests call this directly) and returns its exit code.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new RundschauCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            command.getErr().println("internal error (a bug in Rundschau, not a problem with your config): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            if (verbose) e.printStackTrace(command.getErr());
            else command.getErr().println("Run the command again with --verbose to see the stack trace, and report it.");
            return ExitCode.INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
