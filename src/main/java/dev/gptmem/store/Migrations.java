package dev.gptmem.store;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Times;
import java.util.List;

/**
 * Numbered schema changes, each applied once and recorded in the profile's own
 * {@code schema_migration} table. New changes are appended; applied ones are never edited.
 * H2 commits around DDL, so every statement is written to be safe to run again after a crash.
 */
final class Migrations {

    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "memories and profile settings", List.of(
                    "CREATE TABLE IF NOT EXISTS memory ("
                            + " id CHARACTER VARYING(36) PRIMARY KEY,"
                            // 100,000 code points may take up to 200,000 UTF-16 chars.
                            + " content CHARACTER VARYING(200000) NOT NULL,"
                            + " name CHARACTER VARYING(200000),"
                            + " summary CHARACTER VARYING(200000),"
                            + " reason CHARACTER VARYING(200000),"
                            // Tags live in the row: a tag table with its indexes made every
                            // write several times dearer, and filtering a profile by tag is a
                            // scan that takes milliseconds even at 64k memories.
                            + " tags CHARACTER VARYING(128) ARRAY NOT NULL,"
                            + " pinned BOOLEAN NOT NULL DEFAULT FALSE,"
                            + " source CHARACTER VARYING(32) NOT NULL,"
                            + " created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,"
                            + " updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL)",
                    // Lets export and list stream in order instead of sorting everything first.
                    "CREATE INDEX IF NOT EXISTS memory_created ON memory(created_at, id)",
                    "CREATE TABLE IF NOT EXISTS profile_setting ("
                            + " name CHARACTER VARYING(64) PRIMARY KEY,"
                            + " setting_value CHARACTER VARYING(100000))")));

    private Migrations() {
    }

    /** The schema version, creating the history table in a new file; an up-to-date profile is only read. */
    private static int currentVersion(Jdbc jdbc) {
        boolean known = jdbc.queryOne("read schema history",
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                        + " AND TABLE_NAME = 'SCHEMA_MIGRATION'", row -> row.getInt(1) > 0).orElse(false);
        if (!known) {
            jdbc.execute("prepare schema history", "CREATE TABLE IF NOT EXISTS schema_migration ("
                    + " version INTEGER PRIMARY KEY,"
                    + " description CHARACTER VARYING(200) NOT NULL,"
                    + " applied_at TIMESTAMP(3) WITH TIME ZONE NOT NULL)");
            return 0;
        }
        return jdbc.queryOne("read schema version",
                "SELECT COALESCE(MAX(version), 0) FROM schema_migration", row -> row.getInt(1)).orElse(0);
    }

    /** Brings the schema up to date inside the caller's transaction; returns true if anything ran. */
    static boolean apply(Jdbc jdbc, String profile) {
        int current = currentVersion(jdbc);
        int latest = ALL.get(ALL.size() - 1).version();
        if (current > latest) {
            throw GptmemException.failure("profile '" + profile + "' was written by a newer gptmem (schema "
                    + current + ", this one knows up to " + latest + "); upgrade gptmem to use it");
        }
        boolean ran = false;
        for (Migration migration : ALL) {
            if (migration.version() <= current) {
                continue;
            }
            for (String sql : migration.statements()) {
                jdbc.execute("migrate schema to version " + migration.version(), sql);
            }
            jdbc.update("record schema version",
                    "INSERT INTO schema_migration(version, description, applied_at) VALUES (?, ?, ?)",
                    migration.version(), migration.description(), Times.now());
            ran = true;
        }
        return ran;
    }
}
