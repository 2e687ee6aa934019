package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Output that never reached its reader: a failure, unless the reader left on purpose. */
class StandardOutputTest {
    private final StringWriter errText = new StringWriter();
    private final PrintWriter err = new PrintWriter(errText);
    private final CliContext context = new CliContext(Map.of(), InputStream.nullInputStream(), Terminal.PIPES);

    /** A stream whose writes all fail with the system's words. */
    private static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    @Test
    void aFullDiskFailsACommandThatOtherwiseSucceeded() {
        StandardOutput out = new StandardOutput(failing("No space left on device"));
        out.println("a memory");

        assertThat(Cli.outputChecked(ExitCodes.OK, out.failure(), context, err)).isEqualTo(ExitCodes.FAILURE);
        assertThat(errText.toString()).isEqualTo("gptmem: cannot write to standard output: no space left on device"
                + System.lineSeparator());
    }

    @Test
    void aReaderThatWentAwayEndsTheCommandQuietly() {
        StandardOutput out = new StandardOutput(failing("Broken pipe"));
        out.println("a memory");

        assertThat(Cli.outputChecked(ExitCodes.OK, out.failure(), context, err)).isEqualTo(ExitCodes.BROKEN_PIPE);
        assertThat(StandardOutput.lost(out)).isInstanceOf(StandardOutput.Closed.class);
        assertThat(errText.toString()).isEmpty();
    }

    @Test
    void aCommandThatFailedKeepsItsOwnCodeAndMessage() {
        StandardOutput out = new StandardOutput(failing("No space left on device"));
        out.println("a memory");

        assertThat(Cli.outputChecked(ExitCodes.NOT_FOUND, out.failure(), context, err)).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(errText.toString()).isEmpty();
    }

    @Test
    void outputThatArrivedChangesNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StandardOutput out = new StandardOutput(bytes);
        out.println("Prefers metric units — 💊");

        assertThat(Cli.outputChecked(ExitCodes.OK, out.failure(), context, err)).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("Prefers metric units — 💊" + System.lineSeparator());
        assertThat(errText.toString()).isEmpty();
    }
}
