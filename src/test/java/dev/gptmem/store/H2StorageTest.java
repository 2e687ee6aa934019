package dev.gptmem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gptmem.search.LuceneSearch;
import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Home;
import dev.gptmem.core.Memory;
import dev.gptmem.core.ProfileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StorageTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private Path homeDir() {
        return tmp.resolve("home");
    }

    private H2Storage storage(Duration lockTimeout, String holder) {
        return new H2Storage(new Home(homeDir()), lockTimeout, () -> holder, new LuceneSearch());
    }

    private H2Storage storage() {
        return storage(Duration.ofSeconds(5), "test");
    }

    private static Memory memory(String id, String content) {
        return new Memory(id, content, null, null, null, List.of(), false, "cli", T, T);
    }

    private static void insert(ProfileStore store, Memory m) {
        store.transaction(() -> {
            store.insert(m);
            return null;
        });
    }

    private static int exitCode(Throwable e) {
        return ((GptmemException) e).exitCode();
    }

    @Test
    void createdFilesAndFoldersAreOwnerOnly() throws IOException {
        try (ProfileStore store = storage().open("trainer", true)) {
            insert(store, memory("00000000-0000-4000-8000-000000000001", "x"));
        }

        assertThat(Files.getPosixFilePermissions(homeDir())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Path profiles = homeDir().resolve("profiles");
        assertThat(Files.getPosixFilePermissions(profiles)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(profiles.resolve("trainer.mv.db")).isRegularFile();
        try (Stream<Path> files = Files.list(profiles)) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString()).contains("trainer.mv.db", "trainer.lock");
            for (Path f : all) {
                assertThat(Files.getPosixFilePermissions(f)).as("%s", f)
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Test
    void schemaMigrationTableRecordsEachVersionOnce() throws SQLException {
        H2Storage storage = storage();
        storage.open("trainer", true).close();
        storage.open("trainer", false).close();

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + homeDir().resolve("profiles/trainer"));
             Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT version, description, applied_at FROM schema_migration"
                     + " ORDER BY version")) {
            for (int version = 1; version <= Migrations.ALL.size(); version++) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("version")).isEqualTo(version);
                assertThat(rows.getString("description")).isNotBlank();
                assertThat(rows.getObject("applied_at")).isNotNull();
            }
            assertThat(rows.next()).as("each migration, applied once").isFalse();
        }
    }

    @Test
    void profileWrittenByANewerSchemaIsRefused() throws SQLException {
        H2Storage storage = storage();
        storage.open("trainer", true).close();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + homeDir().resolve("profiles/trainer"));
             Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO schema_migration VALUES (" + (Migrations.ALL.size() + 1)
                    + ", 'from the future', CURRENT_TIMESTAMP)");
        }

        assertThatThrownBy(() -> storage.open("trainer", false)).isInstanceOf(GptmemException.class)
                .hasMessageContaining("newer gptmem").hasMessageContaining("trainer");
        assertThatThrownBy(() -> storage(Duration.ofMillis(100), "again").open("trainer", false))
                .as("the failed open released its lock").hasMessageContaining("newer gptmem");
    }

    @Test
    void dataSurvivesClosingAndReopening() {
        H2Storage storage = storage();
        try (ProfileStore store = storage.open("trainer", true)) {
            insert(store, memory("00000000-0000-4000-8000-000000000001", "kept"));
        }

        try (ProfileStore store = storage().open("trainer", false)) {
            assertThat(store.find("00000000-0000-4000-8000-000000000001")).map(Memory::content).contains("kept");
        }
    }

    @Test
    void openingAMissingProfileWithoutCreateIsNotFoundAndCreatesNothing() {
        assertThatThrownBy(() -> storage().open("nobody", false)).isInstanceOf(GptmemException.class)
                .hasMessageContaining("no profile 'nobody'")
                .satisfies(e -> assertThat(exitCode(e)).isEqualTo(ExitCodes.NOT_FOUND));
        assertThat(homeDir().resolve("profiles/nobody.mv.db")).doesNotExist();
    }

    @Test
    void listsProfilesSortedIgnoringOtherFiles() throws IOException {
        H2Storage storage = storage();
        assertThat(storage.profiles()).isEmpty();
        storage.open("zeta", true).close();
        storage.open("alpha", true).close();
        Files.writeString(homeDir().resolve("profiles/Not A Profile.mv.db"), "");
        Files.writeString(homeDir().resolve("profiles/notes.txt"), "");

        assertThat(storage.profiles()).containsExactly("alpha", "zeta");
        assertThat(storage.exists("alpha")).isTrue();
        assertThat(storage.exists("beta")).isFalse();
        assertThat(storage.sizeOnDisk("alpha")).isPositive();
        assertThat(storage.sizeOnDisk("beta")).isZero();
    }

    @Test
    void fileNamesAreOnlyBuiltFromValidProfileNames() {
        assertThat(storage().file("trainer")).isEqualTo(homeDir().resolve("profiles/trainer.mv.db").toAbsolutePath());
        for (String bad : List.of("../x", "A", "a/b", "")) {
            assertThatThrownBy(() -> storage().file(bad)).isInstanceOf(GptmemException.class)
                    .satisfies(e -> assertThat(exitCode(e)).isEqualTo(ExitCodes.USAGE));
        }
    }

    @Test
    void deleteRemovesTheProfileAndItsLockFile() {
        H2Storage storage = storage();
        storage.open("trainer", true).close();

        storage.delete("trainer");

        assertThat(storage.exists("trainer")).isFalse();
        assertThat(homeDir().resolve("profiles/trainer.lock")).doesNotExist();
        assertThat(storage.profiles()).isEmpty();
    }

    @Test
    void renameMovesTheDataAndRefusesToOverwrite() {
        H2Storage storage = storage();
        try (ProfileStore store = storage.open("old", true)) {
            insert(store, memory("00000000-0000-4000-8000-000000000001", "moved"));
        }
        storage.open("taken", true).close();

        assertThatThrownBy(() -> storage.rename("old", "taken")).isInstanceOf(GptmemException.class)
                .hasMessageContaining("already exists");
        storage.rename("old", "new");

        assertThat(storage.profiles()).containsExactly("new", "taken");
        try (ProfileStore store = storage.open("new", false)) {
            assertThat(store.count()).isEqualTo(1);
            assertThat(store.name()).isEqualTo("new");
        }
    }

    // One command at a time holds a profile: a second open waits, then gives up naming the holder.

    @Test
    void secondOpenInTheSameJvmWaitsThenFailsNamingProfileAndHolder() {
        Duration timeout = Duration.ofMillis(300);
        try (ProfileStore held = storage(Duration.ofSeconds(5), "gptmem import").open("trainer", true)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> storage(timeout, "gptmem list").open("trainer", false))
                    .isInstanceOf(GptmemException.class)
                    .hasMessageContaining("profile 'trainer' is busy")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid() + " (gptmem import)")
                    .satisfies(e -> assertThat(exitCode(e)).isEqualTo(ExitCodes.FAILURE));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
            assertThat(held.count()).as("the holder is unaffected").isZero();
        }
    }

    @Test
    void busyMessageSaysHowLongItWaited() {
        try (ProfileStore held = storage().open("trainer", true)) {
            assertThatThrownBy(() -> storage(Duration.ofMillis(200), "second").open("trainer", false))
                    .message().containsPattern("gave up after (0\\.2 ?s|200 ?ms)");
        }
    }

    @Test
    void readNowFailsAtOnceForABusyProfileNamingItsHolder() {
        try (ProfileStore held = storage().open("trainer", true)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> storage(Duration.ofSeconds(30), "gptmem profile list").readNow("trainer"))
                    .message()
                    .startsWith("profile 'trainer' is busy: held by pid " + ProcessHandle.current().pid()
                            + " (test) since ")
                    .doesNotContain("gave up");
            assertThat(held.count()).as("the holder is unaffected").isZero();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFileThatIsNotH2OrIsDamagedSaysSoInWords() throws IOException {
        Files.createDirectories(homeDir().resolve("profiles"));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1};
        Files.write(homeDir().resolve("profiles/photo.mv.db"), jpeg);
        Files.writeString(homeDir().resolve("profiles/cut.mv.db"), "H:2,block:8,blockSize:1000,chunk:c,clean:1");

        assertThatThrownBy(() -> storage().open("photo", false)).hasMessage("profile 'photo' is not a gptmem profile: "
                + homeDir().resolve("profiles/photo.mv.db") + " is not an H2 database file");
        assertThatThrownBy(() -> storage().read("cut", false)).hasMessage("profile 'cut' is damaged or cannot be read: "
                + homeDir().resolve("profiles/cut.mv.db") + " (run again with --debug for H2's own words)");
        assertThat(Files.readAllBytes(homeDir().resolve("profiles/photo.mv.db"))).hasSize(5);
    }

    @Test
    void waitingOpenSucceedsOnceTheHolderCloses() throws Exception {
        ProfileStore held = storage().open("trainer", true);
        insert(held, memory("00000000-0000-4000-8000-000000000001", "x"));
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            try (ProfileStore store = storage(Duration.ofSeconds(30), "second").open("trainer", false)) {
                return store.count();
            }
        });
        while (waiter.get() == null || waiter.get().getState() != Thread.State.TIMED_WAITING) {
            assertThat(second).as("must wait while the profile is held").isNotDone();
            Thread.onSpinWait();
        }

        held.close();

        assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void deletingAHeldProfileFailsAndKeepsIt() {
        try (ProfileStore held = storage().open("trainer", true)) {
            H2Storage other = storage(Duration.ofMillis(100), "rm");

            assertThatThrownBy(() -> other.delete("trainer")).hasMessageContaining("busy");
            assertThat(other.exists("trainer")).isTrue();
        }
    }

    /**
     * A failed second open in the same JVM must not release the holder's lock: another process
     * would then be able to open the profile while it is in use.
     */
    @Test
    void failedSecondOpenKeepsOtherProcessesOut() throws Exception {
        Path lockFile = homeDir().resolve("profiles/trainer.lock");
        try (ProfileStore held = storage().open("trainer", true)) {
            assertThat(lockStateSeenByAnotherProcess(lockFile)).isEqualTo("held");

            assertThatThrownBy(() -> storage(Duration.ofMillis(50), "second").open("trainer", false))
                    .hasMessageContaining("busy");

            assertThat(lockStateSeenByAnotherProcess(lockFile)).isEqualTo("held");
        }
        assertThat(lockStateSeenByAnotherProcess(lockFile)).isEqualTo("free");
    }

    private String lockStateSeenByAnotherProcess(Path lockFile) throws IOException, InterruptedException {
        Path probe = tmp.resolve("LockProbe.java");
        Files.writeString(probe, String.join("\n",
                "import java.nio.channels.FileChannel;",
                "import java.nio.file.Path;",
                "import java.nio.file.StandardOpenOption;",
                "public class LockProbe {",
                "    public static void main(String[] args) throws Exception {",
                "        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {",
                "            System.out.print(c.tryLock() == null ? \"held\" : \"free\");",
                "        }",
                "    }",
                "}"), StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, probe.toString(), lockFile.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.strip();
    }
}
