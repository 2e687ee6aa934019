package dev.gptmem.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages in man/ are what the commands say now. With {@code -Dman.update=true} the test writes
 * the pages that differ instead, dated today, so a change to a command is followed by
 * {@code ./mvnw -q test -Dtest=ManPagesTest -Dman.update=true}.
 */
class ManPagesTest {
    private static final Path DIR = Path.of("man");
    private static final String REGENERATE = "./mvnw -q test -Dtest=ManPagesTest -Dman.update=true";
    private static final Set<String> REQUESTS = Set.of("TH", "SH", "SS", "TP", "PP", "RS", "RE", "nf", "fi", "nh", "ad",
            "\\\"");
    /** The date in a page's title line: the one thing in it the commands do not decide. */
    private static final Pattern DATE = Pattern.compile("(?m)^(\\.TH \\S+ 1) (\\S+|\"\")");

    @Test
    void committedPagesAreThoseTheCommandsMake() throws IOException {
        boolean update = Boolean.getBoolean("man.update");
        Map<String, String> pages = ManPages.all();
        List<String> outOfDate = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = DIR.resolve(page.getKey());
            if (Files.isRegularFile(file) && undated(Files.readString(file, StandardCharsets.UTF_8)).equals(page.getValue())) {
                continue;
            }
            if (update) {
                Files.createDirectories(DIR);
                Files.writeString(file, DATE.matcher(page.getValue()).replaceFirst("$1 " + LocalDate.now()),
                        StandardCharsets.UTF_8);
            } else {
                outOfDate.add(file.toString());
            }
        }
        for (Path file : committed()) {
            if (!pages.containsKey(file.getFileName().toString())) {
                if (update) {
                    Files.delete(file);
                } else {
                    outOfDate.add(file + " (no such command)");
                }
            }
        }
        assertThat(outOfDate).as("man pages that differ from what the commands say; regenerate them with: %s",
                REGENERATE).isEmpty();
    }

    @Test
    void aPageForGptmemAndEachCommandButNoneForTheHiddenOne() {
        assertThat(ManPages.all().keySet()).contains("gptmem.1", "gptmem-add.1", "gptmem-list.1", "gptmem-profile.1",
                "gptmem-shell.1").allMatch(name -> name.matches("gptmem(-[a-z]+)?\\.1"));
        assertThat(ManPages.all().values()).noneMatch(page -> page.contains("__complete"));
    }

    @Test
    void everyPageHasTheUsualSectionsAndNoTextReadsAsARequest() {
        ManPages.all().forEach((name, page) -> {
            assertThat(page).as(name).contains(".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n", ".SH OPTIONS\n",
                    ".SH EXAMPLES\n", ".SH \"EXIT STATUS\"\n", ".SH ENVIRONMENT\n", ".SH FILES\n", ".SH \"SEE ALSO\"\n");
            page.lines().filter(line -> line.startsWith(".") || line.startsWith("'")).forEach(line ->
                    assertThat(line.substring(1).split(" ")[0]).as("%s: %s", name, line).isIn(REQUESTS));
        });
    }

    private static String undated(String page) {
        return DATE.matcher(page).replaceFirst("$1 \"\"");
    }

    private static List<Path> committed() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".1")).sorted().toList();
        }
    }
}
