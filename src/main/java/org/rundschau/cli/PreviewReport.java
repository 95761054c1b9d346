package org.rundschau.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Item;
import org.rundschau.model.Page;
import org.rundschau.normalize.Normalizer;
import org.rundschau.normalize.TextCleaner;
import org.rundschau.normalize.Normalizer.RegionOrigin;
import org.rundschau.refresh.Diagnostics;
import org.rundschau.refresh.SourcePreview;
import org.rundschau.suggest.Candidate;
import org.rundschau.suggest.ListFinder;

/** Prints what {@code check} found: the items as a table, then per-field diagnostics and warnings. */
final class PreviewReport {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String ROW = "%-16s  %-20s  %-56s  %-32s  %s%n";

    private final PrintWriter out;
    private final SourceConfig source;

    PreviewReport(PrintWriter out, SourceConfig source) {
        this.out = out;
        this.source = source;
    }

    void print(SourcePreview.Extracted result) {
        out.printf(ROW, "DATE", "REGION", "TITLE", "SUMMARY", "LINK");
        for (Normalizer.Explanation e : result.items()) {
            Item item = e.item();
            String date = item.dated() ? DATE.format(item.published().atZone(source.timezone())) : "no date";
            out.printf(ROW, date, cut(item.region(), 20), cut(item.title(), 56), cut(plain(item), 32), item.link());
        }
        Diagnostics d = result.diagnostics();
        out.printf("%n%s extracted from %s, %d kept; %d with a date, %d with a region.%n", count(d.extracted(), "item"),
                result.page().url(), d.kept(), d.dated(), d.kept() - d.regionOrigins().getOrDefault(RegionOrigin.NONE, 0));
        diagnostics(result.page(), d);
        warnings(d.warnings());
    }

    void print(SourcePreview.ExtractFailed result, ListFinder finder) {
        // A feed that could not be read has no entries to count: the error and its advice say it all.
        if (source.isHtml()) {
            diagnostics(result.page(), result.diagnostics());
            warnings(result.diagnostics().warnings());
            List<Candidate> found = finder.find(result.page(), source.timezone(), source.locale());
            out.println();
            if (found.isEmpty()) {
                out.println("suggest finds no list of links on this page either: it may be built by JavaScript, "
                        + "which Rundschau does not run. Look for a feed, or another page of the site.");
            } else {
                Candidate best = found.get(0);
                out.printf("Try `rundschau suggest %s`: it finds a list of %d items on this page with item `%s`, "
                        + "title `%s`, link `%s`.%n", source.url(), best.items().size(), best.rules().item(),
                        best.rules().title(), best.rules().link());
            }
        }
    }

    private void diagnostics(Page page, Diagnostics d) {
        out.printf("%nDiagnostics (%s, %s, %s)%n", source.isHtml() ? "HTML page" : "feed", size(page.body().length),
                page.contentType().isEmpty() ? "no Content-Type" : page.contentType());
        if (source.isHtml()) {
            out.printf("  %-8s selector `%s` matched %s; %d had a title or link; %d kept%n", "items",
                    source.selectors().item(), count(d.matched(), "element"), d.extracted(), d.kept());
        } else {
            out.printf("  %-8s %s read, %d kept%n", "entries", count(d.extracted(), "entry"), d.kept());
        }
        if (d.extracted() == 0) {
            d.selectorHits().forEach((field, hits) -> out.printf("  %-8s selector `%s` found an element in %d of %s%n",
                    field, selector(field), hits, count(d.matched(), "matched element")));
        } else {
            fields(d);
        }
        if (d.matched() == 0 && !d.pageCounts().isEmpty()) {
            out.printf("  %-8s %s%n", "page", d.pageCounts().entrySet().stream()
                    .map(e -> e.getValue() + " × `" + e.getKey() + "`").collect(Collectors.joining(", ")));
        }
    }

    private void fields(Diagnostics d) {
        field(d, "title", "");
        field(d, "link", "");
        field(d, "date", dates(d));
        field(d, "summary", "");
        out.printf("  %-8s %s%n", "region", regions(d));
    }

    private void field(Diagnostics d, String field, String more) {
        StringBuilder line = new StringBuilder();
        line.append("found in ").append(d.found().getOrDefault(field, 0)).append(" of ").append(d.extracted()).append(" items");
        Integer hits = d.selectorHits().get(field);
        if (hits != null) {
            line.append(" (selector `").append(selector(field)).append("` found an element in ").append(hits).append(')');
        }
        if (!more.isEmpty()) line.append("; ").append(more);
        out.printf("  %-8s %s%n", field, line);
    }

    private String selector(String field) {
        var r = source.selectors();
        return switch (field) {
            case "title" -> r.title().toString();
            case "link" -> r.link().toString();
            case "date" -> r.date().toString();
            case "summary" -> r.summary().toString();
            default -> r.region().toString();
        };
    }

    private static String dates(Diagnostics d) {
        StringBuilder s = new StringBuilder().append(count(d.dated(), "item")).append(" dated");
        if (!d.dateFormats().isEmpty()) {
            s.append(" (").append(d.dateFormats().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "))).append(')');
        }
        if (d.datesFromSummary() > 0) s.append(", ").append(d.datesFromSummary()).append(" of them from a stamp at the start of the teaser");
        if (d.unreadableCount() > 0) s.append("; ").append(d.unreadableCount()).append(" unreadable");
        return s.toString();
    }

    private static String regions(Diagnostics d) {
        Map<RegionOrigin, Integer> o = d.regionOrigins();
        int none = o.getOrDefault(RegionOrigin.NONE, 0);
        return "found for " + (d.kept() - none) + " of " + d.kept() + " items: " + o.getOrDefault(RegionOrigin.SELECTOR, 0)
                + " from the selector, " + o.getOrDefault(RegionOrigin.TITLE_PREFIX, 0) + " from a title prefix, "
                + o.getOrDefault(RegionOrigin.SOURCE_DEFAULT, 0) + " from the source's region";
    }

    private void warnings(List<String> warnings) {
        if (warnings.isEmpty()) {
            out.println("No warnings.");
            return;
        }
        out.println("Warnings");
        warnings.forEach(w -> out.println("  ! " + w));
    }

    private static String plain(Item item) {
        return item.summaryIsHtml() ? TextCleaner.htmlToText(item.summary()) : item.summary();
    }

    /** {@code 1 item}, {@code 2 items}; {@code entry} becomes {@code entries}. */
    static String count(int n, String noun) {
        if (n == 1) return "1 " + noun;
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }

    static String size(int bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format("%.0f KiB", bytes / 1024.0);
    }

    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
