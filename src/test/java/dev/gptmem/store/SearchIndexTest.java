package dev.gptmem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Home;
import dev.gptmem.core.ImportOptions;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryDraft;
import dev.gptmem.core.MemoryEdit;
import dev.gptmem.core.MemoryService;
import dev.gptmem.core.ProfileService;
import dev.gptmem.core.ProfileStore;
import dev.gptmem.core.SearchIndex;
import dev.gptmem.core.SearchQuery;
import dev.gptmem.core.SearchResult;
import dev.gptmem.core.Times;
import dev.gptmem.core.TransferService;
import dev.gptmem.io.JsonMemoryReader;
import dev.gptmem.search.LuceneSearch;
import dev.gptmem.search.QuerySyntax;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index lives in the profile's H2 file and changes in the same transactions as the memories. */
class SearchIndexTest {
    private static final String P = "trainer";

    @TempDir
    Path home;

    private H2Storage storage;
    private MemoryService memories;

    @BeforeEach
    void open() {
        storage = new H2Storage(new Home(home), Duration.ofSeconds(5), () -> "test", new LuceneSearch());
        memories = new MemoryService(storage);
        new ProfileService(new Home(home), storage).create(P, null);
    }

    private List<String> found(String query) {
        return memories.search(P, QuerySyntax.parse(List.of(query)), 50, false).results().stream()
                .map(r -> r.memory().content()).toList();
    }

    private String add(String content, String... tags) {
        return memories.add(P, new MemoryDraft(content, null, null, null, List.of(tags), false, "cli")).id();
    }

    private void importing(String jsonl, ImportOptions.OnConflict onConflict) {
        new TransferService(storage, memories).importFrom(P, new JsonMemoryReader(
                new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), w -> { }),
                new ImportOptions(onConflict, false, false));
    }

    @Test
    void matchingSeesWritesOfTheSameStoreAndOnlyLiveMemories() {
        String edited = add("Runs 5k on Mondays");
        String removed = add("Running club on Fridays");
        add("Swims on Tuesdays");
        try (ProfileStore store = storage.open(P, false)) {
            String fresh = store.transaction(() -> {
                Memory m = new Memory("0000000a-0000-4000-8000-000000000000", "Running late", null, null, null,
                        List.of(), false, "cli", Times.now(), Times.now());
                store.insert(m);
                store.delete(removed);
                store.update(new Memory(edited, "Cycles on Mondays", null, null, null, List.of(), false, "cli",
                        Times.now(), Times.now()));
                return m.id();
            });

            SearchIndex.Matches running = store.matching(QuerySyntax.parse(List.of("running")));

            assertThat(running.count()).isEqualTo(1);
            assertThat(running.contains(fresh)).isTrue();
            assertThat(running.contains(removed)).isFalse();
            assertThat(running.contains(edited)).isFalse();
            assertThat(store.matching(QuerySyntax.parse(List.of("cycling"))).contains(edited)).isTrue();
            assertThat(store.matching(QuerySyntax.parse(List.of("nothing"))).count()).isZero();
        }
    }

    @Test
    void addEditAndRemoveKeepTheIndexCurrent() {
        String id = add("Runs 5k on Mondays");
        assertThat(found("running")).containsExactly("Runs 5k on Mondays");

        memories.edit(P, id, new MemoryEdit("Swims on Tuesdays", null, null, null, null, null, null, null), null);
        assertThat(found("running")).isEmpty();
        assertThat(found("swimming")).containsExactly("Swims on Tuesdays");

        memories.remove(P, List.of(id));
        assertThat(found("swimming")).isEmpty();
    }

    @Test
    void singleWritesWaitAsABacklogThatTheNextSearchTakesIn() throws Exception {
        String id = add("Runs 5k on Mondays");
        assertThat(backlog()).isEqualTo(1);
        assertThat(found("running")).containsExactly("Runs 5k on Mondays");
        assertThat(backlog()).isZero();

        memories.remove(P, List.of(id));
        assertThat(backlog()).isEqualTo(1);
        assertThat(found("running")).isEmpty();
        assertThat(backlog()).isZero();
    }

    @Test
    void aStoreHeldOpenSeesItsOwnLaterWrites() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        String id = "6f9619ff-8b86-4d01-b42d-00cf4fc964ff";
        try (ProfileStore store = storage.open(P, false)) {
            SearchQuery running = QuerySyntax.parse(List.of("running"));
            assertThat(store.search(running, 10)).isEmpty();
            store.transaction(() -> {
                store.insert(new Memory(id, "Runs 5k on Mondays", null, null, null, List.of(), false, "cli", now, now));
                return null;
            });
            assertThat(store.search(running, 10)).extracting(SearchIndex.Hit::id).containsExactly(id);
            store.transaction(() -> store.delete(id));
            assertThat(store.search(running, 10)).isEmpty();
        }
    }

    private static long indexFiles(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file.toString().replace(".mv.db", ""));
             Statement s = c.createStatement(); var rows = s.executeQuery("SELECT COUNT(*) FROM search_file")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long backlog() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:"
                + storage.file(P).toString().replace(".mv.db", "")); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT COUNT(*) FROM search_pending")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void importsAreIndexedAndReplacementsReindexed() {
        importing("{\"id\":\"00000001-0000-4000-8000-000000000000\",\"content\":\"old text about kayaks\"}\n"
                + "{\"content\":\"cycling to work\"}\n", ImportOptions.OnConflict.SKIP);
        assertThat(found("kayak")).containsExactly("old text about kayaks");
        assertThat(found("cycle")).containsExactly("cycling to work");

        importing("{\"id\":\"00000001-0000-4000-8000-000000000000\",\"content\":\"new text about canoes\"}\n",
                ImportOptions.OnConflict.REPLACE);
        assertThat(found("kayak")).isEmpty();
        assertThat(found("canoe")).containsExactly("new text about canoes");
    }

    @Test
    void aFailedImportLeavesTheIndexAsItWas() {
        add("kept memory about kayaks");
        assertThatThrownBy(() -> importing("{\"content\":\"canoe one\"}\n{\"content\":\"canoe two\"}\nnot json\n",
                ImportOptions.OnConflict.SKIP)).isInstanceOf(GptmemException.class);

        assertThat(found("canoe")).isEmpty();
        assertThat(found("kayak")).containsExactly("kept memory about kayaks");
    }

    @Test
    void aFailedTransactionTakesItsIndexChangesWithIt() {
        add("kept memory about kayaks");
        try (var store = storage.open(P, false)) {
            assertThatThrownBy(() -> store.transaction(() -> {
                store.insert(new Memory("00000009-0000-4000-8000-000000000000", "canoe never saved", null, null,
                        null, List.of(), false, "cli", Times.now(), Times.now()));
                throw GptmemException.failure("disk full");
            })).hasMessageContaining("disk full");
            assertThat(store.search(QuerySyntax.parse(List.of("canoe")), 10)).isEmpty();
        }
        assertThat(found("canoe")).isEmpty();
        add("a canoe this time");
        assertThat(found("canoe OR kayak")).hasSize(2);
    }

    @Test
    void aLargeImportAndAReindexSurviveManyCommits() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 25_000; i++) {
            lines.append("{\"content\":\"memory number ").append(i).append(i % 1000 == 7 ? " rare kayak" : "")
                    .append("\",\"tags\":[\"t").append(i % 7).append("\"]}\n");
        }
        importing(lines.toString(), ImportOptions.OnConflict.SKIP);

        assertThat(found("kayak")).hasSize(25);
        assertThat(found("number 24007")).containsExactly("memory number 24007 rare kayak");
        assertThat(memories.search(P, QuerySyntax.parse(List.of("memory tag:t3")), 10_000, false).results()).hasSize(3571);

        assertThat(new ProfileService(new Home(home), storage).reindex(P)).as("reindexed in several commits")
                .isEqualTo(25_000);
        assertThat(found("kayak")).hasSize(25);
        assertThat(found("number 24007")).containsExactly("memory number 24007 rare kayak");
    }

    @Test
    void searchResultsSayWhichFieldsMatchedAndMarkTheWords() {
        memories.add(P, new MemoryDraft("Long runs on Saturdays, short runs midweek", "Running plan", null,
                "asked for a plan", List.of("fitness"), false, "cli"));

        SearchResult r = memories.search(P, QuerySyntax.parse(List.of("running fitness")), 5, false).results().get(0);

        assertThat(r.matched()).containsExactly("name", "content", "tags");
        assertThat(r.score()).isPositive();
        String text = r.snippet().text();
        assertThat(r.snippet().marks()).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("runs", "runs");
    }

    @Test
    void matchedWordsThatTouchAreMarkedAsOne() {
        add("日本語の勉強をしています, in Tokyo");

        SearchResult r = memories.search(P, QuerySyntax.parse(List.of("日本語 tokyo")), 5, false).results().get(0);

        String text = r.snippet().text();
        assertThat(r.snippet().marks()).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("日本語", "Tokyo");
    }

    @Test
    void aProfileFromBeforeTheIndexIsIndexedByItsFirstSearch() throws Exception {
        Path file = oldProfile();
        List<String> notices = new ArrayList<>();
        storage = new H2Storage(new Home(home), Duration.ofSeconds(5), () -> "test", new LuceneSearch(), notices::add);
        memories = new MemoryService(storage);
        assertThat(memories.show("old", List.of("00000000", "00000002"))).hasSize(2);
        assertThat(indexFiles(file)).as("reading does not wait for the index").isZero();
        assertThat(notices).isEmpty();

        List<SearchResult> hits = memories.search("old", QuerySyntax.parse(List.of("kayak")), 10, false).results();

        assertThat(hits).extracting(r -> r.memory().id()).containsExactly("00000001-0000-4000-8000-000000000000");
        assertThat(hits.get(0).memory().tags()).containsExactly("legacy");
        assertThat(notices).containsExactly("indexing profile 'old' for search (3 memories); this happens once,"
                + " after an upgrade");
        assertThat(indexFiles(file)).isPositive();
        memories.search("old", QuerySyntax.parse(List.of("kayak")), 10, false).results();
        assertThat(notices).as("only once").hasSize(1);
        assertThat(new ProfileService(new Home(home), storage).reindex("old")).isEqualTo(3);
        assertThat(memories.search("old", QuerySyntax.parse(List.of("old memory")), 10, false).results()).hasSize(3);
    }

    /** A profile as the core version left it: three memories, no index tables, no index. */
    private Path oldProfile() throws Exception {
        Path file = storage.file("old");
        String url = "jdbc:h2:file:" + file.toString().replace(".mv.db", "");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // The core version's schema, exactly as its migration 1 made it.
            Migrations.ALL.get(0).step().apply(new Jdbc(c, "old"));
            s.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY,"
                    + " description CHARACTER VARYING(200) NOT NULL, applied_at TIMESTAMP(3) WITH TIME ZONE NOT NULL)");
            s.execute("INSERT INTO schema_migration VALUES (1, 'memories and profile settings', CURRENT_TIMESTAMP)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO memory(id, content, name, summary, reason,"
                    + " tags, pinned, source, created_at, updated_at) VALUES (?, ?, NULL, NULL, NULL, ?, FALSE, 'cli',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00Z', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00Z')")) {
                for (int i = 0; i < 3; i++) {
                    insert.setString(1, "0000000" + i + "-0000-4000-8000-000000000000");
                    insert.setString(2, "old memory " + i + (i == 1 ? " about kayaks" : ""));
                    insert.setObject(3, new String[] {"legacy"});
                    insert.executeUpdate();
                }
            }
        }

        return file;
    }

    @Test
    void aBulkWriteToAProfileFromBeforeTheIndexIndexesItFirst() throws Exception {
        oldProfile();
        List<String> notices = new ArrayList<>();
        storage = new H2Storage(new Home(home), Duration.ofSeconds(5), () -> "test", new LuceneSearch(), notices::add);
        memories = new MemoryService(storage);
        new TransferService(storage, memories).importFrom("old", new JsonMemoryReader(new ByteArrayInputStream(
                "{\"content\": \"new memory about canoes\"}\n".getBytes(StandardCharsets.UTF_8)), w -> { }),
                new ImportOptions(ImportOptions.OnConflict.FAIL, false, false));
        assertThat(notices).as("the import indexed the old memories first").hasSize(1);

        assertThat(memories.search("old", QuerySyntax.parse(List.of("kayak OR canoe")), 10, false).results())
                .extracting(r -> r.memory().content())
                .containsExactlyInAnyOrder("old memory 1 about kayaks", "new memory about canoes");
        assertThat(notices).as("and not again for the search").hasSize(1);
    }

    @Test
    void reindexRebuildsADamagedIndex() throws Exception {
        add("kayaks on the lake");
        assertThat(found("kayak")).as("taken into the index").hasSize(1);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:"
                + storage.file(P).toString().replace(".mv.db", "")); Statement s = c.createStatement()) {
            s.execute("DELETE FROM search_chunk");
        }
        assertThatThrownBy(() -> found("kayak")).isInstanceOf(GptmemException.class);

        assertThat(new ProfileService(new Home(home), storage).reindex(P)).isEqualTo(1);

        assertThat(found("kayak")).containsExactly("kayaks on the lake");
    }
}
