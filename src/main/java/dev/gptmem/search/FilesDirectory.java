package dev.gptmem.search;

import dev.gptmem.core.IndexFiles;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.Checksum;
import org.apache.lucene.store.BaseDirectory;
import org.apache.lucene.store.BufferedChecksum;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NoLockFactory;

/**
 * A Lucene directory over a profile's {@link IndexFiles}. Reads fetch chunks on demand through a
 * small shared cache, so a search touches only the parts of the index it needs. The profile lock
 * keeps other processes out, so Lucene's own lock is not needed. Once {@link #detach() detached}
 * (its transaction failed), it changes nothing any more.
 */
final class FilesDirectory extends BaseDirectory {
    private static final int CACHED_CHUNKS = 256;

    private final IndexFiles files;
    private final AtomicLong tempCounter = new AtomicLong();
    private final Map<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_CHUNKS;
        }
    };
    private volatile boolean detached;

    FilesDirectory(IndexFiles files) {
        super(NoLockFactory.INSTANCE);
        this.files = files;
    }

    /** From now on writes, renames and deletes do nothing: the transaction they belonged to is gone. */
    void detach() {
        detached = true;
    }

    @Override
    public String[] listAll() {
        return files.names().toArray(new String[0]);
    }

    @Override
    public void deleteFile(String name) throws IOException {
        if (detached) {
            return;
        }
        forget(name);
        if (!files.delete(name)) {
            throw new NoSuchFileException(name);
        }
    }

    @Override
    public long fileLength(String name) throws IOException {
        long length = files.length(name);
        if (length < 0) {
            throw new NoSuchFileException(name);
        }
        return length;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        if (!detached && !files.create(name)) {
            throw new FileAlreadyExistsException(name);
        }
        return new Output(name);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        while (true) {
            String name = prefix + "_" + suffix + "_" + Long.toString(tempCounter.getAndIncrement(), 36) + ".tmp";
            if (detached || files.create(name)) {
                return new Output(name);
            }
        }
    }

    @Override
    public void sync(Collection<String> names) {
        // Durable when the profile's transaction commits.
    }

    @Override
    public void syncMetaData() {
        // As for sync.
    }

    @Override
    public void rename(String source, String dest) {
        if (detached) {
            return;
        }
        forget(source);
        forget(dest);
        files.rename(source, dest);
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        return new Input(name, fileLength(name));
    }

    @Override
    public void close() {
        isOpen = false;
    }

    @Override
    public Set<String> getPendingDeletions() {
        return Collections.emptySet();
    }

    private void forget(String name) {
        synchronized (cache) {
            cache.keySet().removeIf(key -> key.startsWith(name + '\0'));
        }
    }

    private byte[] chunk(String name, int index) {
        String key = name + '\0' + index;
        synchronized (cache) {
            byte[] bytes = cache.get(key);
            if (bytes != null) {
                return bytes;
            }
        }
        byte[] bytes = files.readChunk(name, index);
        synchronized (cache) {
            cache.put(key, bytes);
        }
        return bytes;
    }

    private final class Output extends IndexOutput {
        private final String name;
        private final byte[] buffer = new byte[IndexFiles.CHUNK];
        private final Checksum crc = new BufferedChecksum(new CRC32());
        private int used;
        private int chunks;
        private long written;

        Output(String name) {
            super("index file " + name, name);
            this.name = name;
        }

        @Override
        public void writeByte(byte b) {
            if (used == buffer.length) {
                flushChunk();
            }
            buffer[used++] = b;
            crc.update(b);
            written++;
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) {
            crc.update(b, offset, length);
            written += length;
            while (length > 0) {
                if (used == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(length, buffer.length - used);
                System.arraycopy(b, offset, buffer, used, n);
                used += n;
                offset += n;
                length -= n;
            }
        }

        private void flushChunk() {
            if (!detached) {
                files.writeChunk(name, chunks, buffer, used);
            }
            chunks++;
            used = 0;
        }

        @Override
        public long getFilePointer() {
            return written;
        }

        @Override
        public long getChecksum() {
            return crc.getValue();
        }

        @Override
        public void close() {
            if (used > 0) {
                flushChunk();
            }
            if (!detached) {
                files.finish(name, written);
            }
        }
    }

    /** A file, or a slice of one, read chunk by chunk. Clones and slices share the chunk cache. */
    private final class Input extends IndexInput {
        private final String name;
        private final long start;
        private final long length;
        private long pos;
        private byte[] current;
        private int currentIndex = -1;

        Input(String name, long length) {
            this(name, 0, length, "index file " + name);
        }

        private Input(String name, long start, long length, String description) {
            super(description);
            this.name = name;
            this.start = start;
            this.length = length;
        }

        private void load(long absolute) {
            int index = (int) (absolute / IndexFiles.CHUNK);
            if (index != currentIndex) {
                current = chunk(name, index);
                currentIndex = index;
            }
        }

        @Override
        public byte readByte() throws IOException {
            if (pos >= length) {
                throw new EOFException("read past the end of " + this);
            }
            long absolute = start + pos++;
            load(absolute);
            return current[(int) (absolute % IndexFiles.CHUNK)];
        }

        @Override
        public void readBytes(byte[] b, int offset, int len) throws IOException {
            if (pos + len > length) {
                throw new EOFException("read past the end of " + this);
            }
            while (len > 0) {
                long absolute = start + pos;
                load(absolute);
                int inChunk = (int) (absolute % IndexFiles.CHUNK);
                int n = Math.min(len, current.length - inChunk);
                System.arraycopy(current, inChunk, b, offset, n);
                pos += n;
                offset += n;
                len -= n;
            }
        }

        @Override
        public long getFilePointer() {
            return pos;
        }

        @Override
        public void seek(long to) throws IOException {
            if (to < 0 || to > length) {
                throw new EOFException("seek to " + to + " outside " + this);
            }
            pos = to;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public IndexInput slice(String description, long offset, long sliceLength) throws IOException {
            if (offset < 0 || sliceLength < 0 || offset + sliceLength > length) {
                throw new IllegalArgumentException("slice " + description + " outside " + this);
            }
            return new Input(name, start + offset, sliceLength, description);
        }

        @Override
        public Input clone() {
            return (Input) super.clone();
        }

        @Override
        public void close() {
            // Nothing is held open: chunks come from the profile's connection as needed.
        }
    }
}
