package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * Rundschau's logging set up in code, found by Logback through {@code ServiceLoader}
 * ({@code META-INF/services}): logs go to stderr, so that stdout carries only command output;
 * {@code org.rundschau} logs at INFO, Quartz and every other library at WARN.
 *
 * <p>Done in code because reading the same settings from a {@code logback.xml} costs a fresh
 * process about a quarter of a second of CPU (Logback's XML configurator loads some 500 classes
 * before the first line is logged), paid by every {@code once} from cron and every
 * {@code validate}. An explicit configuration still wins: with {@code -Dlogback.configurationFile}
 * set, or a {@code logback-test.xml} or {@code logback.xml} on the class path, this steps aside and
 * Logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The format of every line: time, level, logger's simple name, message. */
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (explicitConfiguration(System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY),
                LogSetup.class.getClassLoader())) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} as Rundschau logs: one appender on stderr, the levels above. */
    static void apply(LoggerContext context) {
        // Logback's own notes on its set-up ("writing to the console can be slow") stay unprinted.
        context.getStatusManager().add(new NopStatusListener());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("org.rundschau").setLevel(Level.INFO);
        context.getLogger("org.quartz").setLevel(Level.WARN);
    }

    /** Whether Logback's own configurator should read a file: one is named, or on the class path. */
    static boolean explicitConfiguration(String configFileProperty, ClassLoader loader) {
        if (configFileProperty != null) {
            return true;
        }
        return loader.getResource(ContextInitializer.TEST_AUTOCONFIG_FILE) != null
                || loader.getResource(ContextInitializer.AUTOCONFIG_FILE) != null;
    }
}
