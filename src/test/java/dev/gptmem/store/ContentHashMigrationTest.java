package dev.gptmem.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.Home;
import dev.gptmem.core.ImportFormat;
import dev.gptmem.core.ImportOptions;
import dev.gptmem.core.ImportResult;
import dev.gptmem.core.MemoryDraft;
import dev.gptmem.core.MemoryQuery;
import dev.gptmem.core.MemoryService;
import dev.gptmem.core.TransferService;
import dev.gptmem.io.ImportReaders;
import dev.gptmem.search.LuceneSearch;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles written before duplicate detection get their content hashes on first open, losing nothing. */
class ContentHashMigrationTest {
    @TempDir
    Path home;

    @Test
    void aProfileOfSchema2IsHashedOnOpenAndItsContentFoundAsDuplicates() throws Exception {
        H2Storage storage = new H2Storage(new Home(home), Duration.ofSeconds(5), () -> "test", new LuceneSearch());
        MemoryService memories = new MemoryService(storage);
        Path file = storage.file("old");
        String url = schema2Profile(file);
        List<String> before = exported(memories);

        assertThat(memories.add("old", new MemoryDraft("old memory 1", null, null, null, List.of(), false, "cli"))
                .duplicate()).isTrue();
        // A duplicate says what the old memory says: its content, name 'n' and reason 'r'.
        String records = "{\"content\":\"old memory 0\",\"name\":\"n\",\"reason\":\"r\"}\n"
                + "{\"content\":\"new memory\"}\n";
        ImportResult result = new TransferService(storage, memories).importFrom("old", ImportReaders.open(
                new ByteArrayInputStream(records.getBytes(StandardCharsets.UTF_8)),
                ImportFormat.GPTMEM, w -> { }), new ImportOptions(ImportOptions.OnConflict.SKIP, false, false));

        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        List<String> after = exported(memories);
        assertThat(after).containsAll(before).hasSize(4);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT MAX(version), COUNT(*) FROM schema_migration")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(3);
            assertThat(rows.getInt(2)).isEqualTo(3);
        }
    }

    /**
     * Writes a profile as gptmem wrote it before duplicate detection (schema 2): two memories,
     * tagged {@code legacy}. Returns the JDBC URL of the file.
     */
    static String schema2Profile(Path file) throws SQLException {
        String url = "jdbc:h2:file:" + file.toString().replace(".mv.db", "");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // The schema exactly as migrations 1 and 2 made it.
            Migrations.ALL.get(0).step().apply(new Jdbc(c, "old"));
            Migrations.ALL.get(1).step().apply(new Jdbc(c, "old"));
            s.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY,"
                    + " description CHARACTER VARYING(200) NOT NULL, applied_at TIMESTAMP(3) WITH TIME ZONE NOT NULL)");
            s.execute("INSERT INTO schema_migration VALUES (1, 'memories and profile settings', CURRENT_TIMESTAMP),"
                    + " (2, 'insertion order and the search index', CURRENT_TIMESTAMP)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO memory(id, content, name, summary, reason,"
                    + " tags, pinned, source, created_at, updated_at) VALUES (?, ?, 'n', NULL, 'r', ?, TRUE, 'cli',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00Z', TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00Z')")) {
                for (int i = 0; i < 2; i++) {
                    insert.setString(1, "0000000" + i + "-0000-4000-8000-000000000000");
                    insert.setString(2, "old memory " + i);
                    insert.setObject(3, new String[] {"legacy"});
                    insert.executeUpdate();
                }
            }
        }
        return url;
    }

    private static List<String> exported(MemoryService memories) {
        List<String> all = new ArrayList<>();
        memories.list("old", MemoryQuery.all(), m -> all.add(m.toString()));
        return all;
    }
}
