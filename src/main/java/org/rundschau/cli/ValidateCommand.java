package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rundschau.config.AppConfig;
import org.rundschau.config.SourceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the configuration and report every problem as FILE:LINE: message. Fetches nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        common.applyLogging(Level.WARN);
        Optional<AppConfig> loaded = ConfigFile.load(common, spec.commandLine().getErr());
        if (loaded.isEmpty()) return ExitCode.USAGE;
        AppConfig config = loaded.get();
        long html = config.sources().stream().filter(SourceConfig::isHtml).count();
        spec.commandLine().getOut().printf("%s: OK, %s (%s, %s): %s%n", common.config,
                PreviewReport.count(config.sources().size(), "source"), PreviewReport.count((int) html, "HTML page"),
                PreviewReport.count(config.sources().size() - (int) html, "feed"),
                String.join(", ", config.sources().stream().map(SourceConfig::id).toList()));
        return ExitCode.OK;
    }
}
