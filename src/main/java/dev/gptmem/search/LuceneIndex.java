package dev.gptmem.search;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.IndexFiles;
import dev.gptmem.core.Memory;
import dev.gptmem.core.SearchIndex;
import dev.gptmem.core.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * A profile's index in Lucene, over its {@link FilesDirectory}. One document per memory: its id
 * (a term, to replace or delete it by, and a doc value, read for every hit), its tags and pin as
 * filters, the time of its last change, one {@code text} field that holds every text field, and a
 * {@code head} field of the name and tags alone, which a query word found there scores in too
 * (see {@link QueryBuilder}): a match in the name or a tag counts more than one in the content.
 */
final class LuceneIndex implements SearchIndex {
    static final String ID = "id";
    static final String TEXT = "text";
    static final String TAG = "tag";
    static final String PINNED = "pinned";
    static final String UPDATED = "updated";
    static final String HEAD = "head";
    /**
     * BM25's term-frequency saturation and length normalisation. Lucene's defaults are 1.2 and
     * 0.75; over bench/search's known-item queries (its seed and another, 2,500 in all) a faster
     * saturation and a stronger length norm ranked best, as for other short-document collections.
     */
    private static final float K1 = 0.9f;
    private static final float B = 0.9f;
    private static final BM25Similarity RANKING = new BM25Similarity(K1, B);
    /** Name and tags are short and only ever matched by term, so they keep no positions. */
    private static final FieldType HEAD_TYPE = headType();
    private static final Object END = new Object();
    /**
     * Lucene warns through java.util.logging that it cannot use the Vector API of newer JDKs; that
     * costs speed only, and is nothing a user can act on. Held here so the setting is not collected.
     */
    private static final Logger VECTOR_NOTICE = Logger.getLogger(
            "org.apache.lucene.internal.vectorization.VectorizationProvider");

    static {
        VECTOR_NOTICE.setLevel(Level.OFF);
    }

    private final FilesDirectory directory;
    private final boolean bulk;
    private final Analyzer indexAnalysis = TextAnalysis.forIndex();
    private final Analyzer queryAnalysis = TextAnalysis.forQueries();
    private final Analyzer exactAnalysis = TextAnalysis.forExactWords();
    private IndexWriter writer;
    private DirectoryReader reader;
    private Worker worker;

    LuceneIndex(IndexFiles files, boolean bulk) {
        this.directory = new FilesDirectory(files);
        this.bulk = bulk;
    }

    @Override
    public void add(Memory memory) {
        change(w -> w.addDocument(document(memory)));
    }

    @Override
    public void put(Memory memory) {
        change(w -> w.updateDocument(new Term(ID, memory.id()), document(memory)));
    }

    @Override
    public void remove(String id) {
        change(w -> w.deleteDocuments(new Term(ID, id)));
    }

    @Override
    public void commit() {
        if (writer == null) {
            return;
        }
        try {
            if (worker != null) {
                worker.finish();
                worker = null;
            }
            writer.commit();
            writer.close();
            writer = null;
            closeReader();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void abandon() {
        directory.detach();
        if (worker != null) {
            worker.stop();
            worker = null;
        }
        if (writer != null) {
            try {
                writer.rollback();
            } catch (IOException | RuntimeException e) {
                // Nothing it held reaches the profile any more; the transaction's failure is what counts.
            }
            writer = null;
        }
    }

    @Override
    public List<Hit> search(SearchQuery query, int limit) {
        try {
            if (reader == null) {
                if (!DirectoryReader.indexExists(directory)) {
                    return List.of();
                }
                reader = DirectoryReader.open(directory);
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(RANKING);
            Query built = new QueryBuilder(queryAnalysis, exactAnalysis, reader).build(query);
            TopDocs top = searcher.search(built, Math.max(1, limit));
            String[] ids = ids(top.scoreDocs);
            List<Hit> hits = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                hits.add(new Hit(ids[i], top.scoreDocs[i].score));
            }
            return hits;
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooLong();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public Matches matching(SearchQuery query) {
        try {
            if (reader == null) {
                if (!DirectoryReader.indexExists(directory)) {
                    return new DocMatches(null, new FixedBitSet(1), 0);
                }
                reader = DirectoryReader.open(directory);
            }
            // One bit per document, however many match; ids are looked up only when asked about.
            FixedBitSet hits = new FixedBitSet(Math.max(1, reader.maxDoc()));
            new IndexSearcher(reader).search(new QueryBuilder(queryAnalysis, exactAnalysis, reader).build(query),
                    new SimpleCollector() {
                        private int base;

                        @Override
                        protected void doSetNextReader(LeafReaderContext leaf) {
                            base = leaf.docBase;
                        }

                        @Override
                        public void collect(int doc) {
                            hits.set(base + doc);
                        }

                        @Override
                        public ScoreMode scoreMode() {
                            return ScoreMode.COMPLETE_NO_SCORES;
                        }
                    });
            return new DocMatches(reader, hits, hits.cardinality());
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooLong();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Matching documents as bits; an id is found through its term, which only live documents can match. */
    private static final class DocMatches implements Matches {
        private final DirectoryReader reader;
        private final FixedBitSet hits;
        private final long count;
        private final TermsEnum[] terms;
        private PostingsEnum postings;

        DocMatches(DirectoryReader reader, FixedBitSet hits, long count) {
            this.reader = reader;
            this.hits = hits;
            this.count = count;
            this.terms = new TermsEnum[reader == null ? 0 : reader.leaves().size()];
        }

        @Override
        public long count() {
            return count;
        }

        @Override
        public boolean contains(String id) {
            if (count == 0) {
                return false;
            }
            try {
                BytesRef term = new BytesRef(id);
                List<LeafReaderContext> leaves = reader.leaves();
                for (int i = 0; i < leaves.size(); i++) {
                    if (terms[i] == null) {
                        Terms ids = leaves.get(i).reader().terms(ID);
                        terms[i] = ids == null ? TermsEnum.EMPTY : ids.iterator();
                    }
                    if (terms[i].seekExact(term)) {
                        postings = terms[i].postings(postings, PostingsEnum.NONE);
                        int base = leaves.get(i).docBase;
                        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                            if (hits.get(base + doc)) {
                                return true;
                            }
                        }
                    }
                }
                return false;
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    /**
     * The ids of the hits, from the id doc values: a few bytes each, where a stored field would
     * decompress a block of documents per hit. Doc values are read forwards, so in doc order.
     */
    private String[] ids(ScoreDoc[] docs) throws IOException {
        Integer[] order = new Integer[docs.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        List<LeafReaderContext> leaves = reader.leaves();
        String[] ids = new String[docs.length];
        int leaf = -1;
        BinaryDocValues values = null;
        for (int i : order) {
            int doc = docs[i].doc;
            int sub = ReaderUtil.subIndex(doc, leaves);
            if (sub != leaf) {
                leaf = sub;
                values = leaves.get(sub).reader().getBinaryDocValues(ID);
            }
            if (values == null || !values.advanceExact(doc - leaves.get(sub).docBase)) {
                throw new IOException("document " + doc + " has no id");
            }
            ids[i] = values.binaryValue().utf8ToString();
        }
        return ids;
    }

    @Override
    public Explanation explain(Memory memory, SearchQuery query) {
        return new Snippets(indexAnalysis, queryAnalysis, exactAnalysis, query).explain(memory);
    }

    @Override
    public void close() {
        if (writer != null) {
            abandon();
        }
        closeReader();
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // A reader holds nothing that outlives it.
            }
            reader = null;
        }
    }

    private Document document(Memory m) {
        Document doc = new Document();
        doc.add(new StringField(ID, m.id(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID, new BytesRef(m.id())));
        String tags = m.tags().isEmpty() ? null : String.join(" ", m.tags());
        addText(doc, m.name());
        addText(doc, m.summary());
        addText(doc, tags);
        addText(doc, m.content());
        addText(doc, m.reason());
        String head = m.name() == null ? tags : tags == null ? m.name() : m.name() + " " + tags;
        if (head != null) {
            doc.add(new Field(HEAD, head, HEAD_TYPE));
        }
        for (String tag : m.tags()) {
            doc.add(new StringField(TAG, tag, Field.Store.NO));
        }
        doc.add(new StringField(PINNED, Boolean.toString(m.pinned()), Field.Store.NO));
        doc.add(new LongPoint(UPDATED, m.updatedAt().toEpochMilli()));
        return doc;
    }

    private static void addText(Document doc, String text) {
        if (text != null) {
            doc.add(new TextField(TEXT, text, Field.Store.NO));
        }
    }

    private static FieldType headType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    @FunctionalInterface
    private interface Change {
        void apply(IndexWriter writer) throws IOException;
    }

    private void change(Change change) {
        try {
            if (writer == null) {
                writer = openWriter();
                if (bulk) {
                    worker = new Worker(writer);
                }
            }
            if (worker != null) {
                worker.submit(change);
            } else {
                change.apply(writer);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private IndexWriter openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(indexAnalysis)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // Merges run in the writing thread, inside the profile's transaction.
                .setMergeScheduler(new SerialMergeScheduler())
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(bulk ? bulkBufferMegabytes() : 16);
        if (bulk) {
            config.setUseCompoundFile(false);
        }
        return new IndexWriter(directory, config);
    }

    /**
     * A quarter of the heap, from 32 to 256 MB: each time the buffer fills, Lucene writes a segment
     * that must later be merged, and merging is most of what a large import spends at its end.
     */
    private static double bulkBufferMegabytes() {
        double quarter = Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20);
        return Math.max(32, Math.min(256, quarter));
    }

    /** Past Lucene's bound on the clauses of one query (1,024: some 350 words). */
    private static GptmemException tooLong() {
        return GptmemException.usage("the query is too long: a search looks up at most a few hundred words at once;"
                + " use fewer");
    }

    private static GptmemException failure(IOException e) {
        return GptmemException.failure("search index: " + e.getMessage(), e);
    }

    /**
     * Indexes on a second thread during a bulk write, so analysing text overlaps reading and
     * storing the memories. Changes are applied in the order they were submitted.
     */
    private static final class Worker implements Runnable {
        private final IndexWriter writer;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
        private final Thread thread;
        private volatile Throwable failed;

        Worker(IndexWriter writer) {
            this.writer = writer;
            this.thread = new Thread(this, "gptmem-index");
            thread.setDaemon(true);
            thread.start();
        }

        void submit(Change change) {
            rethrow();
            try {
                queue.put(change);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GptmemException.failure("interrupted while indexing", e);
            }
        }

        /** Waits until every submitted change is applied. */
        void finish() {
            try {
                queue.put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GptmemException.failure("interrupted while indexing", e);
            }
            rethrow();
        }

        void stop() {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void rethrow() {
            Throwable t = failed;
            if (t instanceof IOException) {
                throw failure((IOException) t);
            }
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t != null) {
                throw (Error) t;
            }
        }

        @Override
        public void run() {
            try {
                for (Object next = queue.take(); next != END; next = queue.take()) {
                    if (failed == null) {
                        try {
                            ((Change) next).apply(writer);
                        } catch (IOException | RuntimeException | Error e) {
                            failed = e;
                        }
                    }
                }
            } catch (InterruptedException e) {
                // Stopped: the bulk write failed and its changes are being thrown away.
            }
        }
    }
}
