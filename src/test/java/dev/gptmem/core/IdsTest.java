package dev.gptmem.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
    private static final String ID = "3f2a9c1e-0b4d-4e5f-8a6b-7c8d9e0f1a2b";

    @Test
    void newIdsAreDistinctVersion4Uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Ids.newId();
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(Ids.isFull(id)).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void isFullAcceptsOnlyLowercaseCanonicalUuids() {
        assertThat(Ids.isFull(ID)).isTrue();
        assertThat(Ids.isFull(ID.toUpperCase())).isFalse();
        assertThat(Ids.isFull(ID.substring(1))).isFalse();
        assertThat(Ids.isFull(ID.replace("-", ""))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3f2a", "3F2A9C", " 3f2a9c1e-0b ", "3f2a9c1e-0b4d-4e5f-8a6b-7c8d9e0f1a2b"})
    void prefixesOfFourOrMoreHexDigitsAreNormalised(String typed) {
        assertThat(Ids.prefix(typed)).isEqualTo(typed.strip().toLowerCase()).startsWith("3f2a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3f2", "zzzz", "3f2g", "-3f2a", "3f2a%", "3f2a_", "3f2a9c1e-0b4d-4e5f-8a6b-7c8d9e0f1a2b0"})
    void prefixesThatCanNeverMatchAreUsageErrors(String typed) {
        assertThatThrownBy(() -> Ids.prefix(typed)).isInstanceOf(GptmemException.class)
                .hasMessageContaining("invalid id")
                .extracting(e -> ((GptmemException) e).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void importedIdsAreFullUuidsStoredLowercase() {
        assertThat(Ids.imported(" " + ID.toUpperCase() + " ")).isEqualTo(ID);
        assertThatThrownBy(() -> Ids.imported("3f2a9c1e")).isInstanceOf(GptmemException.class)
                .hasMessageContaining("expected a UUID");
    }

    @Test
    void shortIdIsTheFirstEightCharacters() {
        assertThat(Ids.shortId(ID)).isEqualTo("3f2a9c1e");
    }
}
