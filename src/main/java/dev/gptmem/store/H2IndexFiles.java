package dev.gptmem.store;

import dev.gptmem.core.IndexFiles;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The search index's files as rows of the profile's own database ({@code search_file} and
 * {@code search_chunk}), written on the profile's connection and so in its transactions. A bulk
 * write indexes on a second thread; {@code lock} keeps its calls apart from a reconnect.
 */
final class H2IndexFiles implements IndexFiles {
    private final Supplier<Jdbc> jdbc;
    private final Object lock;

    H2IndexFiles(Supplier<Jdbc> jdbc, Object lock) {
        this.jdbc = jdbc;
        this.lock = lock;
    }

    @Override
    public List<String> names() {
        synchronized (lock) {
            return jdbc.get().query("list index files", "SELECT name FROM search_file ORDER BY name",
                    row -> row.getString(1));
        }
    }

    @Override
    public long length(String name) {
        synchronized (lock) {
            return jdbc.get().queryOne("read index file " + name, "SELECT length FROM search_file WHERE name = ?",
                    row -> row.getLong(1), name).orElse(-1L);
        }
    }

    @Override
    public boolean create(String name) {
        synchronized (lock) {
            if (length(name) >= 0) {
                return false;
            }
            jdbc.get().update("create index file " + name, "INSERT INTO search_file(name, length) VALUES (?, 0)", name);
            return true;
        }
    }

    @Override
    public void writeChunk(String name, int index, byte[] bytes, int length) {
        byte[] data = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        synchronized (lock) {
            jdbc.get().update("write index file " + name,
                    "INSERT INTO search_chunk(name, chunk, bytes) VALUES (?, ?, ?)", name, index, data);
        }
    }

    @Override
    public void finish(String name, long length) {
        synchronized (lock) {
            jdbc.get().update("write index file " + name, "UPDATE search_file SET length = ? WHERE name = ?",
                    length, name);
        }
    }

    @Override
    public byte[] readChunk(String name, int index) {
        synchronized (lock) {
            return jdbc.get().queryOne("read index file " + name,
                    "SELECT bytes FROM search_chunk WHERE name = ? AND chunk = ?", row -> row.getBytes(1),
                    name, index).orElseThrow(() -> jdbc.get().damaged("index file " + name + " lacks chunk " + index));
        }
    }

    @Override
    public boolean delete(String name) {
        synchronized (lock) {
            jdbc.get().update("delete index file " + name, "DELETE FROM search_chunk WHERE name = ?", name);
            return jdbc.get().update("delete index file " + name, "DELETE FROM search_file WHERE name = ?", name) > 0;
        }
    }

    @Override
    public void rename(String from, String to) {
        synchronized (lock) {
            delete(to);
            jdbc.get().update("rename index file " + from, "UPDATE search_file SET name = ? WHERE name = ?", to, from);
            jdbc.get().update("rename index file " + from, "UPDATE search_chunk SET name = ? WHERE name = ?", to, from);
        }
    }
}
