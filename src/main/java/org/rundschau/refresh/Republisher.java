package org.rundschau.refresh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.rundschau.config.AppConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.ArchiveLayout;
import org.rundschau.model.Entry;
import org.rundschau.model.Sha256;
import org.rundschau.publish.FairShare;
import org.rundschau.publish.FeedArchive;
import org.rundschau.publish.FeedContent;
import org.rundschau.publish.FeedLayout;
import org.rundschau.publish.FeedPublisher;
import org.rundschau.publish.HubNotifier;
import org.rundschau.publish.Publication;
import org.rundschau.publish.RegionSlugs;
import org.rundschau.publish.OpmlPublisher;
import org.rundschau.publish.PagePublisher;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.PublicationMemos;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the published documents from what the store holds: reads the store, lets each publisher
 * add its documents to one {@link Publication}, writes it, and tells the WebSub hub when the
 * combined feed changed. Reads nothing from the network.
 *
 * <p>The feeds are rendered only when they can have changed since this republisher last wrote
 * them: when an item was written since ({@link ItemStore#changeCount}, which counts the writes of
 * every process and cluster node), the feed settings or the sources changed, or a file it wrote
 * is gone or was changed by someone else. Otherwise they are left as they are, which is what
 * rendering them would have found. When they are rendered, a region or source feed whose entries
 * have the same fingerprint as when this republisher last rendered it, and whose file is as it
 * left it, is kept as it is: a change of one source renders the combined feed, that source's
 * feed and the feeds of the regions it touched. Each source's page ({@code source/<id>.html})
 * shows what its feed shows and follows the same rule; the index, region pages and source list are
 * rendered every time (the index shows the sources' health) and written when their bytes change.
 *
 * <p>With {@link PublicationMemos}, what a publication rendered is also kept in the store, and a
 * new republisher (a new process: a cron {@code once}) starts from it instead of from nothing, so
 * that it too renders only what changed, or nothing. The same rules decide: same build (the memo
 * store gives a memo only to the build that wrote it), same settings, same change count, every file
 * as the memo records it.
 */
public final class Republisher {
    private static final Logger log = LoggerFactory.getLogger(Republisher.class);
    private static final List<String> COMBINED =
            List.of(FeedLayout.COMBINED_ATOM, FeedLayout.COMBINED_RSS, FeedLayout.COMBINED_JSON);
    /** Region pages reach back this many entries (or feed.entries, if more), the index as far as the feed. */
    static final int PAGE_WINDOW = 1000;
    /**
     * At most this many missing archive pages are read, rendered and written at a time: a store
     * whose archive has no files yet (its first publication after an upgrade, or after the output
     * folder was emptied or moved) writes all of it without holding it in memory at once.
     */
    static final int ARCHIVE_PAGES_AT_ONCE = 20;
    /**
     * At most this many source pages are rendered and written at a time, ahead of the feeds: with
     * 1,000 sources, holding every page of a first publication at once took the benchmark's heap
     * to 106 of its 128 MiB.
     */
    static final int SOURCE_PAGES_AT_ONCE = 100;

    private final ItemStore items;
    private final SourceStatusStore statuses;
    private final FeedPublisher feeds;
    private final FeedArchive archive;
    private final HubNotifier hub;
    private final PagePublisher pages;
    private final OpmlPublisher opml;
    private final Database database;
    private final PublicationMemos memos;
    /** What the last publication rendered; null before the first and after a failed one. Guarded by this. */
    private FeedsWritten lastFeeds;
    /** Whether the stored memo was looked at (once, before the first publication). Guarded by this. */
    private boolean memoRead;
    /** The settings {@link #settingsPrint} last fingerprinted, and their fingerprint. Guarded by this. */
    private Settings printed;
    private byte[] settingsPrint;

    /** A republisher for a store that one process writes: publications need no lock. */
    public Republisher(ItemStore items, SourceStatusStore statuses, FeedPublisher feeds, FeedArchive archive,
                       HubNotifier hub, PagePublisher pages, OpmlPublisher opml) {
        this(items, statuses, feeds, archive, hub, pages, opml, null);
    }

    /**
     * @param database the store's database: on PostgreSQL, shared by cluster nodes, each
     *                 publication holds its cluster-wide publishing lock, so one node publishes at
     *                 a time, and reads the store only once it holds the lock
     */
    public Republisher(ItemStore items, SourceStatusStore statuses, FeedPublisher feeds, FeedArchive archive,
                       HubNotifier hub, PagePublisher pages, OpmlPublisher opml, Database database) {
        this(items, statuses, feeds, archive, hub, pages, opml, database, null);
    }

    /**
     * @param database see {@link #Republisher(ItemStore, SourceStatusStore, FeedPublisher, FeedArchive,
     *                 HubNotifier, PagePublisher, OpmlPublisher, Database)}; null for a store one process writes
     * @param memos    where what a publication rendered is kept for the next process, or null to keep
     *                 it only in this republisher
     */
    public Republisher(ItemStore items, SourceStatusStore statuses, FeedPublisher feeds, FeedArchive archive,
                       HubNotifier hub, PagePublisher pages, OpmlPublisher opml, Database database,
                       PublicationMemos memos) {
        this.database = database;
        this.memos = memos;
        this.items = items;
        this.statuses = statuses;
        this.feeds = feeds;
        this.archive = archive;
        this.hub = hub;
        this.pages = pages;
        this.opml = opml;
    }

    /**
     * The result of one publication: where the combined feed is, how many entries it holds, whether
     * its bytes changed, and the feeds rendered (paths under the output folder): none when nothing
     * they show can have changed, else the combined feed's and those region and source feeds whose
     * entries changed.
     */
    public record Published(Path combinedFeed, int entries, boolean changed, Set<String> feedsRendered) {
        public Published {
            feedsRendered = Set.copyOf(feedsRendered);
        }

        /** Whether any feed was rendered (the combined feed is, whenever one is). */
        public boolean rendered() {
            return !feedsRendered.isEmpty();
        }
    }

    /**
     * @param config the configuration in force (it may have been reloaded since the last call)
     * @throws IOException when a document cannot be written; the hub is then not told
     */
    public Published publish(AppConfig config) throws StoreException, IOException {
        if (database == null) return publishNow(config);
        return database.exclusively(Database.PUBLISH_LOCK, "publish the feeds", () -> publishNow(config));
    }

    private synchronized Published publishNow(AppConfig config) throws StoreException, IOException {
        Path combined = config.output().resolve(FeedLayout.COMBINED_ATOM);
        if (!memoRead) {
            memoRead = true;
            lastFeeds = storedMemo(config).orElse(null);
        }
        // Read before the entries: an item written in between then makes the next publication render.
        long changes = items.changeCount();
        if (lastFeeds != null && lastFeeds.current(changes, config)) {
            log.debug("publish: no item written since the last publication (change count {}): feeds left as they are",
                    changes);
            writePages(config);
            return new Published(combined, lastFeeds.entries(), false, Set.of());
        }
        // What the last publication rendered, where it still applies: with other settings or
        // sources every feed's head or entries may read differently, so every feed is rendered.
        FeedsWritten before = lastFeeds != null && lastFeeds.sameSettings(config) ? lastFeeds : null;
        lastFeeds = null;
        Map<String, SourceConfig> sources = config.sources().stream()
                .collect(Collectors.toMap(SourceConfig::id, Function.identity()));
        ArchiveLayout layout = items.archiveLayout();
        int archivePages = archive.fullPages(layout);
        List<Integer> missing = archive.missingPages(config.output(), archivePages);
        int early = Math.max(0, missing.size() - ARCHIVE_PAGES_AT_ONCE);
        writeArchivePages(config, layout, missing.subList(0, early), sources);
        RegionSlugs slugs = RegionSlugs.assign(items.regions());
        FeedContent content = feedContent(config, layout, missing.subList(early, missing.size()), slugs);
        Map<String, Long> inputs = inputsOfRegionAndSourceFeeds(content);
        inputs.putAll(inputsOfSourcePages(content, slugs));
        Set<String> rendered = new LinkedHashSet<>(COMBINED);
        // Before the feeds: a source feed's alternate link finds its page once the feed is written.
        Set<String> sourcePages = writeSourcePages(config, content.sources(), slugs,
                path -> before == null || !before.unchanged(path, inputs.get(path)));
        Publication publication = new Publication();
        feeds(config).addTo(publication, content, config.feed(), sources, path -> {
            boolean render = before == null || !before.unchanged(path, inputs.get(path));
            if (render) rendered.add(path);
            return render;
        });
        Publication.Result written = publication.writeTo(config.output());
        Set<String> paths = feedPaths(publication, content);
        paths.addAll(sourcePages);
        lastFeeds = FeedsWritten.of(changes, config, paths, inputs, content.combined().size())
                .orElse(null);
        if (lastFeeds != null && memos != null) storeMemo(config, lastFeeds);
        log.debug("publish: change count {}: rendered the combined feed and {} of {} region and source feeds",
                changes, rendered.size() - COMBINED.size(), content.regions().size() + content.sources().size());
        writePages(config);
        announce(config.feed(), written);
        return new Published(combined, content.combined().size(), written.changed(FeedLayout.COMBINED_ATOM), rendered);
    }

    /** The memo of the last publication into this output folder, when this build stored one for these settings. */
    private Optional<FeedsWritten> storedMemo(AppConfig config) throws StoreException {
        if (memos == null) return Optional.empty();
        Optional<byte[]> memo = memos.load(outputKey(config));
        if (memo.isEmpty()) return Optional.empty();
        try {
            Optional<FeedsWritten> feeds = FeedsWritten.decode(memo.get(), config, settingsPrint(config));
            if (feeds.isEmpty()) log.debug("publish: the stored memo was made with other settings: every feed is rendered");
            return feeds;
        } catch (IOException | RuntimeException e) {
            log.info("publish: the stored publication memo cannot be read ({}): every feed is rendered", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Keeps the memo for the next process. Failing to is no failure of the publication: the memo
     * left in the store names files that no longer look as it says, so it will not be used.
     */
    private void storeMemo(AppConfig config, FeedsWritten feeds) {
        try {
            memos.save(outputKey(config), feeds.encode(settingsPrint(config)));
        } catch (StoreException e) {
            log.warn("publish: could not keep what was rendered for the next run (it will render every feed): {}",
                    e.getMessage());
        }
    }

    /** The settings a rendering depends on: the source pages' dates are in the timezone and language. */
    private record Settings(FeedConfig feed, List<SourceConfig> sources, Path output, ZoneId timezone, Locale locale) {
        static Settings of(AppConfig config) {
            return new Settings(config.feed(), config.sources(), config.output(), config.timezone(), config.locale());
        }
    }

    /**
     * The fingerprint of the configuration's settings, computed again only when they changed (a
     * {@code run} stores the memo after every rendering: 8-12 ms each for 1,000 sources otherwise).
     */
    private byte[] settingsPrint(AppConfig config) {
        Settings now = Settings.of(config);
        if (!now.equals(printed)) {
            settingsPrint = settingsFingerprint(now);
            printed = now;
        }
        return settingsPrint;
    }

    private static String outputKey(AppConfig config) {
        return config.output().toAbsolutePath().normalize().toString();
    }

    /**
     * A fingerprint of what each region and source feed shows, by path: its name and every field of
     * every entry in it, in order ({@link Entry#toString} is the record's, so a field added to
     * {@code Entry} is part of it at once): the first 64 bits of their SHA-256. With the same
     * settings and sources, equal fingerprints render equal documents, so such a feed need not be
     * rendered again. An entry that another source's duplicate joined changes with it
     * ({@link Entry#alsoAt}).
     */
    private static Map<String, Long> inputsOfRegionAndSourceFeeds(FeedContent content) {
        MessageDigest sha = Sha256.digest();
        Map<String, Long> inputs = new LinkedHashMap<>();
        for (FeedContent.RegionFeed region : content.regions()) {
            inputs.put(FeedLayout.regionFeed(region.slug()), fingerprint(sha, region.region(), region.entries()));
        }
        for (FeedContent.SourceFeed source : content.sources()) {
            inputs.put(FeedLayout.sourceFeed(source.source().id()), fingerprint(sha, source.source().id(), source.entries()));
        }
        return inputs;
    }

    /**
     * A fingerprint of what each source page shows, by path: its feed's entries, and the region
     * file names its entries link to (which another region's arrival can change, see {@link RegionSlugs}).
     */
    private static Map<String, Long> inputsOfSourcePages(FeedContent content, RegionSlugs slugs) {
        MessageDigest sha = Sha256.digest();
        Map<String, Long> inputs = new LinkedHashMap<>();
        for (FeedContent.SourceFeed source : content.sources()) {
            StringBuilder name = new StringBuilder("page\0").append(source.source().id());
            source.entries().stream().map(Entry::region).filter(r -> !r.isBlank()).distinct()
                    .forEach(region -> name.append('\0').append(slugs.slugOrPlain(region)));
            inputs.put(FeedLayout.sourcePage(source.source().id()), fingerprint(sha, name.toString(), source.entries()));
        }
        return inputs;
    }

    private static long fingerprint(MessageDigest sha, String name, List<Entry> entries) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        for (Entry entry : entries) {
            sha.update((byte) 0);
            sha.update(entry.toString().getBytes(StandardCharsets.UTF_8));
        }
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    /**
     * Every feed file a publication stands for: those it wrote, found unchanged or kept, and for the
     * full archive pages their folder. A full page is written once and never again (a rendering
     * does not replace it), so only its removal matters, and a removal changes the folder's
     * modification time: one look at the folder instead of one per page, which grew with the store
     * (2,000 pages at 100,000 items).
     */
    private static Set<String> feedPaths(Publication publication, FeedContent content) {
        Set<String> paths = new LinkedHashSet<>(publication.paths());
        if (content.archivePages() > 0) paths.add(FeedLayout.ARCHIVE_FOLDER);
        return paths;
    }

    /**
     * The feeds as the last publication left them: the store's change count it read, the settings it
     * rendered with, the size and modification time of each file (a file written again, by anyone,
     * has a new time), by path under the output folder, and each region and source feed's
     * fingerprint.
     */
    private record FeedsWritten(long changeCount, Settings settings,
                                Map<String, FileStamp> files, Map<String, Long> inputs, int entries) {
        /** Version of {@link #encode}'s layout; a memo of another is not read. */
        private static final int MEMO_FORMAT = 1;

        /** Empty when a file cannot be read back (removed at once by someone else): the next publication renders. */
        static Optional<FeedsWritten> of(long changeCount, AppConfig config, Set<String> paths, Map<String, Long> inputs,
                                         int entries) {
            Map<String, FileStamp> files = new LinkedHashMap<>();
            try {
                for (String path : paths) {
                    files.put(path, FileStamp.of(config.output().resolve(path)));
                }
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.of(new FeedsWritten(changeCount, Settings.of(config), files,
                    Map.copyOf(inputs), entries));
        }

        /** Whether the feeds were rendered with these settings, sources and output folder. */
        boolean sameSettings(AppConfig config) {
            return settings.equals(Settings.of(config));
        }

        /**
         * Whether rendering the region or source feed at {@code path} from {@code input} now, with the
         * {@linkplain #sameSettings same settings}, would give what its file holds: same fingerprint,
         * and the file as it was left.
         */
        boolean unchanged(String path, Long input) {
            return input != null && input.equals(inputs.get(path)) && asLeft(path, files.get(path));
        }

        /** Whether rendering the feeds now would give what the files hold. */
        boolean current(long changes, AppConfig config) {
            if (changes != changeCount || !sameSettings(config)) {
                return false;
            }
            for (Map.Entry<String, FileStamp> file : files.entrySet()) {
                if (!asLeft(file.getKey(), file.getValue())) return false;
            }
            return true;
        }

        private boolean asLeft(String path, FileStamp stamp) {
            try {
                return stamp != null && FileStamp.of(settings.output().resolve(path)).equals(stamp);
            } catch (IOException e) {
                return false;   // gone, or unreadable: render and write it again
            }
        }

        /**
         * The memo kept for the next process: layout version, the settings' fingerprint (the
         * settings themselves are the configuration's), change count, entries, then each file's
         * path, modification time (ns) and size, then each feed's path and fingerprint.
         */
        byte[] encode(byte[] settingsPrint) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * (files.size() + inputs.size()) + 64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MEMO_FORMAT);
                out.write(settingsPrint);
                out.writeLong(changeCount);
                out.writeInt(entries);
                out.writeInt(files.size());
                for (Map.Entry<String, FileStamp> file : files.entrySet()) {
                    out.writeUTF(file.getKey());
                    out.writeLong(file.getValue().modified().to(TimeUnit.NANOSECONDS));
                    out.writeLong(file.getValue().size());
                }
                out.writeInt(inputs.size());
                for (Map.Entry<String, Long> input : inputs.entrySet()) {
                    out.writeUTF(input.getKey());
                    out.writeLong(input.getValue());
                }
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory cannot fail", e);
            }
            return bytes.toByteArray();
        }

        /**
         * The memo {@link #encode} made, for {@code config}: empty when it was made with other
         * settings, sources or output folder.
         *
         * @throws IOException when the bytes are not such a memo (cut short, another layout)
         */
        static Optional<FeedsWritten> decode(byte[] memo, AppConfig config, byte[] settingsPrint) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(memo))) {
                int format = in.readInt();
                if (format != MEMO_FORMAT) throw new IOException("memo layout " + format + ", expected " + MEMO_FORMAT);
                byte[] settings = in.readNBytes(SHA256_BYTES);
                if (!MessageDigest.isEqual(settings, settingsPrint)) {
                    return Optional.empty();
                }
                long changeCount = in.readLong();
                int entries = in.readInt();
                Map<String, FileStamp> files = new LinkedHashMap<>();
                for (int i = in.readInt(); i > 0; i--) {
                    files.put(in.readUTF(), new FileStamp(FileTime.from(in.readLong(), TimeUnit.NANOSECONDS), in.readLong()));
                }
                Map<String, Long> inputs = new LinkedHashMap<>();
                for (int i = in.readInt(); i > 0; i--) {
                    inputs.put(in.readUTF(), in.readLong());
                }
                if (in.read() != -1) throw new IOException("memo longer than its contents");
                return Optional.of(new FeedsWritten(changeCount, Settings.of(config), files,
                        Map.copyOf(inputs), entries));
            }
        }
    }

    private static final int SHA256_BYTES = 32;

    /**
     * The SHA-256 of the settings a rendering depends on, each value length-prefixed and records
     * taken apart component by component, so that no two different settings read the same (as a
     * record's {@code toString} can: {@code title=a, id=b} inside a title). A value that is no
     * record nor collection counts by its class and {@code toString}: every configuration value
     * has one of its own (a URI, a zone, a locale, a path); one that had not would only make the
     * memo useless, never wrong.
     */
    static byte[] settingsFingerprint(Object... settings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Object setting : settings) write(out, setting);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return Sha256.digest().digest(bytes.toByteArray());
    }

    /** The accessors of each record type, in component order: looked up once per type, not per value. */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) accessors[i] = components[i].getAccessor();
            return accessors;
        }
    };

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value instanceof Record record) {
            out.writeByte('R');
            text(out, record.getClass().getName());
            for (Method accessor : ACCESSORS.get(record.getClass())) {
                try {
                    write(out, accessor.invoke(record));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // cannot happen for a public record; if it did, the memo would only never match
                    text(out, accessor.getName() + " unreadable in " + System.identityHashCode(record));
                }
            }
        } else if (value instanceof Collection<?> values) {
            out.writeByte('C');
            out.writeInt(values.size());
            for (Object v : values) write(out, v);
        } else if (value == null) {
            out.writeByte('N');
        } else {
            out.writeByte('V');
            text(out, value.getClass().getName());
            text(out, value.toString());
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private record FileStamp(FileTime modified, long size) {
        static FileStamp of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.lastModifiedTime(), attributes.size());
        }
    }

    /**
     * What the feeds show, read from the store.
     *
     * @param newArchivePages the full archive pages without a file, to be written with the feeds
     */
    private FeedContent feedContent(AppConfig config, ArchiveLayout layout, List<Integer> newArchivePages,
                                    RegionSlugs slugs) throws StoreException {
        FeedConfig feed = config.feed();
        Map<String, List<Entry>> ofSources = items.newestOfSources(
                config.sources().stream().map(SourceConfig::id).toList(), feed.entries());
        List<Entry> candidates = new ArrayList<>(items.newest(feed.entries()));
        candidates.addAll(newestOfEachSource(feed, ofSources));
        List<Entry> fair = FairShare.select(candidates, feed.entries(), feed.perSource());
        List<Entry> unarchived = items.inEntryOrder(archive.unarchivedAfter(layout), Long.MAX_VALUE);
        return new FeedContent(FairShare.union(fair, unarchived), archive.fullPages(layout),
                readArchivePages(layout, newArchivePages),
                regionFeeds(feed, slugs), sourceFeeds(config, ofSources), items.created());
    }

    /**
     * Each stored source's newest {@code feed.perSource} entries, for the combined feed's fair
     * share: taken from the source feeds' entries already read ({@code ofSources}, the newest
     * {@code feed.entries} of each configured source, in the same order), read only for sources
     * no longer configured. Reading them all again took a third of a publication.
     */
    private List<Entry> newestOfEachSource(FeedConfig feed, Map<String, List<Entry>> ofSources) throws StoreException {
        if (feed.perSource() > feed.entries()) return items.newestOfEachSource(feed.perSource());
        List<Entry> entries = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String id : items.sourceIds()) {
            List<Entry> newest = ofSources.get(id);
            if (newest == null) others.add(id);
            else entries.addAll(newest.subList(0, Math.min(feed.perSource(), newest.size())));
        }
        if (!others.isEmpty()) items.newestOfSources(others, feed.perSource()).values().forEach(entries::addAll);
        return entries;
    }

    private List<FeedContent.ArchivePage> readArchivePages(ArchiveLayout layout, List<Integer> numbers)
            throws StoreException {
        List<FeedContent.ArchivePage> pages = new ArrayList<>();
        for (int page : numbers) {
            FeedArchive.Range range = archive.page(page, layout);
            List<Entry> entries = range instanceof FeedArchive.Range.BySequence
                    ? items.inSequence(range.after(), range.upTo()) : items.inEntryOrder(range.after(), range.upTo());
            pages.add(new FeedContent.ArchivePage(page, entries));
        }
        return pages;
    }

    /** The feeds in the config's language (the HTML pages follow it too). */
    private FeedPublisher feeds(AppConfig config) {
        return feeds.withLanguage(config.locale().toLanguageTag());
    }

    /**
     * Renders and writes the source pages {@link #SOURCE_PAGES_AT_ONCE} at a time, each slice a
     * publication of its own, so that no more than a slice is held in memory.
     *
     * @return every source page's path, written or kept, for the memo
     */
    private Set<String> writeSourcePages(AppConfig config, List<FeedContent.SourceFeed> sources, RegionSlugs slugs,
                                         Predicate<String> render) throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        for (int from = 0; from < sources.size(); from += SOURCE_PAGES_AT_ONCE) {
            Publication slice = new Publication();
            pages.addSourcePages(slice, config, sources.subList(from, Math.min(sources.size(), from + SOURCE_PAGES_AT_ONCE)),
                    slugs, render);
            slice.writeTo(config.output());
            paths.addAll(slice.paths());
        }
        return paths;
    }

    /**
     * Writes archive pages ahead of the publication that links them, {@link #ARCHIVE_PAGES_AT_ONCE}
     * at a time: usually there are none, since a page is written with the feeds once it is full.
     */
    private void writeArchivePages(AppConfig config, ArchiveLayout layout, List<Integer> numbers,
                                   Map<String, SourceConfig> sources) throws StoreException, IOException {
        for (int from = 0; from < numbers.size(); from += ARCHIVE_PAGES_AT_ONCE) {
            Publication publication = new Publication();
            feeds(config).addArchivePages(publication,
                    readArchivePages(layout, numbers.subList(from, Math.min(numbers.size(), from + ARCHIVE_PAGES_AT_ONCE))),
                    config.feed(), sources, items.created());
            publication.writeTo(config.output());
        }
    }

    private List<FeedContent.RegionFeed> regionFeeds(FeedConfig feed, RegionSlugs regionSlugs) throws StoreException {
        Map<String, String> slugs = regionSlugs.all();
        Map<String, List<Entry>> entries = items.newestInRegions(List.copyOf(slugs.keySet()), feed.entries());
        List<FeedContent.RegionFeed> regions = new ArrayList<>();
        for (Map.Entry<String, String> region : slugs.entrySet()) {
            regions.add(new FeedContent.RegionFeed(region.getKey(), region.getValue(), entries.get(region.getKey())));
        }
        return regions;
    }

    private static List<FeedContent.SourceFeed> sourceFeeds(AppConfig config, Map<String, List<Entry>> entries) {
        List<FeedContent.SourceFeed> sources = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            sources.add(new FeedContent.SourceFeed(source, entries.get(source.id())));
        }
        return sources;
    }

    /** Tells the configured hub about each combined document whose bytes changed. */
    private void announce(FeedConfig feed, Publication.Result written) {
        if (feed.hub().isEmpty()) {
            return;
        }
        FeedLayout layout = new FeedLayout(feed);
        List<String> changed = COMBINED.stream().filter(written::changed).map(layout::publicUrl)
                .flatMap(Optional::stream).toList();
        if (!changed.isEmpty()) {
            hub.announce(feed.hub(), changed);
        }
    }

    /**
     * index.html, region/<slug>.html and sources.opml; the index shows the sources' current health.
     * The source pages are rendered with the feeds.
     */
    private void writePages(AppConfig config) throws StoreException, IOException {
        pages.write(config, items.newest(Math.max(PAGE_WINDOW, config.feed().entries())), statuses.all(),
                RegionSlugs.assign(items.regions()));
        opml.write(config);
    }
}
