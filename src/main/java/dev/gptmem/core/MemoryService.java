package dev.gptmem.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The memory commands' logic: each call opens the profile, does one thing, and releases it. */
public final class MemoryService {
    private static final int MAX_CANDIDATES = 10;
    private final Storage storage;

    public MemoryService(Storage storage) {
        this.storage = storage;
    }

    /**
     * What {@link #add} did.
     *
     * @param duplicate another memory had exactly this content already (it is added all the same)
     * @param newProfile the profile did not exist, and was created for this memory
     */
    public record Added(String id, boolean duplicate, boolean newProfile) {
    }

    /** Adds a memory; a missing profile is created. */
    public Added add(String profile, MemoryDraft draft) {
        Instant now = Times.now();
        Memory memory = new Memory(Ids.newId(),
                MemoryRules.content(draft.content()),
                MemoryRules.optional("name", draft.name()),
                MemoryRules.optional("summary", draft.summary()),
                MemoryRules.optional("reason", draft.reason()),
                MemoryRules.tags(draft.tags()),
                draft.pinned(),
                MemoryRules.source(draft.source()),
                now, now);
        boolean existed = storage.exists(profile);
        try (ProfileStore store = storage.open(profile, true)) {
            return store.transaction(() -> {
                boolean duplicate = store.containsContent(memory.content());
                store.insert(memory);
                return new Added(memory.id(), duplicate, !existed);
            });
        }
    }

    public void list(String profile, MemoryQuery query, Consumer<Memory> sink) {
        try (ProfileStore store = openToRead(profile)) {
            store.query(query, sink);
        }
    }

    /**
     * As {@link #list}, and whether more memories follow the page, found by reading one past it.
     * With no filter, how many there are in all too, which H2 knows without reading rows; a
     * filtered total would cost a pass over every memory (a second on 64k), so it is left unknown.
     */
    public PageEnd listPage(String profile, MemoryQuery query, Consumer<Memory> sink) {
        try (ProfileStore store = openToRead(profile)) {
            Integer limit = query.limit();
            if (limit == null || limit == 0 || limit == Integer.MAX_VALUE) {
                store.query(query, sink);
                return new PageEnd(false, OptionalLong.empty());
            }
            long[] read = {0};
            store.query(query.withLimit(limit + 1), m -> {
                if (++read[0] <= limit) {
                    sink.accept(m);
                }
            });
            boolean more = read[0] > limit;
            return new PageEnd(more, more && !query.filtered() ? OptionalLong.of(store.count()) : OptionalLong.empty());
        }
    }

    /** How a page of a listing ends: whether memories follow it, and how many there are in all, if known. */
    public record PageEnd(boolean more, OptionalLong total) {
    }

    /**
     * The best {@code limit} matches of a full-text search, best first, and, with {@code countAll},
     * how many matched in all (else as many as were found).
     */
    public SearchPage search(String profile, SearchQuery query, int limit, boolean countAll) {
        if (limit < 1) {
            throw GptmemException.usage("--limit must be 1 or more");
        }
        try (ProfileStore store = openToWrite(profile)) {
            List<SearchIndex.Hit> hits = store.search(query, limit);
            List<Memory> found = store.findAll(hits.stream().map(SearchIndex.Hit::id).toList());
            if (found.size() < hits.size()) {
                throw GptmemException.failure("profile '" + profile + "' is damaged: the search index names"
                        + " memories it lacks; run 'gptmem profile reindex'");
            }
            List<SearchResult> results = new ArrayList<>();
            for (int i = 0; i < hits.size(); i++) {
                SearchIndex.Explanation where = store.explain(found.get(i), query);
                results.add(new SearchResult(found.get(i), hits.get(i).score(), where.matched(), where.snippet()));
            }
            // Counted only when the limit was reached: a second pass over the index, without ranking.
            long matches = !countAll || hits.size() < limit ? hits.size() : store.matching(query).count();
            return new SearchPage(results, matches);
        }
    }

    /** The memories named by ids or unique prefixes, in the order given; any unknown id fails the call. */
    public List<Memory> show(String profile, List<String> ids) {
        try (ProfileStore store = openToRead(profile)) {
            List<Memory> found = new ArrayList<>();
            for (String id : resolve(store, ids)) {
                store.find(id).ifPresent(found::add);
            }
            return found;
        }
    }

    public Memory get(String profile, String id) {
        return show(profile, List.of(id)).get(0);
    }

    /**
     * Applies an edit. With {@code expectedUpdatedAt}, fails when the memory changed since it was
     * read (an editor session must not overwrite a concurrent change). Returns the memory as it now
     * is; an edit that changes nothing writes nothing.
     */
    public EditResult edit(String profile, String id, MemoryEdit edit, Instant expectedUpdatedAt) {
        try (ProfileStore store = openToWrite(profile)) {
            return store.transaction(() -> {
                String fullId = resolve(store, List.of(id)).get(0);
                Memory current = store.find(fullId).orElseThrow(() -> notFound(store, id));
                if (expectedUpdatedAt != null && !expectedUpdatedAt.equals(current.updatedAt())) {
                    throw GptmemException.failure("memory " + Ids.shortId(fullId)
                            + " was changed by someone else while you edited it; nothing was saved");
                }
                Memory edited = edit.applyTo(current);
                if (edited.sameFieldsAs(current)) {
                    return new EditResult(current, false);
                }
                Instant now = Times.now();
                Memory saved = new Memory(edited.id(), edited.content(), edited.name(), edited.summary(),
                        edited.reason(), edited.tags(), edited.pinned(), edited.source(),
                        edited.createdAt(), now.isAfter(current.updatedAt()) ? now : current.updatedAt().plusMillis(1));
                store.update(saved);
                return new EditResult(saved, true);
            });
        }
    }

    public record EditResult(Memory memory, boolean changed) {
    }

    /** Full ids of the memories a removal would delete, resolved now so the user can confirm them. */
    public List<String> selectForRemoval(String profile, List<String> ids, List<String> tags, boolean all) {
        try (ProfileStore store = openToRead(profile)) {
            if (!ids.isEmpty()) {
                return resolve(store, ids);
            }
            if (!all && tags.isEmpty()) {
                throw GptmemException.usage("say which memories to remove: IDs, -t TAG or --all");
            }
            List<String> selected = new ArrayList<>();
            store.query(all ? MemoryQuery.all() : MemoryQuery.withTags(tags), m -> selected.add(m.id()));
            return selected;
        }
    }

    /** Deletes the memories with these full ids in one transaction; returns how many were deleted. */
    public int remove(String profile, List<String> fullIds) {
        if (fullIds.isEmpty()) {
            return 0;
        }
        try (ProfileStore store = openToWrite(profile)) {
            return store.transaction(() -> {
                int deleted = 0;
                for (String id : fullIds) {
                    deleted += store.delete(id) ? 1 : 0;
                }
                return deleted;
            });
        }
    }

    /**
     * Up to {@code max} memories whose ids start with what was typed so far, for completion. When
     * more match, the first ones in order share a longer start than all of them do (the first 50 of
     * 60,000 ids all start "00"), and a shell would complete that; so the last match takes the
     * place of the last of them, and what the ones offered share is what every match shares.
     */
    public List<Memory> startingWith(String profile, String typed, int max) {
        try (ProfileStore store = openToRead(profile)) {
            String prefix = typed.strip().toLowerCase(Locale.ROOT);
            List<String> ids = store.idsWithPrefix(prefix, max + 1);
            if (ids.size() > max) {
                ids = new ArrayList<>(ids.subList(0, max - 1));
                store.lastIdWithPrefix(prefix).ifPresent(ids::add);
            }
            List<Memory> found = new ArrayList<>();
            for (String id : ids) {
                store.find(id).ifPresent(found::add);
            }
            return found;
        }
    }

    /** Every tag in use in the profile, sorted. */
    public List<String> tags(String profile) {
        try (ProfileStore store = openToRead(profile)) {
            return store.tags();
        }
    }

    /**
     * Opens a profile to read it, leaving its file untouched. A profile that does not exist is an
     * error, except for {@code default}, which is created on first use so a new user's first
     * command just works.
     */
    ProfileStore openToRead(String profile) {
        return storage.read(profile, ProfileNames.DEFAULT.equals(profile));
    }

    /** Opens a profile to change it, or to search it (a search first brings the index up to date). */
    ProfileStore openToWrite(String profile) {
        return storage.open(profile, ProfileNames.DEFAULT.equals(profile));
    }

    private static List<String> resolve(ProfileStore store, List<String> typed) {
        Set<String> ids = new LinkedHashSet<>();
        for (String t : typed) {
            String prefix = Ids.prefix(t);
            List<String> matches = store.idsWithPrefix(prefix, MAX_CANDIDATES + 1);
            if (matches.isEmpty()) {
                throw notFound(store, t);
            }
            if (matches.size() > 1) {
                String shown = matches.stream().limit(MAX_CANDIDATES).map(Ids::shortId)
                        .collect(Collectors.joining(", "));
                throw GptmemException.usage("id prefix '" + t + "' is ambiguous: it matches " + shown
                        + (matches.size() > MAX_CANDIDATES ? ", …" : "") + "; give more digits");
            }
            ids.add(matches.get(0));
        }
        return new ArrayList<>(ids);
    }

    private static GptmemException notFound(ProfileStore store, String id) {
        return GptmemException.notFound("no memory with id '" + id + "' in profile '" + store.name() + "'");
    }
}
