package dev.gptmem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gptmem.search.LuceneSearch;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Home;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryQuery;
import dev.gptmem.core.ProfileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ProfileStoreTest {
    private static final Instant JAN = Instant.parse("2026-01-01T10:00:00.123Z");
    private static final Instant FEB = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T10:00:00Z");
    private static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String B = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final String C = "cccccccc-0000-4000-8000-000000000003";

    @TempDir
    Path home;

    private H2Storage storage;
    private ProfileStore store;

    @BeforeEach
    void open() {
        storage = new H2Storage(new Home(home), Duration.ofSeconds(5), () -> "test", new LuceneSearch());
        store = storage.open("trainer", true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ProfileStore reopen() {
        store.close();
        store = storage.open("trainer", false);
        return store;
    }

    private void insert(Memory... memories) {
        store.transaction(() -> {
            for (Memory m : memories) {
                store.insert(m);
            }
            return null;
        });
    }

    private static Memory memory(String id, String content, String name, List<String> tags, boolean pinned,
                                 Instant created, Instant updated) {
        return new Memory(id, content, name, null, null, tags, pinned, "cli", created, updated);
    }

    private List<String> ids(MemoryQuery query) {
        List<String> ids = new ArrayList<>();
        store.query(query, m -> ids.add(m.id()));
        return ids;
    }

    private static MemoryQuery sorted(MemoryQuery.Sort sort, boolean reverse) {
        return new MemoryQuery(null, null, null, sort, reverse, null, 0);
    }

    @Test
    void findAllKeepsTheOrderGivenAndLeavesOutUnknownIds() {
        insert(memory(A, "first", null, List.of(), false, JAN, JAN), memory(B, "second", null, List.of(), false, FEB, FEB),
                memory(C, "third", null, List.of(), false, MAR, MAR));

        assertThat(store.findAll(List.of(C, "dddddddd-0000-4000-8000-000000000004", A)))
                .extracting(Memory::content).containsExactly("third", "first");
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @Test
    void insertThenFindGivesEveryFieldBack() {
        Memory m = new Memory(A, "Runs 5k\non Mondays 😀 \u0000\u001f", "Plan", "Weekly", "Line one\nLine two",
                List.of("fitness", "plans"), true, "mcp", JAN, FEB);
        insert(m);

        assertThat(store.find(A)).contains(m);
        assertThat(reopen().find(A)).as("after closing the file").contains(m);
        assertThat(store.find(B)).isEmpty();
    }

    @Test
    void absentFieldsAndNoTagsComeBackAsNullAndEmpty() {
        Memory m = memory(A, "x", null, List.of(), false, JAN, JAN);
        insert(m);

        Memory back = store.find(A).orElseThrow();
        assertThat(back.name()).isNull();
        assertThat(back.summary()).isNull();
        assertThat(back.reason()).isNull();
        assertThat(back.tags()).isEmpty();
        assertThat(back).isEqualTo(m);
    }

    @Test
    void largestContentFitsInCodePoints() {
        String emoji = "\uD83E\uDDE0".repeat(100_000);
        insert(new Memory(A, emoji, emoji, emoji, emoji, List.of(), false, "cli", JAN, JAN));

        Memory back = reopen().find(A).orElseThrow();
        assertThat(back.content()).isEqualTo(emoji);
        assertThat(back.reason()).isEqualTo(emoji);
    }

    @Test
    void updateReplacesFieldsAndTags() {
        insert(memory(A, "old", "Old", List.of("a", "b"), false, JAN, JAN));
        Memory changed = new Memory(A, "new", null, "Summary", "Reason", List.of("b", "c"), true, "cli", JAN, FEB);

        store.transaction(() -> {
            store.update(changed);
            return null;
        });

        assertThat(reopen().find(A)).contains(changed);
        assertThat(store.tags()).containsExactly("b", "c");
    }

    @Test
    void deleteRemovesTheMemoryAndItsTags() {
        insert(memory(A, "a", null, List.of("gone"), false, JAN, JAN), memory(B, "b", null, List.of("kept"), false, JAN, JAN));

        assertThat(store.transaction(() -> store.delete(A))).isTrue();
        assertThat(store.transaction(() -> store.delete(A))).isFalse();

        assertThat(store.find(A)).isEmpty();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.tags()).containsExactly("kept");
    }

    @Test
    void queryOrders() {
        insert(memory(A, "zebra", "banana", List.of(), false, JAN, MAR),
                memory(B, "yak", null, List.of(), false, FEB, FEB),
                memory(C, "Apple", null, List.of(), false, MAR, MAR));

        assertThat(ids(sorted(MemoryQuery.Sort.CREATED, false))).containsExactly(C, B, A);
        assertThat(ids(sorted(MemoryQuery.Sort.CREATED, true))).containsExactly(A, B, C);
        assertThat(ids(MemoryQuery.all())).as("oldest first, as export writes").containsExactly(A, B, C);
        assertThat(ids(sorted(MemoryQuery.Sort.UPDATED, false))).as("ties by id").containsExactly(C, A, B);
        assertThat(ids(sorted(MemoryQuery.Sort.NAME, false))).as("name, else content, any case")
                .containsExactly(C, A, B);
        assertThat(ids(sorted(MemoryQuery.Sort.NAME, true))).containsExactly(B, A, C);
    }

    @Test
    void queryPagesWithLimitAndOffset() {
        insert(memory(A, "a", null, List.of(), false, JAN, JAN), memory(B, "b", null, List.of(), false, FEB, FEB),
                memory(C, "c", null, List.of(), false, MAR, MAR));

        assertThat(ids(new MemoryQuery(null, null, null, null, false, 2, 0))).containsExactly(C, B);
        assertThat(ids(new MemoryQuery(null, null, null, null, false, 2, 2))).containsExactly(A);
        assertThat(ids(new MemoryQuery(null, null, null, null, false, null, 1))).containsExactly(B, A);
        assertThat(ids(new MemoryQuery(null, null, null, null, false, 0, 0))).isEmpty();
    }

    @Test
    void queryFiltersByTagsPinnedAndWords() {
        insert(memory(A, "Prefers metric UNITS", null, List.of("prefs", "units"), true, JAN, JAN),
                memory(B, "Runs on Mondays", "Metric plan", List.of("prefs"), false, FEB, FEB),
                new Memory(C, "100% sure_thing", null, "summary", "because", List.of("misc"), false, "cli", MAR, MAR));

        assertThat(ids(MemoryQuery.withTags(List.of("prefs")))).containsExactly(A, B);
        assertThat(ids(MemoryQuery.withTags(List.of("PREFS", "units")))).containsExactly(A);
        assertThat(ids(new MemoryQuery(null, true, null, null, false, null, 0))).containsExactly(A);
        assertThat(ids(new MemoryQuery(null, false, null, null, false, null, 0))).containsExactly(C, B);
        assertThat(ids(new MemoryQuery(null, null, List.of("metric"), null, false, null, 0))).containsExactly(B, A);
        assertThat(ids(new MemoryQuery(null, null, List.of("metric", "units"), null, false, null, 0))).containsExactly(A);
        assertThat(ids(new MemoryQuery(null, null, List.of("because", "misc"), null, false, null, 0))).containsExactly(C);
        assertThat(ids(new MemoryQuery(null, null, List.of("0%"), null, false, null, 0))).containsExactly(C);
        assertThat(ids(new MemoryQuery(null, null, List.of("e_t"), null, false, null, 0))).containsExactly(C);
        assertThat(ids(new MemoryQuery(null, null, List.of("s_t"), null, false, null, 0))).isEmpty();
    }

    @Test
    void idsWithPrefixAreSortedLimitedAndLiteral() {
        insert(memory("aaaa2222-0000-4000-8000-000000000000", "2", null, List.of(), false, JAN, JAN),
                memory("aaaa1111-0000-4000-8000-000000000000", "1", null, List.of(), false, JAN, JAN),
                memory(B, "b", null, List.of(), false, JAN, JAN));

        assertThat(store.idsWithPrefix("aaaa", 10)).containsExactly(
                "aaaa1111-0000-4000-8000-000000000000", "aaaa2222-0000-4000-8000-000000000000");
        assertThat(store.idsWithPrefix("aaaa", 1)).hasSize(1);
        assertThat(store.idsWithPrefix("aaaa2", 10)).containsExactly("aaaa2222-0000-4000-8000-000000000000");
        assertThat(store.idsWithPrefix("%", 10)).isEmpty();
        assertThat(store.idsWithPrefix("aaaa_111", 10)).isEmpty();
        assertThat(store.lastIdWithPrefix("aaaa")).contains("aaaa2222-0000-4000-8000-000000000000");
        assertThat(store.lastIdWithPrefix("")).contains(B);
        assertThat(store.lastIdWithPrefix("aaaa_")).isEmpty();
    }

    @Test
    void failedTransactionLeavesNothingBehind() {
        insert(memory(A, "before", null, List.of("t"), false, JAN, JAN));
        Instant changedBefore = store.changedAt();

        assertThatThrownBy(() -> store.transaction(() -> {
            store.insert(memory(B, "half", null, List.of("new"), false, JAN, JAN));
            store.update(memory(A, "changed", null, List.of(), false, JAN, FEB));
            store.setDescription("changed");
            throw new IllegalStateException("stop");
        })).hasMessage("stop");

        assertThat(store.find(B)).isEmpty();
        assertThat(store.find(A).orElseThrow().content()).isEqualTo("before");
        assertThat(store.tags()).containsExactly("t");
        assertThat(store.description()).isNull();
        assertThat(store.changedAt()).isEqualTo(changedBefore);
        assertThat(reopen().count()).isEqualTo(1);
    }

    @Test
    void bulkWithoutKeepSeesItsOwnWritesAndThenUndoesThem() {
        long seen = store.bulk(() -> {
            store.insert(memory(A, "a", null, List.of(), false, JAN, JAN));
            return store.count();
        }, false);

        assertThat(seen).isEqualTo(1);
        assertThat(store.count()).isZero();
        assertThat(reopen().find(A)).isEmpty();
    }

    @Test
    void bulkWithKeepReplacesTheProfileWithItsResult() {
        insert(memory(A, "kept", null, List.of("t"), false, JAN, JAN));

        long written = store.bulk(() -> {
            for (int i = 0; i < 25_000; i++) {
                store.insert(memory(String.format("%08x-0000-4000-8000-000000000000", i + 1), "m" + i, null,
                        List.of("bulk"), false, JAN, JAN));
            }
            return store.count();
        }, true);

        assertThat(written).isEqualTo(25_001);
        assertThat(store.count()).as("the store stays usable").isEqualTo(25_001);
        assertThat(reopen().find(A).orElseThrow().content()).isEqualTo("kept");
        assertThat(reopen().count()).isEqualTo(25_001);
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void bulkThatFailsAfterIntermediateCommitsLeavesTheProfileAsItWas() {
        insert(memory(A, "before", null, List.of(), false, JAN, JAN));

        assertThatThrownBy(() -> store.bulk(() -> {
            for (int i = 0; i < 15_000; i++) {
                store.insert(memory(String.format("%08x-0000-4000-8000-000000000000", i + 1), "m" + i, null,
                        List.of(), false, JAN, JAN));
            }
            throw GptmemException.failure("bad record at the end");
        }, true)).hasMessage("bad record at the end");

        assertThat(store.count()).isEqualTo(1);
        assertThat(reopen().count()).isEqualTo(1);
        assertThat(reopen().find(A).orElseThrow().content()).isEqualTo("before");
        assertThat(stagingFiles()).isEmpty();
    }

    private List<Path> stagingFiles() {
        try (var files = Files.list(new Home(home).profilesDir())) {
            return files.filter(f -> f.getFileName().toString().contains("staging")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nestedTransactionIsPartOfTheOuterOne() {
        assertThatThrownBy(() -> store.transaction(() -> {
            store.transaction(() -> {
                store.insert(memory(A, "inner", null, List.of(), false, JAN, JAN));
                return null;
            });
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(store.find(A)).isEmpty();
    }

    @Test
    void profileSettings() {
        Instant created = store.createdAt();
        assertThat(created).isNotNull();
        assertThat(store.description()).isNull();

        store.transaction(() -> {
            store.setDescription("Running coach");
            return null;
        });
        assertThat(reopen().description()).isEqualTo("Running coach");
        assertThat(store.createdAt()).as("set once, when the profile was made").isEqualTo(created);

        store.transaction(() -> {
            store.setDescription(null);
            return null;
        });
        assertThat(store.description()).isNull();
    }

    @Test
    void changedAtMovesOnlyWhenSomethingIsWritten() {
        insert(memory(A, "a", null, List.of(), false, JAN, JAN));
        Instant afterInsert = store.changedAt();
        assertThat(afterInsert).isAfterOrEqualTo(store.createdAt());

        store.transaction(store::count);
        store.transaction(() -> store.delete(B));
        assertThat(reopen().changedAt()).isEqualTo(afterInsert);
    }

    @Test
    void tagsListsEveryTagInUseOnce() {
        insert(memory(A, "a", null, List.of("b", "a"), false, JAN, JAN), memory(B, "b", null, List.of("b", "c"), false, JAN, JAN));

        assertThat(store.tags()).containsExactly("a", "b", "c");
        assertThat(store.find(A).orElseThrow().tags()).containsExactly("a", "b");
    }
}
