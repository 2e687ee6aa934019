package dev.gptmem.store;

import dev.gptmem.core.Cancellation;
import dev.gptmem.core.Durable;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryQuery;
import dev.gptmem.core.OwnerOnly;
import dev.gptmem.core.ProfileStore;
import dev.gptmem.core.SearchIndex;
import dev.gptmem.core.SearchQuery;
import dev.gptmem.core.Times;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A profile's memories in its H2 file, over one JDBC connection held for one command. */
final class H2ProfileStore implements ProfileStore {
    private static final String COLUMNS = "m.id, m.content, m.name, m.summary, m.reason, m.tags, m.pinned,"
            + " m.source, m.created_at, m.updated_at";
    private static final String DESCRIPTION = "description";
    private static final String CREATED_AT = "created_at";
    private static final String CHANGED_AT = "changed_at";
    /** The {@link SearchIndex.Factory#version()} the profile's index was built with. */
    private static final String SEARCH_INDEX = "search_index";
    private static final int REINDEX_PAGE = 1_000;
    /**
     * H2 keeps replaced pages for a while, so a large import can leave the file several times the
     * size of its data (172 MB for the 64k corpus, 24 MB once compacted). Past this many written
     * rows, closing compacts the file; that costs a few seconds, small beside such an import.
     */
    private static final long COMPACT_AFTER_ROWS = 5_000;
    private static final long BULK_COMMIT_ROWS = 10_000;
    private static final long MIN_COMPACT_ABOVE = 256L << 20;

    private final String name;
    private final Path file;
    private Jdbc jdbc;
    private final ProfileLock lock;
    private boolean inTransaction;
    private boolean changed;
    private long rowsWritten;
    private boolean bulk;
    private long sinceCommit;
    private Path staging;
    private long compactAbove;
    private final SearchIndex.Factory indexes;
    /** Opened on first use: commands that neither write nor search never load the index. */
    private SearchIndex index;
    /**
     * True once this store has seen the search backlog empty and written nothing to it since. The
     * profile lock keeps every other process out while the store is open, so only this store's own
     * writes can add to the backlog, and a search need not look for one again.
     */
    private boolean backlogEmpty;
    /** The index is missing or of another version ({@link SearchIndex.Factory#version}) and must be rebuilt before use. */
    private boolean indexStale;
    private final Consumer<String> notices;
    /** Opened with {@link #openReadOnly}: H2 refuses writes, and so does this store, before trying them. */
    private boolean readOnly;
    /** Held by whoever uses or replaces the connection from the bulk indexing thread's side. */
    private final Object connectionLock = new Object();

    private H2ProfileStore(String name, Path file, Connection connection, ProfileLock lock,
                           SearchIndex.Factory indexes, Consumer<String> notices) {
        this.name = name;
        this.file = file;
        this.jdbc = new Jdbc(connection, name);
        this.lock = lock;
        this.indexes = indexes;
        this.notices = notices;
    }

    static H2ProfileStore open(String name, Path file, Connection connection, ProfileLock lock,
                               SearchIndex.Factory indexes, Consumer<String> notices) {
        H2ProfileStore store = new H2ProfileStore(name, file, connection, lock, indexes, notices);
        try {
            boolean stale = store.transaction(() -> {
                if (Migrations.apply(store.jdbc, name)) {
                    if (store.setting(CREATED_AT) == null) {
                        store.putSetting(CREATED_AT, Times.format(Times.now()));
                    }
                    store.changed = true;
                }
                if (store.indexIsCurrent()) {
                    return false;
                }
                if (store.count() == 0) {
                    store.rebuildIndex(); // nothing to index, so no need to load the index
                    return false;
                }
                return true;
            });
            // A profile from before the index, or indexed with another analysis: rebuilt once, by
            // the first search or bulk write, so commands that never search do not wait for it.
            store.indexStale = stale;
            return store;
        } catch (RuntimeException e) {
            store.closeConnection(file);
            throw e;
        }
    }

    /**
     * Opens a profile that is only to be read, over a read-only connection, or returns null (with
     * the connection closed) when the profile must be written before it can be read: an older
     * schema to upgrade, or an empty profile whose index setting is to be brought up to date.
     */
    static H2ProfileStore openReadOnly(String name, Path file, Connection connection, ProfileLock lock,
                                       SearchIndex.Factory indexes) {
        H2ProfileStore store = new H2ProfileStore(name, file, connection, lock, indexes, notice -> { });
        try {
            boolean current = Migrations.isCurrent(store.jdbc);
            if (current) {
                store.indexStale = !store.indexIsCurrent();
            }
            if (!current || store.indexStale && store.count() == 0) {
                store.closeConnection(file);
                return null;
            }
            store.readOnly = true;
            return store;
        } catch (RuntimeException e) {
            store.closeConnection(file);
            throw e;
        }
    }

    /** Whether the profile's index was built with this version's analysis ({@link SearchIndex.Factory#version}). */
    private boolean indexIsCurrent() {
        return indexes.version().equals(setting(SEARCH_INDEX));
    }

    private void requireWritable(String what) {
        if (readOnly) {
            throw new IllegalStateException("profile '" + name + "' was opened read-only and cannot " + what);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Memory> find(String id) {
        return jdbc.queryOne("read memory " + id, "SELECT " + COLUMNS + " FROM memory m WHERE m.id = ?",
                H2ProfileStore::memory, id);
    }

    @Override
    public List<Memory> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // One query for a page of search results, not one per result.
        Map<String, Memory> byId = new HashMap<>();
        jdbc.stream("read memories", "SELECT " + COLUMNS + " FROM memory m WHERE m.id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", H2ProfileStore::memory,
                m -> byId.put(m.id(), m), ids.toArray());
        List<Memory> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            Memory m = byId.get(id);
            if (m != null) {
                found.add(m);
            }
        }
        return found;
    }

    @Override
    public List<String> idsWithPrefix(String prefix, int max) {
        return jdbc.query("look up id " + prefix,
                "SELECT id FROM memory WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
                row -> row.getString(1), escapeLike(prefix) + "%", max);
    }

    @Override
    public Optional<String> lastIdWithPrefix(String prefix) {
        return jdbc.queryOne("look up id " + prefix,
                "SELECT id FROM memory WHERE id LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT 1",
                row -> row.getString(1), escapeLike(prefix) + "%");
    }

    @Override
    public boolean containsSame(Memory m) {
        return jdbc.queryOne("look up content", "SELECT 1 FROM memory WHERE content_hash = HASH('SHA-256', ?)"
                        + " AND content = ? AND name IS NOT DISTINCT FROM ? AND summary IS NOT DISTINCT FROM ?"
                        + " AND reason IS NOT DISTINCT FROM ? LIMIT 1", row -> true,
                m.content(), m.content(), m.name(), m.summary(), m.reason()).isPresent();
    }

    @Override
    public boolean containsContent(String content) {
        return jdbc.queryOne("look up content", "SELECT 1 FROM memory"
                + " WHERE content_hash = HASH('SHA-256', ?) AND content = ? LIMIT 1", row -> true, content, content)
                .isPresent();
    }

    @Override
    public void insert(Memory m) {
        jdbc.update("add memory " + m.id(),
                "INSERT INTO memory(id, content, name, summary, reason, tags, pinned, source, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.id(), m.content(), m.name(), m.summary(), m.reason(), m.tags().toArray(new String[0]),
                m.pinned(), m.source(), m.createdAt(), m.updatedAt());
        keepIndexed(m.id(), i -> i.add(m));
        afterWrite();
    }

    @Override
    public void update(Memory m) {
        jdbc.update("update memory " + m.id(),
                "UPDATE memory SET content = ?, name = ?, summary = ?, reason = ?, tags = ?, pinned = ?, source = ?,"
                        + " created_at = ?, updated_at = ? WHERE id = ?",
                m.content(), m.name(), m.summary(), m.reason(), m.tags().toArray(new String[0]), m.pinned(),
                m.source(), m.createdAt(), m.updatedAt(), m.id());
        keepIndexed(m.id(), i -> i.put(m));
        afterWrite();
    }

    @Override
    public boolean delete(String id) {
        boolean deleted = jdbc.update("delete memory " + id, "DELETE FROM memory WHERE id = ?", id) > 0;
        if (deleted) {
            keepIndexed(id, i -> i.remove(id));
            afterWrite();
        }
        return deleted;
    }

    /**
     * Records that the memory {@code id} changed, in the same transaction as the change. A single
     * add, edit or rm then costs one row instead of loading Lucene and writing a segment; the next
     * search takes the backlog in first ({@link #catchUp}), so it never misses a write or returns a
     * deleted memory, crash or not. Bulk writes apply {@code change} to the index directly.
     */
    private void keepIndexed(String id, Consumer<SearchIndex> change) {
        if (bulk) {
            change.accept(index());
        } else {
            backlogEmpty = false;
            jdbc.update("note memory " + id + " for the search index",
                    "MERGE INTO search_pending(id) KEY(id) VALUES (?)", id);
        }
    }

    @Override
    public List<SearchIndex.Hit> search(SearchQuery query, int limit) {
        return currentIndex().search(query, limit);
    }

    /** The index, rebuilt first if it is stale, with every write so far in it. */
    private SearchIndex currentIndex() {
        requireWritable("search (a search may first bring the index up to date)");
        if (indexStale) {
            bulkWrite(() -> null, true, true);
        }
        catchUp();
        return index();
    }

    /** Brings the index up to date with the memories written since it last was. */
    private void catchUp() {
        if (backlogEmpty) {
            return;
        }
        List<String> ids = jdbc.query("read the search backlog", "SELECT id FROM search_pending ORDER BY id",
                row -> row.getString(1));
        if (ids.isEmpty()) {
            backlogEmpty = !inTransaction;
            return;
        }
        run(() -> {
            for (String id : ids) {
                Optional<Memory> memory = find(id);
                if (memory.isPresent()) {
                    index().put(memory.get());
                } else {
                    index().remove(id);
                }
            }
            jdbc.execute("clear the search backlog", "DELETE FROM search_pending");
            return null;
        });
        backlogEmpty = !inTransaction;
    }

    @Override
    public SearchIndex.Matches matching(SearchQuery query) {
        return currentIndex().matching(query);
    }

    @Override
    public SearchIndex.Explanation explain(Memory memory, SearchQuery query) {
        return index().explain(memory, query);
    }

    @Override
    public void reindex() {
        // As a bulk write: one transaction that indexes a large profile can fail inside H2.
        bulkWrite(() -> null, true, true);
    }

    /**
     * Indexes every memory afresh, a page at a time by insertion order, so no result set is open
     * while the index writes.
     */
    private void rebuildIndex() {
        // Dropped as files, not through the index, so a damaged index is rebuilt as readily as a stale one.
        closeIndex();
        jdbc.execute("clear the search index", "DELETE FROM search_chunk");
        jdbc.execute("clear the search index", "DELETE FROM search_file");
        jdbc.execute("clear the search backlog", "DELETE FROM search_pending");
        long after = 0;
        List<Object[]> page;
        do {
            page = new ArrayList<>();
            jdbc.stream("read memories", "SELECT m.seq, " + COLUMNS + " FROM memory m WHERE m.seq > ?"
                    + " ORDER BY m.seq LIMIT ?", row -> new Object[] {row.getLong("seq"), memory(row)},
                    page::add, after, REINDEX_PAGE);
            for (Object[] row : page) {
                Cancellation.check();
                index().add((Memory) row[1]);
                after = (Long) row[0];
                rowsWritten++;
                progress();
            }
        } while (page.size() == REINDEX_PAGE);
        putSetting(SEARCH_INDEX, indexes.version());
        changed = true;
    }

    private SearchIndex index() {
        if (index == null) {
            index = indexes.open(new H2IndexFiles(() -> jdbc, connectionLock), bulk);
        }
        return index;
    }

    private void closeIndex() {
        if (index != null) {
            index.close();
            index = null;
        }
    }

    @Override
    public void query(MemoryQuery q, Consumer<Memory> sink) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM memory m");
        List<Object> params = new ArrayList<>();
        where(q, sql, params);
        sql.append(orderBy(q));
        if (q.limit() != null || q.offset() > 0) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add(q.limit() == null ? Long.MAX_VALUE : q.limit().longValue());
            params.add(q.offset());
        }
        jdbc.stream("read memories", sql.toString(), H2ProfileStore::memory, sink, params.toArray());
    }

    @Override
    public long count(MemoryQuery q) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM memory m");
        List<Object> params = new ArrayList<>();
        where(q, sql, params);
        return jdbc.queryOne("count memories", sql.toString(), row -> row.getLong(1), params.toArray()).orElse(0L);
    }

    private static void where(MemoryQuery q, StringBuilder sql, List<Object> params) {
        sql.append(" WHERE TRUE");
        if (q.pinned() != null) {
            sql.append(" AND m.pinned = ?");
            params.add(q.pinned());
        }
        if (q.since() != null) {
            sql.append(" AND m.updated_at >= ?");
            params.add(q.since());
        }
        for (String tag : q.tags()) {
            sql.append(" AND ARRAY_CONTAINS(m.tags, ?)");
            params.add(tag);
        }
        for (String word : q.words()) {
            String pattern = "%" + escapeLike(word) + "%";
            sql.append(" AND (m.content ILIKE ? ESCAPE '\\' OR m.name ILIKE ? ESCAPE '\\'"
                    + " OR m.summary ILIKE ? ESCAPE '\\' OR m.reason ILIKE ? ESCAPE '\\'"
                    + " OR CAST(m.tags AS CHARACTER VARYING) ILIKE ? ESCAPE '\\')");
            for (int i = 0; i < 5; i++) {
                params.add(pattern);
            }
        }
    }

    private static String orderBy(MemoryQuery q) {
        boolean descending = q.sort() != MemoryQuery.Sort.NAME;
        String direction = descending != q.reverse() ? " DESC" : " ASC";
        switch (q.sort()) {
            case UPDATED:
                return " ORDER BY m.updated_at" + direction + ", m.seq" + direction;
            case NAME:
                return " ORDER BY LOWER(LEFT(COALESCE(m.name, m.summary, m.content), 200))" + direction
                        + ", m.seq" + direction;
            default:
                return " ORDER BY m.created_at" + direction + ", m.seq" + direction;
        }
    }

    @Override
    public long count() {
        return jdbc.queryOne("count memories", "SELECT COUNT(*) FROM memory", row -> row.getLong(1)).orElse(0L);
    }

    @Override
    public List<String> tags() {
        TreeSet<String> tags = new TreeSet<>();
        jdbc.stream("list tags", "SELECT tags FROM memory WHERE CARDINALITY(tags) > 0", H2ProfileStore::tags,
                tags::addAll);
        return new ArrayList<>(tags);
    }

    @Override
    public String description() {
        return setting(DESCRIPTION);
    }

    @Override
    public void setDescription(String description) {
        putSetting(DESCRIPTION, description);
        changed = true;
    }

    @Override
    public void setCreatedAt(Instant createdAt) {
        putSetting(CREATED_AT, Times.format(createdAt));
        changed = true;
    }

    @Override
    public Instant createdAt() {
        String created = setting(CREATED_AT);
        return created == null ? null : Times.parse(created);
    }

    @Override
    public Instant changedAt() {
        String at = setting(CHANGED_AT);
        return at == null ? createdAt() : Times.parse(at);
    }

    private String setting(String key) {
        return jdbc.queryOne("read setting " + key, "SELECT setting_value FROM profile_setting WHERE name = ?",
                row -> row.getString(1), key).orElse(null);
    }

    private void putSetting(String key, String value) {
        if (value == null) {
            jdbc.update("clear setting " + key, "DELETE FROM profile_setting WHERE name = ?", key);
        } else {
            jdbc.update("save setting " + key, "MERGE INTO profile_setting(name, setting_value) KEY(name) VALUES (?, ?)",
                    key, value);
        }
    }

    @Override
    public <T> T transaction(Supplier<T> work) {
        requireWritable("be written");
        return run(work);
    }

    /**
     * Works on a private copy of the file, committing every {@value #BULK_COMMIT_ROWS} rows, and
     * moves the copy over the profile only when {@code work} succeeds and {@code keep} is set.
     * One H2 transaction of a million rows needs gigabytes of disk and is slow to commit; the copy
     * gives the same all-or-nothing result, crash included, since the profile file is replaced in
     * one atomic rename.
     */
    @Override
    public <T> T bulk(Supplier<T> work, boolean keep) {
        return bulkWrite(work, keep, indexStale);
    }

    /** A bulk write; with {@code rebuild}, the index is rebuilt first, so the work's changes go into a current one. */
    private <T> T bulkWrite(Supplier<T> work, boolean keep, boolean rebuild) {
        requireWritable("be written");
        if (rebuild && indexStale) {
            long count = count();
            notices.accept("indexing profile '" + name + "' for search (" + count + (count == 1 ? " memory" : " memories")
                    + "); this happens once, after an upgrade");
        }
        staging = H2Storage.stagingFile(file);
        compactAbove = MIN_COMPACT_ABOVE;
        closeIndex();
        closeConnection(file);
        try {
            Files.copy(file, staging, StandardCopyOption.REPLACE_EXISTING);
            OwnerOnly.file(staging);
            jdbc = new Jdbc(H2Storage.connect(name, staging), name);
            bulk = true;
            sinceCommit = 0;
            T result = run(() -> {
                if (rebuild) {
                    rebuildIndex();
                }
                return work.get();
            });
            bulk = false;
            if (!keep) {
                rowsWritten = 0; // a copy about to be thrown away is not worth compacting
            }
            closeConnection(staging);
            if (keep) {
                Durable.replace(staging, file);
                indexStale &= !rebuild;
            }
            return result;
        } catch (IOException e) {
            throw GptmemException.io("cannot write profile '" + name + "'", e);
        } finally {
            bulk = false;
            closeIndex();
            closeQuietly(jdbc.connection());
            deleteQuietly(staging);
            jdbc = new Jdbc(H2Storage.connect(name, file), name);
        }
    }

    private void afterWrite() {
        changed = true;
        rowsWritten++;
        progress();
    }

    /** In a bulk write, commits the copy every {@value #BULK_COMMIT_ROWS} rows and compacts it as it grows. */
    private void progress() {
        if (bulk && ++sinceCommit >= BULK_COMMIT_ROWS) {
            sinceCommit = 0;
            try {
                synchronized (connectionLock) {
                    jdbc.connection().commit();
                    if (Files.size(staging) > compactAbove) {
                        compactStaging();
                    }
                }
            } catch (SQLException e) {
                throw jdbc.failure("commit", e);
            } catch (IOException e) {
                throw GptmemException.io("cannot write profile '" + name + "'", e);
            }
        }
    }

    /**
     * H2 frees replaced pages only lazily, so a long import would need gigabytes of disk for
     * what compacts to a hundred megabytes (1M small memories: 5.7 GB at peak). Compacting the copy
     * whenever it passes four times its last compacted size bounds that, at a few seconds each time.
     */
    private void compactStaging() throws IOException, SQLException {
        jdbc.execute("compact the import", "SHUTDOWN COMPACT");
        OwnerOnly.file(staging);
        compactAbove = Math.max(MIN_COMPACT_ABOVE, 4 * Files.size(staging));
        jdbc = new Jdbc(H2Storage.connect(name, staging), name);
        jdbc.connection().setAutoCommit(false);
    }

    /** Runs work in one transaction; the connection is looked up each time, as a bulk write may reopen it. */
    private <T> T run(Supplier<T> work) {
        if (inTransaction) {
            return work.get();
        }
        try {
            jdbc.connection().setAutoCommit(false);
            inTransaction = true;
            changed = false;
            T result = work.get();
            if (changed) {
                putSetting(CHANGED_AT, Times.format(Times.now()));
            }
            if (index != null) {
                index.commit();
            }
            jdbc.connection().commit();
            if (changed) {
                // Success is reported only once the data is on the disk, not just in the OS cache.
                jdbc.execute("write to disk", "CHECKPOINT SYNC");
            }
            return result;
        } catch (SQLException e) {
            abandonIndex();
            rollbackQuietly(jdbc.connection());
            throw jdbc.failure("commit", e);
        } catch (RuntimeException | Error e) {
            abandonIndex();
            rollbackQuietly(jdbc.connection());
            throw e;
        } finally {
            inTransaction = false;
            try {
                jdbc.connection().setAutoCommit(true);
            } catch (SQLException e) {
                // The connection is closed at the end of the command anyway.
            }
        }
    }

    /** The index's unwritten changes go with the failed transaction; it is opened afresh if needed again. */
    private void abandonIndex() {
        if (index != null) {
            index.abandon();
            closeIndex();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The original failure is the one worth reporting.
        }
    }

    @Override
    public void close() {
        try {
            closeIndex();
            closeConnection(file);
        } finally {
            lock.close();
        }
    }

    /** Closes the open file; after many written rows, compacting it first (see {@link #COMPACT_AFTER_ROWS}). */
    private void closeConnection(Path open) {
        try {
            if (rowsWritten >= COMPACT_AFTER_ROWS && !jdbc.connection().isClosed()) {
                jdbc.execute("compact the file", "SHUTDOWN COMPACT");
                // Compaction writes a new file, made with the default permissions.
                OwnerOnly.file(open);
            }
            rowsWritten = 0;
            jdbc.connection().close();
        } catch (SQLException e) {
            throw GptmemException.failure("cannot close profile '" + name + "': " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Only called on the way out of a failure, which is the error worth reporting.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover copy is removed the next time the profile is opened.
        }
    }

    private static Memory memory(ResultSet row) throws SQLException {
        return new Memory(row.getString("id"), row.getString("content"), row.getString("name"),
                row.getString("summary"), row.getString("reason"), tags(row),
                row.getBoolean("pinned"), row.getString("source"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"));
    }

    private static List<String> tags(ResultSet row) throws SQLException {
        Array array = row.getArray("tags");
        try {
            List<String> tags = new ArrayList<>();
            for (Object tag : (Object[]) array.getArray()) {
                tags.add((String) tag);
            }
            return tags;
        } finally {
            array.free();
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
