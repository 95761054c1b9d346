package org.rundschau.config;

/** How a source is read: an HTML page scraped with selectors, or an RSS/Atom feed. */
public enum SourceKind { HTML, FEED }
