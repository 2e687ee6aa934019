import dev.gptmem.core.Home;
import dev.gptmem.core.ImportFormat;
import dev.gptmem.core.ImportOptions;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.IndexFiles;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryReader;
import dev.gptmem.core.MemoryService;
import dev.gptmem.core.SearchIndex;
import dev.gptmem.core.SearchQuery;
import dev.gptmem.core.TransferService;
import dev.gptmem.io.ImportReaders;
import dev.gptmem.search.LuceneSearch;
import dev.gptmem.store.H2Storage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One part of an import at a time, for bench/import-parts: each mode runs in a process of its own,
 * so its time is a cold process's, as the import command's is.
 *   read   the reader alone: JSON and the memory records, nothing stored
 *   store  the profile's H2 file alone: a real import whose search index ignores every change
 *   index  the search index alone: Lucene over files kept in memory, no H2 at all
 *   whole  the real import: H2 and the index, as the import command runs it
 *
 * Usage: java -cp gptmem.jar:CLASSES ImportParts MODE FILE HOME
 */
public class ImportParts {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ImportParts read|store|index|whole FILE HOME");
        }
        Path file = Path.of(args[1]);
        Path home = Path.of(args[2]);
        long count = switch (args[0]) {
            case "read" -> read(file, memory -> { });
            case "store" -> store(file, home, new Ignoring(new LuceneSearch().version()));
            case "whole" -> store(file, home, new LuceneSearch());
            case "index" -> index(file);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.out.println(count);
    }

    private static long store(Path file, Path home, SearchIndex.Factory indexes) throws Exception {
        H2Storage storage = new H2Storage(new Home(home), Duration.ofSeconds(10), () -> "bench", indexes);
        try (InputStream in = Files.newInputStream(file);
             MemoryReader reader = ImportReaders.open(in, ImportFormat.AUTO, warning -> { })) {
            return new TransferService(storage, new MemoryService(storage))
                    .importFrom("default", reader, new ImportOptions(ImportOptions.OnConflict.SKIP, false, true))
                    .imported();
        }
    }

    private static long index(Path file) throws Exception {
        try (SearchIndex index = new LuceneSearch().open(new InMemoryFiles(), true)) {
            long count = read(file, index::add);
            index.commit();
            return count;
        }
    }

    /**
     * Reads every record and makes it a memory with a new id, as an import does before storing it,
     * but without its checks (TransferService keeps them to itself; the corpus passes them).
     */
    private static long read(Path file, Consumer<Memory> sink) throws Exception {
        Instant now = Instant.now();
        long count = 0;
        try (InputStream in = Files.newInputStream(file);
             MemoryReader reader = ImportReaders.open(in, ImportFormat.AUTO, warning -> { })) {
            for (IncomingMemory m = reader.next(); m != null; m = reader.next()) {
                sink.accept(new Memory(UUID.randomUUID().toString(), m.content(), m.name(), m.summary(), m.reason(),
                        m.tags() == null ? List.of() : m.tags(), Boolean.TRUE.equals(m.pinned()), "import", now, now));
                count++;
            }
        }
        return count;
    }

    /** An index that takes every change and keeps none: the store's own work is all that is left. */
    private record Ignoring(String version) implements SearchIndex.Factory {
        @Override
        public SearchIndex open(IndexFiles files, boolean bulk) {
            return new SearchIndex() {
                public void add(Memory memory) { }
                public void put(Memory memory) { }
                public void remove(String id) { }
                public void commit() { }
                public void abandon() { }
                public List<Hit> search(SearchQuery query, int limit) { return List.of(); }
                public Matches matching(SearchQuery query) { throw new UnsupportedOperationException(); }
                public Explanation explain(Memory memory, SearchQuery query) { throw new UnsupportedOperationException(); }
                public void close() { }
            };
        }
    }

    /** Index files as byte arrays in the heap. */
    private static final class InMemoryFiles implements IndexFiles {
        private final TreeMap<String, List<byte[]>> chunks = new TreeMap<>();
        private final TreeMap<String, Long> lengths = new TreeMap<>();

        public synchronized List<String> names() { return new ArrayList<>(lengths.keySet()); }
        public synchronized long length(String name) { return lengths.getOrDefault(name, -1L); }
        public synchronized boolean create(String name) {
            if (lengths.containsKey(name)) {
                return false;
            }
            lengths.put(name, 0L);
            chunks.put(name, new ArrayList<>());
            return true;
        }
        public synchronized void writeChunk(String name, int index, byte[] bytes, int length) {
            chunks.get(name).add(Arrays.copyOf(bytes, length));
        }
        public synchronized void finish(String name, long length) { lengths.put(name, length); }
        public synchronized byte[] readChunk(String name, int index) { return chunks.get(name).get(index); }
        public synchronized boolean delete(String name) {
            chunks.remove(name);
            return lengths.remove(name) != null;
        }
        public synchronized void rename(String from, String to) {
            chunks.put(to, chunks.remove(from));
            lengths.put(to, lengths.remove(from));
        }
    }
}
