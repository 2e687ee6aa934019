package dev.gptmem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryReader;
import dev.gptmem.core.MemoryWriter;
import dev.gptmem.core.ProfileInfo;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a backup of every profile: what the writer wrote, and every way such a document can be wrong. */
class JsonHomeReaderTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String HEAD = "{\"format\": \"gptmem-export\", \"version\": 1, \"profiles\": [";

    private static JsonHomeReader reader(String json) {
        return new JsonHomeReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), w -> { });
    }

    /** "name: content, content" per profile, reading every memory. */
    private static List<String> readAll(String json) {
        List<String> profiles = new ArrayList<>();
        try (JsonHomeReader backup = reader(json)) {
            for (MemoryReader memories = backup.next(); memories != null; memories = backup.next()) {
                List<String> contents = new ArrayList<>();
                for (IncomingMemory m = memories.next(); m != null; m = memories.next()) {
                    contents.add(m.content());
                }
                profiles.add(backup.profile() + ": " + String.join(", ", contents)
                        + memories.profileDescription().map(d -> " (" + d + ")").orElse(""));
            }
        }
        return profiles;
    }

    private static GptmemException failure(String json) {
        try {
            readAll(json);
        } catch (GptmemException e) {
            return e;
        }
        throw new AssertionError("read without an error: " + json);
    }

    @Test
    void readsWhatTheHomeWriterWrites() {
        StringWriter out = new StringWriter();
        try (JsonHomeWriter writer = new JsonHomeWriter(out)) {
            writer.begin();
            for (String name : List.of("alpha", "beta")) {
                MemoryWriter profile = writer.profile();
                profile.begin(new ProfileInfo(name, "about " + name, T, T, 1, 0, null, false));
                profile.write(new Memory("00000000-0000-4000-8000-00000000000" + name.length(), "in " + name, null,
                        null, null, List.of(), false, "cli", T, T));
                profile.end();
            }
            writer.end();
        }

        assertThat(readAll(out.toString())).containsExactly("alpha: in alpha (about alpha)", "beta: in beta (about beta)");
        try (JsonHomeReader backup = reader(out.toString())) {
            assertThat(backup.next().profileCreatedAt()).contains(T);
        }
    }

    @Test
    void memoriesNotAskedForAreReadPast() {
        try (JsonHomeReader backup = reader(HEAD + "{\"profile\": {\"name\": \"a\"}, \"memories\": [{\"content\": \"1\"},"
                + " {\"content\": \"2\"}], \"extra\": {\"x\": [1]}}, {\"profile\": {\"name\": \"b\"}, \"memories\": []}],"
                + " \"later\": true}")) {
            assertThat(backup.next()).isNotNull();
            assertThat(backup.next().next()).isNull();
            assertThat(backup.profile()).isEqualTo("b");
            assertThat(backup.next()).isNull();
        }
    }

    @Test
    void malformedBackupsFailNamingWhere() {
        assertThat(failure(HEAD + "1]}").getMessage()).contains("each entry of 'profiles' must be an object");
        assertThat(failure(HEAD + "{\"memories\": [], \"profile\": {\"name\": \"a\"}}]}").getMessage())
                .contains("'profile', with its name, must come before 'memories'");
        assertThat(failure(HEAD + "{\"profile\": {\"name\": \"a\"}}]}").getMessage()).contains("has no 'memories'");
        assertThat(failure(HEAD + "{\"profile\": {\"name\": \"A B\"}, \"memories\": []}]}").getMessage())
                .contains("invalid profile name 'A B'");
        assertThat(failure(HEAD + "]} {}").getMessage()).contains("unexpected data after the end");
        assertThat(failure(HEAD + "{\"profile\": {\"name\": \"a\"}, \"memories\": [").getMessage())
                .contains("line 1");
        assertThat(failure("{\"format\": \"gptmem-export\", \"version\": 2, \"profiles\": []}").getMessage())
                .contains("unsupported export version 2");
        assertThat(failure("{\"format\": \"other\", \"profiles\": []}").getMessage()).contains("unknown format 'other'");
        assertThat(failure("{\"format\": \"gptmem-export\", \"version\": 1}").getMessage())
                .contains("'profiles' is missing");
        assertThat(failure("").getMessage()).contains("empty");
    }

    @Test
    void otherDocumentsAreUsageErrorsThatSayWhatToDo() {
        GptmemException single = failure("{\"format\": \"gptmem-export\", \"version\": 1, \"profile\": {}, \"memories\": []}");
        assertThat(single.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(single.getMessage()).contains("an export of one profile", "without --all");
        for (String other : List.of("[{\"content\": \"x\"}]", "{\"content\": \"x\"}\n")) {
            GptmemException e = failure(other);
            assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(e.getMessage()).contains("not a backup of every profile", "without --all");
        }
        assertThatThrownBy(() -> new JsonMemoryReader(new ByteArrayInputStream((HEAD + "]}")
                .getBytes(StandardCharsets.UTF_8)), w -> { }).next())
                .isInstanceOf(GptmemException.class).hasMessageContaining("gptmem import --all");
    }
}
