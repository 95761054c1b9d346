package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.rundschau.config.AppConfig;
import org.rundschau.config.ConfigValues;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceIds;
import org.rundschau.config.SourceKind;
import org.rundschau.model.FileErrors;
import org.rundschau.refresh.SourcePreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Try one source: print what would be published. Stores nothing.",
                "Fetches, extracts and normalises the source, and prints it with per-field diagnostics and warnings.",
                "SOURCE: the id of a configured source, or a URL. For a URL, --item, --title and --link make it an "
                        + "HTML page (without --item it is read as an RSS/Atom feed). For an id, the options replace "
                        + "the configured selectors, so a change can be tried before it is saved.",
                "Exit 0 when items came out, 1 when the source failed, 2 for bad options."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "SOURCE", description = "A source id from the configuration, or an http(s) URL.")
    String target;

    @Option(names = "--item", paramLabel = "CSS", description = "Item selector: one element per item.")
    String item;
    @Option(names = "--title", paramLabel = "CSS", description = "Headline, inside the item.")
    String title;
    @Option(names = "--link", paramLabel = "CSS", description = "Link, inside the item (its href or its first link's).")
    String link;
    @Option(names = "--date", paramLabel = "CSS", description = "Date, inside the item (optional).")
    String date;
    @Option(names = "--summary", paramLabel = "CSS", description = "Teaser, inside the item (optional).")
    String summary;
    @Option(names = "--region", paramLabel = "CSS", description = "Region, inside the item (optional).")
    String region;
    @Option(names = "--locale", paramLabel = "LANG", description = "Language of month names, e.g. de or en (default: the config's).")
    String locale;
    @Option(names = "--timezone", paramLabel = "ZONE", description = "Zone for dates without offset, e.g. Europe/Berlin (default: the config's).")
    String timezone;
    @Option(names = "--save-fixture", paramLabel = "DIR",
            description = "Save the fetched page, the items as a TSV and a README in DIR, for a regression test.")
    Path fixture;

    @Override
    public Integer call() {
        common.applyLogging(Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<AppConfig> loaded = ConfigFile.load(common, err);
        if (loaded.isEmpty()) return ExitCode.USAGE;
        AppConfig config = loaded.get();
        Optional<SourceConfig> source;
        try {
            source = source(config, err);
        } catch (IllegalArgumentException e) {
            err.println("check: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (source.isEmpty()) return ExitCode.USAGE;
        App.Stages stages = App.Stages.of(config, Clock.systemUTC());
        SourcePreview.Result result = stages.preview().preview(source.get());
        PreviewReport report = new PreviewReport(out, source.get());
        if (result instanceof SourcePreview.Extracted extracted) {
            report.print(extracted);
        } else {
            err.printf("%s: %s%n", source.get().id(), result.error());
            if (result instanceof SourcePreview.FetchFailed failed) {
                Advice.forFetch(failed.error(), failed.httpStatus()).ifPresent(err::println);
            } else if (result instanceof SourcePreview.ExtractFailed failed) {
                Advice.forExtract(failed.error(), source.get().url().toString()).ifPresent(err::println);
                report.print(failed, stages.listFinder());
            }
        }
        if (fixture != null && !saveFixture(result, source.get(), out, err)) return ExitCode.INTERNAL;
        return result instanceof SourcePreview.Extracted ? ExitCode.OK : ExitCode.SOURCES_FAILED;
    }

    /** The configured source (selectors replaced by the options given), or one made from a URL and the options. */
    private Optional<SourceConfig> source(AppConfig config, PrintWriter err) {
        Optional<URI> url = httpUrl(target);
        if (url.isEmpty()) {
            Optional<SourceConfig> configured = config.source(target);
            if (configured.isEmpty()) {
                err.printf("no source '%s' in %s; known sources: %s%n(to try a page that is not configured, give its"
                        + " URL: check https://...)%n", target, common.config,
                        String.join(", ", config.sources().stream().map(SourceConfig::id).toList()));
                return Optional.empty();
            }
            return Optional.of(adjusted(configured.get()));
        }
        SourceConfig base = new SourceConfig(SourceIds.fromHost(url.get()), url.get().getHost(), url.get(),
                SourceKind.FEED, "", config.timezone(), config.locale(), config.schedule(), null);
        return Optional.of(adjusted(base));
    }

    private SourceConfig adjusted(SourceConfig s) {
        ZoneId zone = timezone == null ? s.timezone() : option("--timezone", timezone, ConfigValues::timezone);
        Locale lang = locale == null ? s.locale() : option("--locale", locale, ConfigValues::locale);
        SelectorRules rules = rules(s.selectors());
        return new SourceConfig(s.id(), s.name(), s.url(), rules == null ? SourceKind.FEED : SourceKind.HTML, s.region(),
                zone, lang, s.schedule(), rules);
    }

    /** The option's value read as the config reads the same key, or an error that names the option. */
    private static <T> T option(String name, String value, Function<String, T> read) {
        try {
            return read.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** @return the selectors to use, or null for a feed */
    private SelectorRules rules(SelectorRules configured) {
        boolean anyOption = item != null || title != null || link != null || date != null || summary != null || region != null;
        if (!anyOption) return configured;
        if (configured == null && (item == null || title == null || link == null)) {
            throw new IllegalArgumentException("to read " + target + " as an HTML page, give --item, --title and --link"
                    + " (and optionally --date, --summary, --region); without them it is read as a feed");
        }
        return new SelectorRules(pick("--item", item, configured, SelectorRules::item, ConfigValues::itemSelector),
                pick("--title", title, configured, SelectorRules::title, ConfigValues::selector),
                pick("--link", link, configured, SelectorRules::link, ConfigValues::selector),
                pick("--date", date, configured, SelectorRules::date, ConfigValues::selector),
                pick("--summary", summary, configured, SelectorRules::summary, ConfigValues::selector),
                pick("--region", region, configured, SelectorRules::region, ConfigValues::selector));
    }

    /**
     * The option's selector, checked as the config checks the same key (so the message is the
     * config's, naming the option); without the option, the configured one, or none.
     */
    private static Selector pick(String name, String option, SelectorRules configured,
                                 Function<SelectorRules, Selector> field, Function<String, Selector> read) {
        if (option != null) return option(name, option, read);
        return configured == null ? Selector.NONE : field.apply(configured);
    }

    static Optional<URI> httpUrl(String text) {
        if (!text.startsWith("http://") && !text.startsWith("https://")) return Optional.empty();
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) throw new IllegalArgumentException("not a URL with a host: " + text);
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + text + " (" + e.getReason() + ")");
        }
    }

    private boolean saveFixture(SourcePreview.Result result, SourceConfig source, PrintWriter out, PrintWriter err) {
        if (result instanceof SourcePreview.FetchFailed) {
            err.println("--save-fixture: nothing to save, the page could not be fetched");
            return true;
        }
        try {
            FixtureWriter.Saved saved = new FixtureWriter(fixture).save(result, source);
            out.printf("%nSaved %s%n", String.join(", ", saved.files().stream().map(Path::toString).toList()));
            return true;
        } catch (IOException e) {
            err.println("--save-fixture: could not write to " + fixture + ": " + FileErrors.reason(e, fixture));
            err.println("Give --save-fixture a folder that can be created and written.");
            return false;
        }
    }
}
