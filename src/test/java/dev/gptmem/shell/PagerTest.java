package dev.gptmem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagerTest {

    @Test
    void textLongerThanTheScreenOnceWrappedGoesToThePager() {
        assertThat(Pager.tooLong("a".repeat(50), 1, 80)).isFalse();
        assertThat(Pager.tooLong("a".repeat(81), 1, 80)).isTrue();
        assertThat(Pager.tooLong("one\ntwo\nthree", 2, 80)).isTrue();
        assertThat(Pager.tooLong("one\ntwo", 2, 80)).isFalse();
    }

    @Test
    void wideCharactersTakeTwoColumnsAndColourCodesNone() {
        assertThat(Pager.tooLong("日".repeat(50), 1, 80)).isTrue();
        assertThat(Pager.tooLong("日".repeat(40), 1, 80)).isFalse();
        assertThat(Pager.tooLong("\u001b[1;31m" + "a".repeat(78) + "\u001b[0m", 1, 80)).isFalse();
    }
}
