package org.rundschau.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command line in bash and reports the CPU it and its children used (bash's {@code times},
 * which reads getrusage: user + system), its wall time and exit code. Output goes to a log file.
 */
public final class ChildCpu {
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

    /** What one run cost. */
    public record Run(double cpuSeconds, double wallSeconds, int exitCode) {}

    private ChildCpu() {
    }

    /**
     * @param command a bash command line; its stdout and stderr go to {@code log}
     * @param env     extra environment variables
     */
    public static Run run(String command, Path log, Map<String, String> env, Duration limit)
            throws IOException, InterruptedException {
        String script = "( " + command + " ) > '" + log + "' 2>&1; rc=$?; times; exit $rc";
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", script));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("took longer than " + limit + ": " + command);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String[] lines = out.strip().split("\n");
        Matcher children = TIMES.matcher(lines[lines.length - 1]);
        if (!children.find()) throw new IOException("no CPU times from bash: " + out);
        double cpu = Integer.parseInt(children.group(1)) * 60 + Double.parseDouble(children.group(2))
                + Integer.parseInt(children.group(3)) * 60 + Double.parseDouble(children.group(4));
        return new Run(cpu, wall, process.exitValue());
    }
}
