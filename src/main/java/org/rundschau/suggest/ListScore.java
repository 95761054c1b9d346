package org.rundschau.suggest;

import java.util.List;
import org.jsoup.nodes.Element;
import org.rundschau.model.RawItem;

/**
 * How much a list looks like news. More items count, but less and less (a long menu must not beat
 * ten articles); every quality multiplies: headline-like titles (several words), one link per item,
 * readable dates, teasers, titles from headings. A list inside navigation, a footer or a sidebar
 * keeps a sixth of its score.
 */
final class ListScore {
    static final int HEADLINE_WORDS = 5;
    static final double BOILERPLATE_PENALTY = 0.85;

    private ListScore() {
    }

    /** What the markup says about a list: the share of titles in headings and of items in boilerplate. */
    record Markup(double headingShare, double boilerplateShare) {
    }

    static Markup markup(List<Element> items, List<Element> titles) {
        double headings = titles.stream().filter(t -> t != null && t.normalName().matches("h[1-6]")).count();
        double boilerplate = items.stream().filter(Boilerplate::contains).count();
        return new Markup(headings / items.size(), boilerplate / items.size());
    }

    /** A first impression of a set of items before any field is located: count, words, boilerplate. */
    static double firstImpression(List<Element> items) {
        double boilerplate = items.stream().filter(Boilerplate::contains).count() / (double) items.size();
        List<Integer> words = items.stream().map(i -> Math.min(HEADLINE_WORDS, longestLinkWords(i))).sorted().toList();
        return log2(1 + items.size()) * words.get(words.size() / 2) * (1 - BOILERPLATE_PENALTY * boilerplate);
    }

    private static int longestLinkWords(Element item) {
        int most = 0;
        for (Element e : item.select("a[href], h1, h2, h3, h4, h5, h6")) most = Math.max(most, words(e.text()));
        return most;
    }

    static double of(List<RawItem> items, ItemFields fields, Markup markup) {
        double n = items.size();
        if (n == 0) return 0;
        long titled = items.stream().filter(i -> !i.title().isBlank()).count();
        long distinctLinks = items.stream().map(RawItem::link).filter(l -> !l.isBlank()).distinct().count();
        long dated = items.stream().filter(i -> fields.isDate(i.date())).count();
        long summarised = items.stream().filter(ListScore::hasSummary).count();
        List<Integer> words = items.stream().map(i -> words(i.title())).sorted().toList();
        double headline = Math.min(1.0, words.get(words.size() / 2) / (double) HEADLINE_WORDS);
        return log2(1 + n) * headline * (distinctLinks / n) * (titled / n) * (1 + dated / n)
                * (1 + 0.5 * summarised / n) * (1 + 0.5 * markup.headingShare())
                * (1 - BOILERPLATE_PENALTY * markup.boilerplateShare());
    }

    static boolean hasSummary(RawItem item) {
        String summary = item.summary().strip();
        return summary.length() >= ItemFields.MIN_SUMMARY_CHARS && !summary.equals(item.title().strip());
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
