package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTest {
    @TempDir
    Path dir;

    /** The descriptor this process has open on {@code file}, found the way the check looks: through /proc. */
    private static OptionalInt descriptorOf(Path file) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                    return false; // closed while listing, such as the listing's own descriptor
                }
            }).mapToInt(fd -> Integer.parseInt(fd.getFileName().toString())).findFirst();
        }
    }

    @Test
    void aDescriptorOnAFileIsSurelyNotATerminal() throws IOException {
        Path file = dir.toRealPath().resolve("out.txt");
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
            OptionalInt fd = descriptorOf(file);

            assertThat(fd).isPresent();
            assertThat(Terminal.isSurelyNotTerminal(fd.getAsInt())).isTrue();
        }
    }

    @Test
    void aDescriptorThatIsNotOpenCannotBeToldSoIsLeftToTheNativeCheck() {
        assertThat(Terminal.isSurelyNotTerminal(1_000_000)).isFalse();
    }
}
