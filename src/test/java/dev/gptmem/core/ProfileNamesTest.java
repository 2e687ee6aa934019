package dev.gptmem.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileNamesTest {
    private static final List<String> NAMES = List.of("coach", "default", "trainer", "work");

    @Test
    void aNameOneOrTwoEditsAwayIsTheOneMeant() {
        assertThat(ProfileNames.closest("trainr", NAMES)).contains("trainer");
        assertThat(ProfileNames.closest("trianer", NAMES)).contains("trainer");
        assertThat(ProfileNames.closest("train", NAMES)).contains("trainer");
        assertThat(ProfileNames.closest("couch", NAMES)).contains("coach");
        assertThat(ProfileNames.closest("wrk", NAMES)).contains("work");
        assertThat(ProfileNames.closest("defualt", NAMES)).contains("default");
    }

    @Test
    void nothingIsSuggestedWhenNoneIsCloseOrTwoAreEquallyClose() {
        assertThat(ProfileNames.closest("music", NAMES)).isEmpty();
        assertThat(ProfileNames.closest("wo", NAMES)).isEmpty();
        assertThat(ProfileNames.closest("trainer", NAMES)).isEmpty();
        assertThat(ProfileNames.closest("cat", List.of("bat", "cap"))).isEmpty();
        assertThat(ProfileNames.closest("x", List.of())).isEmpty();
    }

    @Test
    void distanceCountsASwapOfNeighboursAsOneEdit() {
        assertThat(ProfileNames.distance("ab", "ba")).isEqualTo(1);
        assertThat(ProfileNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ProfileNames.distance("", "abc")).isEqualTo(3);
        assertThat(ProfileNames.distance("same", "same")).isZero();
    }
}
