package org.rundschau.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rundschau.model.Entry;

/**
 * Chooses the combined feed's entries so that one busy source cannot push the others out.
 *
 * <p>Going from newest to oldest, each source may take up to {@code perSource} places; when that
 * leaves places free, they go to the newest entries left out. So every source keeps its newest
 * {@code perSource} entries in the feed whatever the others publish, and a feed with few sources
 * is as full as without a share.
 */
public final class FairShare {
    /** Newest first: {@code published} descending, ties in entry id order, as the store reads them. */
    public static final Comparator<Entry> NEWEST_FIRST =
            Comparator.comparing(Entry::published).reversed().thenComparing(Entry::entryId);

    private FairShare() {
    }

    /**
     * @param candidates at least the store's newest {@code limit} entries and each source's newest
     *                   {@code perSource}; any order, repeats allowed
     * @return at most {@code limit} distinct entries, {@link #NEWEST_FIRST}
     */
    public static List<Entry> select(List<Entry> candidates, int limit, int perSource) {
        if (limit < 1 || perSource < 1) {
            throw new IllegalArgumentException("limit and perSource must be >= 1: " + limit + ", " + perSource);
        }
        List<Entry> ordered = distinctNewestFirst(candidates);
        Set<Entry> chosen = new LinkedHashSet<>();
        Map<String, Integer> taken = new HashMap<>();
        for (Entry entry : ordered) {
            if (chosen.size() == limit) break;
            if (taken.merge(entry.sourceId(), 1, Integer::sum) <= perSource) chosen.add(entry);
        }
        for (Entry entry : ordered) {
            if (chosen.size() == limit) break;
            chosen.add(entry);
        }
        List<Entry> result = new ArrayList<>(chosen);
        result.sort(NEWEST_FIRST);
        return result;
    }

    /** The entries of {@code lists}, each id once (the first seen wins), {@link #NEWEST_FIRST}. */
    @SafeVarargs
    public static List<Entry> union(List<Entry>... lists) {
        List<Entry> all = new ArrayList<>();
        for (List<Entry> list : lists) all.addAll(list);
        return distinctNewestFirst(all);
    }

    private static List<Entry> distinctNewestFirst(List<Entry> entries) {
        Map<String, Entry> byId = new HashMap<>();
        for (Entry entry : entries) byId.putIfAbsent(entry.entryId(), entry);
        List<Entry> ordered = new ArrayList<>(byId.values());
        ordered.sort(NEWEST_FIRST);
        return ordered;
    }
}
