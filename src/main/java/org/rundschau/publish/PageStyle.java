package org.rundschau.publish;

/**
 * The pages' style sheet, inline so a page is one request: system fonts, one readable column that
 * fits a phone, light and dark colours from the reader's setting, long words and URLs wrapped.
 */
final class PageStyle {
    static final String CSS = String.join("",
            ":root{color-scheme:light dark;--fg:#1f1f1f;--muted:#5e5e5e;--link:#0b57d0;--line:#d9d9d9;",
            "--ok:#146c2e;--bad:#b3261e;--new:#7a5900}",
            "@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--muted:#a8a8a8;--link:#8ab4f8;--line:#444;",
            "--ok:#7fd69b;--bad:#f2a19b;--new:#e8c36a}}",
            "*{box-sizing:border-box}",
            "body{margin:0 auto;max-width:46rem;padding:0 1rem 2rem;color:var(--fg);",
            "font:1rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\",sans-serif;",
            "overflow-wrap:anywhere}",
            "a{color:var(--link)}",
            "header{padding:1rem 0 .75rem;border-bottom:2px solid var(--line)}",
            "header p{margin:0 0 .25rem}",
            "h1{font-size:1.6rem;line-height:1.25;margin:0 0 .5rem}",
            "h2{font-size:1.15rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}",
            "h3{font-size:1.05rem;line-height:1.35;margin:0}",
            "nav{color:var(--muted)}",
            "article{margin:0 0 1.25rem}",
            ".meta{margin:0 0 .1rem;color:var(--muted);font-size:.875rem}",
            ".summary{margin:.25rem 0 0}",
            "ul.regions{padding:0;list-style:none;columns:14rem}",
            "ul.regions li{margin:0 0 .25rem;break-inside:avoid}",
            ".feed{font-size:.8rem}",
            "ul.sources{padding:0;list-style:none}",
            "li.source{margin:0 0 1rem}",
            "li.source p{margin:.1rem 0;font-size:.9rem}",
            ".ok .dot{color:var(--ok)}.failing .dot{color:var(--bad)}.new .dot{color:var(--new)}",
            ".error{color:var(--bad)}",
            "footer{margin-top:2.5rem;padding-top:.75rem;border-top:1px solid var(--line);color:var(--muted);",
            "font-size:.875rem}");

    private PageStyle() {
    }
}
