package dev.gptmem.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Home;
import dev.gptmem.core.ImportOptions;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryQuery;
import dev.gptmem.core.MemoryRules;
import dev.gptmem.core.MemoryService;
import dev.gptmem.core.ProfileService;
import dev.gptmem.core.ProfileStore;
import dev.gptmem.core.TransferService;
import dev.gptmem.search.LuceneSearch;
import dev.gptmem.store.H2Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any valid profile survives export → import into an empty profile → export unchanged, in json and
 * in jsonl: every character of every field, the dates to the millisecond, the order. Real H2 files
 * in a temporary home, through the same services the commands use.
 */
class ExportImportPropertyTest {
    private static final String P = "trainer";
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2999-12-31T23:59:59.999Z");
    /** How much later than its creation a memory may have changed, in milliseconds. */
    private static final long TEN_YEARS = 10L * 365 * 24 * 3600 * 1000;

    private static Path root;
    private static int homes;

    @BeforeContainer
    static void createRoot() throws IOException {
        root = Files.createTempDirectory("gptmem-property");
    }

    @AfterContainer
    static void deleteRoot() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 30)
    void jsonDocumentsRoundTrip(@ForAll("profiles") List<Memory> memories) {
        Services original = services(memories);
        String first = original.export(JsonMemoryWriter.Shape.DOCUMENT);
        Services copy = services(List.of());
        copy.importFrom(first);
        String second = copy.export(JsonMemoryWriter.Shape.DOCUMENT);

        // The document's head names the export time and the profile's own creation; the memories
        // that follow must match to the byte.
        assertThat(memoriesPart(second)).isEqualTo(memoriesPart(first));
        assertThat(read(second)).isEqualTo(expected(memories));
    }

    @Property(tries = 30)
    void jsonLinesRoundTrip(@ForAll("profiles") List<Memory> memories) {
        Services original = services(memories);
        String first = original.export(JsonMemoryWriter.Shape.LINES);
        Services copy = services(List.of());
        copy.importFrom(first);
        String second = copy.export(JsonMemoryWriter.Shape.LINES);

        assertThat(second).isEqualTo(first);
        assertThat(read(second)).isEqualTo(expected(memories));
    }

    @Provide
    Arbitrary<List<Memory>> profiles() {
        return memory().list().ofMaxSize(12).uniqueElements(Memory::id);
    }

    private Arbitrary<Memory> memory() {
        Arbitrary<String> id = Arbitraries.randomValue(random -> new UUID(
                (random.nextLong() & ~0xf000L) | 0x4000L,
                (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L).toString());
        Arbitrary<Instant> created = instants();
        Arbitrary<Long> laterBy = Arbitraries.longs().between(0, TEN_YEARS);
        Arbitrary<String> source = Arbitraries.oneOf(Arbitraries.of("cli", "shell", "import", "api", "mcp"),
                text(1, MemoryRules.MAX_SOURCE).filter(s -> !s.isBlank() && s.length() <= MemoryRules.MAX_SOURCE));
        return Combinators.combine(id, content(), optionalText(), optionalText(), optionalText(), tags(),
                        Arbitraries.of(true, false), source)
                .flatAs((i, content, name, summary, reason, tags, pinned, src) -> Combinators
                        .combine(created, laterBy)
                        .as((c, later) -> new Memory(i, content, name, summary, reason, tags, pinned, src, c,
                                c.plusMillis(later))));
    }

    /** Mostly short, sometimes exactly the longest allowed: 100,000 code points, most outside the BMP. */
    private Arbitrary<String> content() {
        Arbitrary<String> longest = Arbitraries.integers().between(0x1F300, 0x1FAFF)
                .map(Character::toString).list().ofSize(MemoryRules.MAX_TEXT)
                .map(cs -> String.join("", cs));
        return Arbitraries.frequencyOf(
                        Tuple.of(20, text(1, 300)),
                        Tuple.of(1, longest))
                .filter(s -> !s.isBlank());
    }

    /** Absent, or any text that is not blank (a blank optional field is stored as absent). */
    private Arbitrary<String> optionalText() {
        return text(1, 200).filter(s -> !s.isBlank()).injectNull(0.4);
    }

    /** Up to the most a memory may have, each made of any characters a tag allows, in normal form. */
    private Arbitrary<List<String>> tags() {
        Arbitrary<String> tag = text(1, MemoryRules.MAX_TAG).filter(ExportImportPropertyTest::isTag)
                .map(MemoryRules::tag);
        return tag.set().ofMaxSize(MemoryRules.MAX_TAGS).map(MemoryRules::tags);
    }

    private static boolean isTag(String raw) {
        try {
            MemoryRules.tag(raw);
            return true;
        } catch (GptmemException e) {
            return false;
        }
    }

    /** Any Unicode scalar value, control characters and NUL included; ASCII and a few scripts more often. */
    private static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0x00, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    }

    private static Arbitrary<String> text(int min, int max) {
        return codePoints().map(Character::toString).list().ofMinSize(min).ofMaxSize(max)
                .map(cs -> String.join("", cs));
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(EARLIEST.toEpochMilli(), LATEST.toEpochMilli() - TEN_YEARS)
                .map(Instant::ofEpochMilli);
    }

    /** What an export lists: oldest first, equal times in the order the memories were written. */
    private static List<IncomingMemory> expected(List<Memory> memories) {
        return memories.stream()
                .sorted(Comparator.comparing(Memory::createdAt))
                .map(m -> new IncomingMemory(m.id(), m.content(), m.name(), m.summary(), m.reason(), m.tags(),
                        m.pinned(), m.source(), m.createdAt(), m.updatedAt()))
                .collect(Collectors.toList());
    }

    private static List<IncomingMemory> read(String exported) {
        List<IncomingMemory> read = new ArrayList<>();
        try (JsonMemoryReader reader = new JsonMemoryReader(
                new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)), w -> { })) {
            for (IncomingMemory m = reader.next(); m != null; m = reader.next()) {
                read.add(m);
            }
        }
        return read;
    }

    private static String memoriesPart(String document) {
        int at = document.indexOf("\"memories\"");
        assertThat(at).as("the document has a memories array").isPositive();
        return document.substring(at);
    }

    private Services services(List<Memory> memories) {
        Path home = root.resolve("home-" + homes++);
        H2Storage storage = new H2Storage(new Home(home), Duration.ofSeconds(5), () -> "test", new LuceneSearch());
        MemoryService service = new MemoryService(storage);
        new ProfileService(new Home(home), storage).create(P, "A profile of random memories");
        if (!memories.isEmpty()) {
            try (ProfileStore store = storage.open(P, false)) {
                store.transaction(() -> {
                    memories.forEach(store::insert);
                    return null;
                });
            }
        }
        return new Services(new TransferService(storage, service));
    }

    private record Services(TransferService transfer) {
        String export(JsonMemoryWriter.Shape shape) {
            StringWriter out = new StringWriter();
            try (JsonMemoryWriter writer = new JsonMemoryWriter(out, shape)) {
                transfer.export(P, MemoryQuery.all(), null, writer);
            }
            return out.toString();
        }

        void importFrom(String exported) {
            try (JsonMemoryReader reader = new JsonMemoryReader(
                    new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)), w -> {
                        throw new UncheckedIOException(new IOException("unexpected warning: " + w));
                    })) {
                transfer.importFrom(P, reader, new ImportOptions(ImportOptions.OnConflict.FAIL, false, false));
            }
        }
    }
}
