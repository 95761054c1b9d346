package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.rundschau.config.AppConfig;
import org.rundschau.config.ConfigValues;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceIds;
import org.rundschau.config.SourceKind;
import org.rundschau.config.SourceYaml;
import org.rundschau.extract.ExtractException;
import org.rundschau.fetch.FetchException;
import org.rundschau.fetch.FetchResult;
import org.rundschau.model.Extraction;
import org.rundschau.model.Item;
import org.rundschau.model.Page;
import org.rundschau.model.Validators;
import org.rundschau.suggest.Candidate;
import org.rundschau.suggest.FeedLink;
import org.rundschau.suggest.PageFacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "suggest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the news lists and feeds on a page, as source blocks ready to paste.",
                "Needs no selectors: each list is printed as a source block for `sources:`, with a preview of its "
                        + "first items. Also lists the feeds the page declares and recommends one when there is. "
                        + "Fetches the page once (--probe: a few more requests).",
                "Exit 0 when a list or a feed was found, 1 when not."})
final class SuggestCommand implements Callable<Integer> {
    static final int PREVIEW_ITEMS = 3;
    /** Lists scoring under this share of the best are menus and link clusters: not shown. */
    static final double WORTH_SHOWING = 0.25;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "URL", description = "The page to look at: a news listing, a blog's front page, …")
    String target;
    @Option(names = "--probe", description = "Also try the site's usual feed paths (/feed, /rss.xml, /atom.xml, …)"
            + " one by one, with the configured pause between requests, until one answers with a feed.")
    boolean probe;
    @Option(names = "--candidates", paramLabel = "N", defaultValue = "3",
            description = "How many lists to show (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Override
    public Integer call() {
        common.applyLogging(Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (candidates < 1) {
            err.println("suggest: --candidates must be at least 1: " + candidates);
            return ExitCode.USAGE;
        }
        Optional<AppConfig> loaded = ConfigFile.load(common, err);
        if (loaded.isEmpty()) return ExitCode.USAGE;
        AppConfig config = loaded.get();
        URI url;
        try {
            url = CheckCommand.httpUrl(target).orElseThrow(() -> new IllegalArgumentException(
                    "give the page's full URL, starting with http:// or https://: " + target));
        } catch (IllegalArgumentException e) {
            err.println("suggest: " + e.getMessage());
            return ExitCode.USAGE;
        }
        App.Stages stages = App.Stages.of(config, Clock.systemUTC());
        Page page;
        try {
            if (!(stages.fetcher().fetch(url, Validators.NONE) instanceof FetchResult.Fetched fetched)) {
                err.println(url + ": the server answered 304 Not Modified to an unconditional request; try again later");
                return ExitCode.SOURCES_FAILED;
            }
            page = fetched.page();
        } catch (FetchException e) {
            err.println(url + ": " + e.getMessage());
            Advice.forFetch(e.getMessage(), e.httpStatus()).ifPresent(err::println);
            return ExitCode.SOURCES_FAILED;
        }
        String id = SourceIds.unique(SourceIds.fromHost(url),
                config.sources().stream().map(SourceConfig::id).collect(Collectors.toSet()));
        Optional<Extraction> asFeed = asFeed(stages, page);
        if (asFeed.isPresent()) {
            out.printf("%s is a feed (%s): it needs no selectors. Paste under `sources:`:%n%n%s", url,
                    PreviewReport.count(asFeed.get().items().size(), "entry"), SourceYaml.feed("  ", id, "", url));
            return ExitCode.OK;
        }
        return new Printer(out, config, stages, page, id).print();
    }

    /** Whether the URL answered with a feed instead of a page (only tried when it does not say it is HTML). */
    private static Optional<Extraction> asFeed(App.Stages stages, Page page) {
        if (page.contentType().toLowerCase(Locale.ROOT).contains("html")) return Optional.empty();
        try {
            return Optional.of(stages.feeds().extract(page));
        } catch (ExtractException e) {
            return Optional.empty();
        }
    }

    /** Writes the report for one page: its feeds, then its lists. */
    private final class Printer {
        private final PrintWriter out;
        private final AppConfig config;
        private final App.Stages stages;
        private final Page page;
        private final String id;
        private final PageFacts facts;

        Printer(PrintWriter out, AppConfig config, App.Stages stages, Page page, String id) {
            this.out = out;
            this.config = config;
            this.stages = stages;
            this.page = page;
            this.id = id;
            this.facts = PageFacts.of(page);
        }

        int print() {
            List<FeedLink> feeds = feeds();
            List<Candidate> found = stages.listFinder().find(page, config.timezone(), config.locale());
            double best = found.isEmpty() ? 0 : found.get(0).score();
            List<Candidate> lists = found.stream().filter(c -> c.score() >= WORTH_SHOWING * best)
                    .limit(Math.max(candidates, 1)).toList();
            if (!lists.isEmpty()) lists(lists);
            if (feeds.isEmpty() && lists.isEmpty()) {
                out.printf("No feed and no list of links found on %s. The page may build its list with JavaScript,"
                        + " which Rundschau does not run: look for a feed (try --probe) or another page of the site.%n",
                        page.url());
                return ExitCode.SOURCES_FAILED;
            }
            return ExitCode.OK;
        }

        /** The page's feeds; with --probe only those that answer with one, and the usual paths tried too. */
        private List<FeedLink> feeds() {
            List<FeedLink> declared = facts.feeds();
            List<FeedLink> feeds = new ArrayList<>();
            if (probe) {
                out.printf("Probing the page's feeds and the usual feed paths of %s …%n", page.url().getHost());
                for (FeedLink feed : declared) {
                    if (stages.feedFinder().readsAsFeed(feed.url())) {
                        feeds.add(feed);
                    } else {
                        out.printf("  %s  (%s) did not answer with a feed: not recommended%n", feed.url(), feed.foundBy());
                    }
                }
                stages.feedFinder().probe(page.url(), declared).ifPresent(feeds::add);
            } else {
                feeds.addAll(declared);
            }
            if (feeds.isEmpty() && probe && !declared.isEmpty()) {
                out.println("None of the page's feeds answered with one, and none of the usual paths did.");
                out.println();
                return feeds;
            }
            if (feeds.isEmpty()) {
                out.println(probe ? "The page declares no feed, and none of the usual paths answered with one."
                        : "The page declares no feed (<link rel=\"alternate\">); --probe tries the usual feed paths.");
                out.println();
                return feeds;
            }
            out.println("Feeds");
            feeds.forEach(f -> out.printf("  %s%s  (%s)%n", f.url(), f.title().isEmpty() ? "" : "  \"" + f.title() + "\"",
                    f.foundBy()));
            FeedLink best = recommended(feeds);
            out.printf("%nRecommended: use the feed %s; a feed is steadier than scraping. Try it with%n"
                    + "  rundschau check %s%nand paste under `sources:`:%n%n%s%n", best.url(), best.url(),
                    SourceYaml.feed("  ", id, facts.title(), best.url()));
            return feeds;
        }

        /** The first declared feed that is not a comments feed. */
        private FeedLink recommended(List<FeedLink> feeds) {
            return feeds.stream().filter(f -> !(f.title() + " " + f.url()).toLowerCase(Locale.ROOT).matches(".*(comment|kommentar).*"))
                    .findFirst().orElse(feeds.get(0));
        }

        private void lists(List<Candidate> lists) {
            out.printf("Lists on the page, best first (paste one under `sources:`):%n");
            String locale = localeLine();
            for (int i = 0; i < lists.size(); i++) {
                Candidate c = lists.get(i);
                List<Item> items = normalised(c, locale);
                out.printf("%n#%d: %s, %d with a date, %d with a teaser%n", i + 1,
                        PreviewReport.count(c.items().size(), "item"), items.stream().filter(Item::dated).count(),
                        c.summarised());
                out.print(SourceYaml.html("  ", id, facts.title(), page.requestUrl(), locale, c.rules()));
                preview(items);
            }
        }

        /** The candidate's items as they would be published. */
        private List<Item> normalised(Candidate c, String locale) {
            SourceConfig source = new SourceConfig(id, id, page.requestUrl(), SourceKind.HTML, "", config.timezone(),
                    locale.isEmpty() ? config.locale() : Locale.forLanguageTag(locale), config.schedule(), c.rules());
            return stages.normalizer().normalizeAll(c.items(), source, facts.language(), page.fetchedAt());
        }

        /**
         * {@code locale:} for the block when the page declares a language other than the config's,
         * and one the config would take: {@code lang="deutsch"} or {@code "xx"} suggests nothing.
         */
        private String localeLine() {
            String language = Locale.forLanguageTag(facts.language().replace('_', '-')).getLanguage();
            if (language.isEmpty() || language.equals(config.locale().getLanguage())) return "";
            try {
                return ConfigValues.locale(language).getLanguage();
            } catch (IllegalArgumentException unknown) {
                return "";
            }
        }

        /** The first items, as YAML comments so that the block stays paste-able. */
        private void preview(List<Item> items) {
            out.println("    # first items, as they would be published:");
            for (Item item : items.subList(0, Math.min(PREVIEW_ITEMS, items.size()))) {
                String date = item.dated() ? DATE.format(item.published().atZone(config.timezone())) : "(no date)";
                out.printf("    #   %-16s  %s%s%n", date, item.hasRegion() ? item.region() + ": " : "",
                        PreviewReport.cut(item.title(), 80));
                out.printf("    #   %-16s  %s%n", "", item.link());
            }
        }
    }
}
