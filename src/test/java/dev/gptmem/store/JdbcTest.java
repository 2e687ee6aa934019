package dev.gptmem.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JdbcTest {
    private final Jdbc jdbc = new Jdbc(null, "default");

    @Test
    void aFailedWriteUnderH2sWrappingSaysWhatTheSystemSaid() {
        // The shape H2 gives a write to a full disk: its exceptions around the system's, one of
        // them also suppressed in another, so the chain must not be followed blindly.
        IOException disk = new IOException("No space left on device");
        RuntimeException store = new RuntimeException("Writing to sun.nio.ch.FileChannelImpl@8109b12 failed;"
                + " length 1413120 at 30011392 [2.5.252/2]", disk);
        SQLException inner = new SQLException("General error: \"" + store + "\" [50000-252]", store);
        store.addSuppressed(inner);
        SQLException outer = new SQLException("General error: \"General error: \"\"" + store + "\"\"\"", inner);

        assertThat(jdbc.failure("add memory 1", outer).getMessage())
                .isEqualTo("cannot add memory 1 in profile 'default': no space left on device");
    }

    @Test
    void anyOtherFailureKeepsH2sMessage() {
        SQLException e = new SQLException("Unique index or primary key violation", new IllegalStateException("x"));

        assertThat(jdbc.failure("add memory 1", e).getMessage())
                .isEqualTo("cannot add memory 1 in profile 'default': Unique index or primary key violation");
    }

    @Test
    void aChainThatLoopsEnds() {
        SQLException a = new SQLException("a");
        SQLException b = new SQLException("b", a);
        a.initCause(b);

        assertThat(jdbc.failure("read", a).getMessage()).isEqualTo("cannot read in profile 'default': a");
    }
}
