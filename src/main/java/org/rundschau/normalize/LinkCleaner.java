package org.rundschau.normalize;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical form of item links, so the same story reached through a tracking link is the same item.
 *
 * <p>For {@code http} and {@code https} URLs: scheme and host lowercase, international host names
 * in ASCII (punycode), the default port dropped, an empty path as {@code /}, dot segments resolved,
 * characters that are not allowed in a URL (spaces, non-ASCII) percent-encoded as UTF-8, and
 * tracking parameters removed ({@link #isTrackingParameter}); other parameters keep their order and
 * spelling, and an empty query is dropped.
 *
 * <p>The fragment: a route ({@code #!/artikel/5}, {@code #/news/101}), which a script reads as the
 * page's address, always stays. Any other fragment usually points into the same page
 * ({@code #top}, {@code #kommentare}) and is dropped, unless it is what tells the items of one
 * fetch apart: on a page whose items are anchors of one document ({@code presse.html#meldung-3}),
 * {@link #anchored} finds the links to keep it for, and {@link #canonical(String, boolean)} keeps
 * it. Even then a text directive ({@code #:~:text=}) and tracking written as a fragment
 * ({@code #xtor=RSS-3}, {@code #utm_source=feed}) go ({@link #keptFragment}).
 *
 * <p>Anything else (relative links, {@code mailto:}, {@code ftp:}, text that is not a URL) comes
 * back trimmed and otherwise unchanged: the method never fails.
 */
public final class LinkCleaner {
    private static final Pattern URL = Pattern.compile(
            "^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);
    private static final Pattern AUTHORITY = Pattern.compile("^(?:([^@]*)@)?(\\[[^\\]]*\\]|[^:]*)(?::(\\d*))?$");
    /** Exact parameter names (compared in lowercase) that only serve click tracking. */
    static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
            "li_fat_id", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp",
            "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "rb_clickid",
            "_openstat", "ref_src", "wt_mc", "wt.mc_id", "wt_zmc", "at_medium", "at_campaign", "at_term",
            "at_content", "at_creation", "at_variant", "at_format", "at_send_date", "at_link",
            "at_ptr_name", "at_recipient_id", "at_recipient_list", "pk_campaign", "pk_kwd", "pk_source",
            "pk_medium", "pk_content", "ncid", "ocid", "srsltid", "epik", "spm");
    /**
     * Names that only track when a site writes them into the fragment, where no server sees them:
     * AT Internet's {@code xtor} (Le Monde, France TV), Echobox's {@code Echobox}.
     */
    static final Set<String> FRAGMENT_TRACKING = Set.of("xtor", "echobox");
    /** Parameter-name prefixes that only serve tracking: Google Analytics {@code utm_}, Matomo {@code mtm_}. */
    static final List<String> TRACKING_PREFIXES = List.of("utm_", "mtm_");

    private LinkCleaner() {
    }

    /** @return the canonical form of {@code url}, or the input trimmed when it is not an absolute http(s) URL */
    public static String canonical(String url) {
        return canonical(url, false);
    }

    /**
     * @param keepFragment whether a fragment that is not a route stays (see {@link #anchored})
     * @return the canonical form of {@code url}, or the input trimmed when it is not an absolute http(s) URL
     */
    public static String canonical(String url, boolean keepFragment) {
        String input = url.strip();
        Matcher m = URL.matcher(input);
        if (!m.matches()) {
            return input;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return input;
        }
        Matcher auth = AUTHORITY.matcher(m.group(2));
        if (!auth.matches() || auth.group(2).isEmpty()) {
            return input;
        }
        String host;
        try {
            host = auth.group(2).startsWith("[") ? auth.group(2).toLowerCase(Locale.ROOT)
                    : IDN.toASCII(auth.group(2), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException badHost) {
            return input;
        }
        StringBuilder out = new StringBuilder(input.length()).append(scheme).append("://");
        if (auth.group(1) != null) {
            out.append(encode(auth.group(1))).append('@');
        }
        out.append(host);
        String port = auth.group(3) == null ? "" : auth.group(3);
        if (!port.isEmpty()) {
            if (port.length() > 5 || Integer.parseInt(port) > 65535) {
                return input;
            }
            if (!isDefaultPort(scheme, Integer.parseInt(port))) {
                out.append(':').append(Integer.parseInt(port));
            }
        }
        String path = m.group(3).isEmpty() ? "/" : removeDotSegments(encode(m.group(3)));
        out.append(path);
        String query = m.group(4) == null ? "" : keptParameters(m.group(4));
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        String fragment = m.group(5) == null || !keepFragment && !isRoute(m.group(5)) ? "" : keptFragment(m.group(5));
        if (!fragment.isEmpty()) {
            out.append('#').append(encode(fragment).replace("#", "%23"));
        }
        try {
            return new URI(out.toString()).toASCIIString();
        } catch (URISyntaxException stillInvalid) {
            return input;
        }
    }

    /**
     * RFC 3986 section 5.2.4: resolves {@code .} and {@code ..} segments. Unlike
     * {@link URI#normalize()} it keeps empty segments, which are part of a path
     * ({@code /rss/*http://example.org/} is not {@code /rss/*http:/example.org/}).
     */
    static String removeDotSegments(String path) {
        List<String> out = new ArrayList<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..") && !out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else {
                out.add(segment);
            }
        }
        return "/" + String.join("/", out);
    }

    /**
     * The links of one fetch whose fragment is kept: those that share their canonical form without a
     * fragment with another link of the fetch that has another fragment, so that dropping them
     * would make two items one. A link without a fragment beside one with is no reason: that is
     * usually a story and its {@code #kommentare}.
     *
     * @param links the links as extracted
     */
    public static Set<String> anchored(Collection<String> links) {
        if (links.stream().noneMatch(link -> link.indexOf('#') >= 0)) return Set.of();   // most fetches
        Map<String, String> pageOf = new HashMap<>();
        Map<String, Set<String>> linksOfPage = new HashMap<>();
        for (String link : links) {
            String page = pageOf.computeIfAbsent(link, l -> canonical(l, false));
            if (page.indexOf('#') >= 0 || link.indexOf('#') < 0) continue;   // a route: kept anyway
            String full = canonical(link, true);
            // the page itself beside it is no reason: a story and its #kommentare are one item
            if (!full.equals(page)) linksOfPage.computeIfAbsent(page, p -> new HashSet<>()).add(full);
        }
        Set<String> anchored = new HashSet<>();
        for (String link : links) {
            Set<String> variants = linksOfPage.get(pageOf.get(link));
            if (link.indexOf('#') >= 0 && variants != null && variants.size() > 1) anchored.add(link);
        }
        return anchored;
    }

    /** Whether a fragment is a route a script reads as the page's address: {@code #!…} or {@code #/…}. */
    private static boolean isRoute(String fragment) {
        return fragment.startsWith("!") || fragment.startsWith("/");
    }

    /**
     * The part of a fragment that identifies something: without a text directive ({@code :~:}, a
     * browser's scroll-to-text), and when it is written as parameters ({@code a=1&b=2}), without the
     * tracking ones; "" when nothing is left. A route ({@code #!…}, {@code #/…}) is kept whole.
     */
    static String keptFragment(String fragment) {
        if (isRoute(fragment)) return fragment;
        int directive = fragment.indexOf(":~:");
        String f = directive < 0 ? fragment : fragment.substring(0, directive);
        if (f.indexOf('=') < 0) return f;
        List<String> kept = new ArrayList<>();
        for (String param : f.split("&")) {
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            if (!param.isEmpty() && !isTrackingParameter(name) && !FRAGMENT_TRACKING.contains(name.toLowerCase(Locale.ROOT))) {
                kept.add(param);
            }
        }
        return String.join("&", kept);
    }

    /** Whether a query parameter only tracks clicks ({@code utm_source}, {@code fbclid}, ...). */
    public static boolean isTrackingParameter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return TRACKING.contains(n) || TRACKING_PREFIXES.stream().anyMatch(n::startsWith);
    }

    private static String keptParameters(String query) {
        List<String> kept = new ArrayList<>();
        for (String param : query.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            if (!isTrackingParameter(name)) {
                kept.add(encode(param));
            }
        }
        return String.join("&", kept);
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    }

    /** Percent-encodes what may not stand in a URL (space, controls, non-ASCII, {@code "<>\^`{|}[]}); keeps existing escapes. */
    private static String encode(String part) {
        StringBuilder out = null;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = c > 0x20 && c < 0x7F && "\"<>\\^`{|}[]".indexOf(c) < 0
                    && (c != '%' || isEscape(part, i));
            if (ok) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(part.length() + 16).append(part, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < part.length() ? i + 2 : i + 1;
            for (byte b : part.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
            i = end - 1;
        }
        return out == null ? part : out.toString();
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
