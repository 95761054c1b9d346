package org.rundschau.normalize;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * Pure text clean-up for titles and summaries: entities, invisible and XML-forbidden characters,
 * whitespace, "read more" tails, leading date stamps, length limits, and HTML sanitising.
 * All methods are static and side-effect free.
 */
public final class TextCleaner {
    /** Longest title derived from a summary. */
    public static final int DERIVED_TITLE_CHARS = 80;
    static final String ELLIPSIS = "…";

    /** Soft hyphen, zero-width space, word joiner, BOM: invisible, never wanted in feed text. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\u2060\\uFEFF]");
    /** Unicode spaces (NBSP, thin space, ideographic space, line/paragraph separators) and controls as space. */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");

    /** A marker that follows a "read more" word: dots, ellipsis, arrows, guillemets. */
    private static final String MARKER = "(?:\\.{2,}|…|»|›|→|>>|>)";
    /**
     * "Read more" tails. Bare words ("mehr", "more") only with a marker after them, so a sentence
     * ending in "... nicht mehr" keeps its last word; "weiter" only with an arrow ("Wie geht es
     * weiter..." stays); the capitalised phrases also alone.
     */
    private static final Pattern READ_MORE = Pattern.compile(
            "(?:^|(?<=[\\s\\p{P}]))"
                    + "(?:[»›→]\\s*)?"
                    + "(?:"
                    + "(?<bare>(?i:mehr|more|weiterlesen|weiter lesen|mehr lesen|read more|continue reading"
                    + "|lesen sie mehr|zum artikel|mehr erfahren|learn more)\\s*" + MARKER + "(?:\\s*" + MARKER + ")*)"
                    + "|(?i:weiter)\\s*(?:»|›|→|>>)"
                    + "|(?:Mehr lesen|(?i:weiterlesen)|Weiter lesen|Read [Mm]ore|Continue [Rr]eading|Zum Artikel"
                    + "|Mehr erfahren|Lesen Sie mehr|Learn [Mm]ore)(?:\\s*" + MARKER + ")*"
                    + "|[\\[(]\\s*(?:\\.{3}|…)\\s*[\\])]"
                    + ")\\s*$");
    /** A bracketed stamp at the start: "[07.02.2025]", "(07.02.2025)". */
    private static final Pattern BRACKET_STAMP = Pattern.compile("^[\\[(]([^\\])\\[(]{4,40})[\\])]\\s*[-–—:|]?\\s*");
    /** A numeric date at the start followed by a separator or space: "07.02.2025 – ", "2025-02-07: ". */
    private static final Pattern NUMERIC_STAMP = Pattern.compile(
            "^(\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}(?:,?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*Uhr)?)?)(?:\\s*[-–—:|]\\s*|\\s+)");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s)");
    private static final Pattern TRAILING_PUNCT = Pattern.compile("[\\s,;:\\-–—(\\[]+$");

    private TextCleaner() {
    }

    /**
     * Plain-text clean-up: leftover entities decoded ({@code &amp;} → {@code &}), characters XML 1.0
     * forbids removed (controls, lone surrogates, U+FFFE/U+FFFF), soft hyphens and zero-width
     * characters removed, every run of whitespace (NBSP included) one space, trimmed.
     */
    public static String clean(String text) {
        String s = text.indexOf('&') >= 0 && ENTITY.matcher(text).find() ? Parser.unescapeEntities(text, false) : text;
        s = removeXmlForbidden(s);
        s = hasInvisible(s) ? INVISIBLE.matcher(s).replaceAll("") : s;
        return collapseWhitespace(s).strip();
    }

    // Every title, summary and date goes through clean(): most hold nothing to remove, so the
    // regular expressions run only where a cheap scan finds work for them (issue 8 profile).
    private static boolean hasInvisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF') return true;
        }
        return false;
    }

    /** The same as {@code WHITESPACE.matcher(s).replaceAll(" ")}, without a copy when nothing changes. */
    static String collapseWhitespace(String s) {
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!isCollapsibleSpace(c)) {
                if (out != null) out.append(c);
                continue;
            }
            int end = i + 1;
            while (end < n && isCollapsibleSpace(s.charAt(end))) end++;
            if (out == null && (c != ' ' || end > i + 1)) out = new StringBuilder(n).append(s, 0, i);
            if (out != null) out.append(' ');
            i = end - 1;
        }
        return out == null ? s : out.toString();
    }

    /** A character of {@link #WHITESPACE}: {@code \s} (ASCII) or one of the Unicode spaces it lists. */
    static boolean isCollapsibleSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200A'
                || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    /**
     * The same as {@code TRAILING_PUNCT.matcher(s).replaceAll("")}: the spaces, commas, colons,
     * dashes and opening brackets at the end of a cut text go. The expression tries every position
     * of the text; it is skipped when the last character is none of those (nor a line terminator
     * other than {@code \n} and {@code \r}, before which {@code $} matches too).
     */
    static String trimTrailingPunctuation(String s) {
        if (s.isEmpty()) return s;
        return switch (s.charAt(s.length() - 1)) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', ',', ';', ':', '-', '–', '—', '(', '[', '\u0085', '\u2028', '\u2029' ->
                    TRAILING_PUNCT.matcher(s).replaceAll("");
            default -> s;
        };
    }

    /** The pattern {@link #trimTrailingPunctuation} implements, for tests that compare the two. */
    static Pattern trailingPunctuationPattern() {
        return TRAILING_PUNCT;
    }

    /** The pattern {@link #collapseWhitespace} implements, for tests that compare the two. */
    static Pattern whitespacePattern() {
        return WHITESPACE;
    }

    /** The pattern {@link #mayEndInReadMore} rules out, for tests that compare the two. */
    static Pattern readMorePattern() {
        return READ_MORE;
    }

    /**
     * Removes the characters XML 1.0 does not allow: C0 controls except tab, LF, CR; lone
     * surrogates; U+FFFE and U+FFFF. C1 controls (U+0080–U+009F) are removed too: they are
     * allowed but always mojibake in feed text.
     */
    public static String removeXmlForbidden(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep;
            if (Character.isHighSurrogate(c)) {
                keep = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (keep) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                keep = false;
            } else {
                keep = (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && !(c >= 0x7F && c <= 0x9F)
                        && c != '\uFFFE' && c != '\uFFFF';
            }
            if (!keep && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (keep && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Removes "mehr...", "Weiterlesen »", "Read more", "[...]", "Continue reading →" at the end only.
     * Several tails in a row go ("[...] Weiterlesen »"), but a word with dots before a removed tail
     * stays: in "and more … Read More »" the "more …" belongs to the sentence.
     */
    public static String stripReadMore(String text) {
        String s = text.strip();
        boolean first = true;
        while (true) {
            if (!mayEndInReadMore(s)) return s;
            Matcher m = READ_MORE.matcher(s);
            if (!m.find() || !first && m.group("bare") != null) {
                return s;
            }
            s = s.substring(0, m.start()).strip();
            first = false;
        }
    }

    /**
     * Whether {@link #READ_MORE} can match the stripped text at all, from its last character: a
     * match ends the text, and every alternative ends in a marker ({@code ..}, …, », ›, →, >), a
     * bracket, or the last letter of a phrase. Most summaries end in one full stop, and then the
     * expression, which tries every position of the text, is skipped (issue 8 profile).
     */
    static boolean mayEndInReadMore(String stripped) {
        int n = stripped.length();
        if (n == 0) return false;
        return switch (stripped.charAt(n - 1)) {
            case '.' -> n >= 2 && stripped.charAt(n - 2) == '.';
            // U+0085 (NEL) is not stripped, and `$` matches before it as before a final line break
            case '…', '»', '›', '→', '>', ']', ')', '\u0085' -> true;
            // a phrase without a marker: "Weiterlesen", "Read more", "Continue reading", "Zum
            // Artikel", "Mehr erfahren", "Lesen Sie mehr"; most words ending in these letters end otherwise
            case 'n', 'N', 'e', 'g', 'l', 'r' -> endsWithIgnoreCase(stripped, "lesen") || endsWithIgnoreCase(stripped, "ore")
                    || endsWithIgnoreCase(stripped, "reading") || endsWithIgnoreCase(stripped, "artikel")
                    || endsWithIgnoreCase(stripped, "erfahren") || endsWithIgnoreCase(stripped, "mehr");
            default -> false;
        };
    }

    private static boolean endsWithIgnoreCase(String text, String suffix) {
        return text.regionMatches(true, text.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /**
     * Cuts a text to at most {@code maxChars} characters at a word boundary and ends it with "…".
     * A text that fits is returned unchanged.
     */
    public static String summary(String text, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2: " + maxChars);
        }
        if (text.length() <= maxChars) {
            return text;
        }
        int limit = maxChars - ELLIPSIS.length();
        int cut = text.lastIndexOf(' ', limit);
        if (cut < limit / 2) {
            cut = limit;
            if (Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
        }
        String head = trimTrailingPunctuation(text.substring(0, cut));
        return head + ELLIPSIS;
    }

    /** A title made from a summary: its first sentence when short enough, else its first words, "…" when cut. */
    public static String titleFrom(String text, int maxChars) {
        String s = clean(text);
        Matcher m = SENTENCE_END.matcher(s);
        if (m.find() && m.end() <= maxChars) {
            String sentence = s.substring(0, m.end());
            return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        }
        return summary(s, maxChars);
    }

    /**
     * A date stamp at the very start of a text and the text after it.
     *
     * @param date the stamp's date
     * @param rest the text without the stamp and its separator
     */
    public record LeadingDate(ParsedDate date, String rest) {
        public LeadingDate {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(rest, "rest");
        }
    }

    /**
     * Finds a date stamp at the start of a text: bracketed ({@code [07.02.2025] Das ...}) or a
     * numeric date followed by a separator ({@code 07.02.2025 – Das ...}).
     *
     * @return empty when the text does not start with a complete date
     */
    public static Optional<LeadingDate> leadingDate(String text, DateParser parser, Instant reference) {
        String s = text.strip();
        for (Pattern p : new Pattern[] {BRACKET_STAMP, NUMERIC_STAMP}) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                Optional<ParsedDate> date = parser.parse(m.group(1), reference);
                if (date.isPresent()) {
                    return Optional.of(new LeadingDate(date.get(), s.substring(m.end()).strip()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Removes a leading date stamp when it names the item's own date (same calendar day in
     * {@code zone}); any other text is returned unchanged.
     */
    public static String stripLeadingDate(String text, DateParser parser, Instant itemDate, ZoneId zone) {
        return leadingDate(text, parser, itemDate)
                .filter(d -> d.date().instant().atZone(zone).toLocalDate().equals(itemDate.atZone(zone).toLocalDate()))
                .map(LeadingDate::rest)
                .orElse(text);
    }

    /**
     * Sanitises an HTML fragment with an allowlist (Jsoup {@link Safelist#basicWithImages()}: text
     * formatting, lists, quotes, links, images; no script, style, iframe, form or event handlers).
     * Relative links and image sources become absolute against {@code baseUri}; without a base they
     * are dropped. A trailing "read more" link or text is removed.
     */
    public static String sanitizeHtml(String html, String baseUri) {
        return sanitizeHtml(html, baseUri, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #sanitizeHtml(String, String)}, and when the fragment's text is longer than
     * {@code maxChars}, the text is cut at a word boundary with "…" and every node after the cut
     * is removed, so the markup stays well formed.
     */
    public static String sanitizeHtml(String html, String baseUri, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2: " + maxChars);
        }
        Safelist safelist = Safelist.basicWithImages().removeEnforcedAttribute("a", "rel");
        String cleaned = Jsoup.clean(removeXmlForbidden(html), baseUri, safelist);
        Document doc = Jsoup.parseBodyFragment(cleaned, baseUri);
        stripTrailingReadMore(doc.body());
        if (doc.body().text().length() > maxChars) {
            cutHtml(doc.body(), maxChars - ELLIPSIS.length());
        }
        return doc.body().html().strip();
    }

    /** Cuts the text of {@code body} after {@code budget} characters (counted as in plain text). */
    private static void cutHtml(Element body, int budget) {
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                texts.add(text);
            }
        }, body);
        int used = 0;
        for (TextNode node : texts) {
            String text = collapseWhitespace(node.getWholeText());
            if (used + text.length() <= budget) {
                used += text.length();
                continue;
            }
            int room = budget - used;
            int cut = text.lastIndexOf(' ', room);
            if (cut < room / 2 && used == 0) {
                cut = Character.isLowSurrogate(text.charAt(room)) ? room - 1 : room;
            }
            node.text(trimTrailingPunctuation(text.substring(0, Math.max(cut, 0))) + ELLIPSIS);
            for (Node n = node; n != body; n = n.parent()) {
                while (n.nextSibling() != null) {
                    n.nextSibling().remove();
                }
            }
            return;
        }
    }

    /** The plain text of an HTML fragment, cleaned like {@link #clean}. */
    public static String htmlToText(String html) {
        return clean(Jsoup.parseBodyFragment(html).body().text());
    }

    private static void stripTrailingReadMore(Element body) {
        while (true) {
            Node last = lastMeaningfulLeaf(body);
            if (!(last instanceof TextNode textNode)) {
                return;
            }
            String before = textNode.text();
            String after = stripReadMore(before);
            if (after.equals(before.strip())) {
                return;
            }
            if (!after.isEmpty()) {
                textNode.text(after);
                return;
            }
            Node parent = textNode.parent();
            textNode.remove();
            while (parent instanceof Element e && e != body && e.childNodeSize() == 0) {
                Node up = e.parent();
                e.remove();
                parent = up;
            }
        }
    }

    private static Node lastMeaningfulLeaf(Node node) {
        for (int i = node.childNodeSize() - 1; i >= 0; i--) {
            Node child = node.childNode(i);
            if (child instanceof TextNode t && t.isBlank()) {
                continue;
            }
            if (child.childNodeSize() == 0) {
                return child;
            }
            Node leaf = lastMeaningfulLeaf(child);
            if (leaf != null) {
                return leaf;
            }
        }
        return null;
    }
}
