package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour, run as written: every {@code sh} block in order, in one bash session with
 * {@code set -e}, against the packaged jar behind a {@code gptmem} command on the PATH and a fresh
 * home. Only the set-up block (install and build) is left out, since this suite is that build.
 */
class ReadmeIT {
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path home;

    @Test
    void everyTourExampleRunsAsShown() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = SH_BLOCK.matcher(readme);
        while (m.find()) {
            if (!m.group(1).contains("./install.sh")) {
                blocks.add(m.group(1));
            }
        }
        assertThat(blocks).as("sh examples in README.md").hasSizeGreaterThan(5);

        Path bin = Files.createDirectories(home.resolve("bin"));
        Path launcher = bin.resolve("gptmem");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -jar '" + GptmemProcess.jar() + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Path work = Files.createDirectories(home.resolve("work"));
        Path script = home.resolve("tour.sh");
        Files.writeString(script, "set -eu\nset -x\ncd '" + work + "'\n" + String.join("\n", blocks));

        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GPTMEM_") || k.equals("XDG_DATA_HOME"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("EDITOR", "true");
        pb.environment().remove("VISUAL");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("README tour failed; transcript:%n%s", output).isZero();
        assertThat(output).doesNotContain("gptmem: ");
        assertThat(home.resolve(".local/share/gptmem/profiles/restored.mv.db")).exists();
        assertThat(Files.list(home.resolve("gptmem-backups")).count()).isEqualTo(1);
    }
}
