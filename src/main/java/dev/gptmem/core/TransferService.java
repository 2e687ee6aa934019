package dev.gptmem.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Export and import: whole profiles streamed to and from a {@link MemoryWriter} / {@link MemoryReader}. */
public final class TransferService {
    private final Storage storage;
    private final MemoryService memories;

    public TransferService(Storage storage, MemoryService memories) {
        this.storage = storage;
        this.memories = memories;
    }

    /**
     * Streams the memories {@code query} selects into {@code writer}, oldest first; with
     * {@code matching}, only those the search also finds (unranked, in the same order). Returns how
     * many were written; the writer is told beforehand how many will be, if it needs to know.
     */
    public long export(String profile, MemoryQuery query, SearchQuery matching, MemoryWriter writer) {
        try (ProfileStore store = matching == null ? memories.openToRead(profile) : memories.openToWrite(profile)) {
            SearchIndex.Matches found = matching == null ? null : store.matching(narrowed(matching, query));
            long total = found != null ? found.count() : query.selectsAll() ? store.count()
                    : writer.needsCount() ? store.count(query) : -1;
            writer.begin(new ProfileInfo(store.name(), store.description(), store.createdAt(),
                    store.changedAt(), total, 0, null, false));
            long[] written = {0};
            store.query(query, m -> {
                Cancellation.check();
                if (found == null || found.contains(m.id())) {
                    writer.write(m);
                    written[0]++;
                }
            });
            writer.end();
            return written[0];
        }
    }

    /** The search with the export's filters added, so the index counts exactly what will be written. */
    private static SearchQuery narrowed(SearchQuery search, MemoryQuery query) {
        SearchQuery filtered = search.withFilters(query.tags(), query.since());
        if (query.pinned() == null) {
            return filtered;
        }
        List<List<SearchQuery.Term>> required = new ArrayList<>(filtered.required());
        required.add(List.of(new SearchQuery.Pinned(query.pinned())));
        return new SearchQuery(required, filtered.excluded(), filtered.tags(), filtered.since());
    }

    /**
     * Imports every memory the reader yields, all or nothing ({@link ProfileStore#bulk}): malformed
     * input anywhere, or an id conflict under {@code FAIL}, leaves the profile exactly as it was
     * (and a profile this import would have created is not left behind). A memory without an id
     * that says what one in the profile says already ({@link ProfileStore#containsSame}) is a
     * duplicate, skipped unless duplicates are allowed.
     */
    public ImportResult importFrom(String profile, MemoryReader reader, ImportOptions options) {
        boolean existed = storage.exists(profile);
        boolean keep = false;
        try {
            ImportResult result;
            try (ProfileStore store = storage.open(profile, true)) {
                result = store.bulk(() -> importAll(store, reader, options, !existed), !options.dryRun());
            }
            keep = !options.dryRun();
            return result;
        } catch (GptmemException e) {
            // After Ctrl-C, a failure such as input cut short (it stopped the program writing it too) is the Ctrl-C's.
            GptmemException why = Cancellation.requested() ? Cancellation.cancelled() : e;
            throw new GptmemException(why.getMessage() + "; nothing was imported", why.exitCode(), e);
        } finally {
            if (!existed && !keep && storage.exists(profile)) {
                storage.delete(profile);
            }
        }
    }

    private ImportResult importAll(ProfileStore store, MemoryReader reader, ImportOptions options, boolean created) {
        long imported = 0;
        long replaced = 0;
        long skipped = 0;
        long duplicates = 0;
        Instant now = Times.now();
        for (IncomingMemory in = reader.next(); in != null; in = reader.next()) {
            Cancellation.check();
            Memory memory = checked(in, now, reader);
            Optional<Memory> existing = in.id() == null ? Optional.empty() : store.find(memory.id());
            if (existing.isEmpty()) {
                // A record with an id of its own is that memory (a backup may hold two with the
                // same content); one without is known only by what it says: its content, name,
                // summary and reason, so two records that share a text but not a name are both kept.
                // Earlier records of this import are in the store already, so a file that repeats
                // itself is caught too.
                if (in.id() == null && !options.allowDuplicates() && store.containsSame(memory)) {
                    skipped++;
                    duplicates++;
                } else {
                    store.insert(memory);
                    imported++;
                }
            } else if (wins(memory, existing.get(), options.onConflict(), reader)) {
                store.update(memory);
                replaced++;
            } else {
                skipped++;
            }
        }
        if (store.description() == null) {
            description(reader).ifPresent(store::setDescription);
        }
        if (created) {
            reader.profileCreatedAt().ifPresent(store::setCreatedAt);
        }
        return new ImportResult(imported, replaced, skipped, duplicates, options.dryRun(), created);
    }

    /** The input's profile description, checked; one past the limits is bad input, as a bad record is. */
    private static Optional<String> description(MemoryReader reader) {
        try {
            return reader.profileDescription().map(MemoryRules::description);
        } catch (GptmemException e) {
            throw GptmemException.failure(e.getMessage());
        }
    }

    private static boolean wins(Memory incoming, Memory existing, ImportOptions.OnConflict policy,
                                MemoryReader reader) {
        switch (policy) {
            case REPLACE:
                return true;
            case NEWER:
                return incoming.updatedAt().isAfter(existing.updatedAt());
            case FAIL:
                throw GptmemException.failure(reader.position() + ": memory " + existing.id()
                        + " already exists (use --on-conflict skip, replace or newer)");
            default:
                return false;
        }
    }

    /** Turns what was read into a valid memory, or fails naming the record and what is wrong. */
    static Memory checked(IncomingMemory in, Instant now, MemoryReader reader) {
        try {
            if (in.content() == null) {
                throw GptmemException.usage("missing 'content'");
            }
            Instant created = in.createdAt() != null ? in.createdAt()
                    : in.updatedAt() != null ? in.updatedAt() : now;
            Instant updated = in.updatedAt() != null ? in.updatedAt() : created;
            return new Memory(
                    in.id() == null ? Ids.newId() : Ids.imported(in.id()),
                    MemoryRules.content(in.content()),
                    MemoryRules.optional("name", in.name()),
                    MemoryRules.optional("summary", in.summary()),
                    MemoryRules.optional("reason", in.reason()),
                    in.tags() == null ? List.of() : MemoryRules.tags(in.tags()),
                    Boolean.TRUE.equals(in.pinned()),
                    in.source() == null ? "import" : MemoryRules.source(in.source()),
                    created, updated);
        } catch (GptmemException e) {
            throw GptmemException.failure(reader.position() + ": " + e.getMessage());
        }
    }
}
