package dev.gptmem.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.Home;
import dev.gptmem.core.MemoryDraft;
import dev.gptmem.core.MemoryService;
import dev.gptmem.core.SearchPage;
import dev.gptmem.core.SearchResult;
import dev.gptmem.store.H2Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranking order on a small hand-written profile. */
class SearchRankingTest {
    @TempDir
    Path home;

    private MemoryService memories;

    @BeforeEach
    void seed() {
        memories = new MemoryService(new H2Storage(new Home(home), Duration.ofSeconds(5), () -> "test",
                new LuceneSearch()));
        add("Editor notes", null, List.of(), "Uses vim for everything; vim keybindings in the browser too");
        add("Laptop", null, List.of(), "The laptop runs Linux, and vim is installed on it among many other tools"
                + " such as a browser, a mail client, a music player and a photo manager");
        add("Vim", "Favourite editor", List.of("editors"), "Switched years ago");
        add("Coffee", null, List.of("vim"), "Drinks espresso before noon");
        add("Travel", null, List.of(), "Prefers window seats on long flights and aisle seats on short ones");
        add("Flights", "Seat choice", List.of("travel"), "Window seat");
    }

    private void add(String name, String summary, List<String> tags, String content) {
        memories.add("default", new MemoryDraft(content, name, summary, null, tags, false, "cli"));
    }

    private List<Float> scores(String query) {
        return memories.search("default", QuerySyntax.parse(List.of(query)), 10, false).results().stream()
                .map(r -> r.score()).toList();
    }

    private List<String> names(String query) {
        return memories.search("default", QuerySyntax.parse(List.of(query)), 10, false).results().stream()
                .map(r -> r.memory().name()).toList();
    }

    @Test
    void aMatchInTheNameOrATagOutranksOneInTheContent() {
        List<String> ranked = names("vim");
        assertThat(ranked).containsExactlyInAnyOrder("Editor notes", "Laptop", "Vim", "Coffee");
        // "Editor notes" says vim twice in a short content; the name "Vim" and the tag vim still count more.
        assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder("Vim", "Coffee");
    }

    @Test
    void moreOccurrencesInAShorterTextRankHigher() {
        List<String> ranked = names("vim");
        assertThat(ranked.indexOf("Editor notes")).isLessThan(ranked.indexOf("Laptop"));
    }

    @Test
    void everyWordMustMatchInSomeFormAndTheFormTypedCountsMore() {
        assertThat(names("window seats")).containsExactly("Travel", "Flights");
        assertThat(names("window seat")).containsExactly("Flights", "Travel");
        assertThat(names("window seats short")).containsExactly("Travel");
    }

    @Test
    void aWordThatIsItsOwnStemRanksItsExactFormFirst() {
        add("Charts", null, List.of(), "Plotting tools for the data team");
        add("Graphs", null, List.of(), "Plot tools for the data team");
        assertThat(names("plot tools")).containsExactly("Graphs", "Charts");
        assertThat(names("plotting tools")).containsExactly("Charts", "Graphs");
    }

    @Test
    void aPrefixMatchesWordsAsWrittenNotStems() {
        add("Charts", null, List.of(), "Plotting tools");
        // "plotting" is indexed beside its stem "plot"; "plo*" must find it once, by the word.
        assertThat(names("plo*")).containsExactly("Charts");
        assertThat(names("plotti*")).containsExactly("Charts");
    }

    @Test
    void aPhraseCountsAsMuchAsItsWords() {
        add("Theme", null, List.of(), "Prefers dark mode everywhere");
        add("Food", null, List.of(), "Allergic to peanuts, badly");
        // Two rare words together against one: the phrase is the better match, as "dark mode" is.
        assertThat(names("\"dark mode\" OR peanuts")).containsExactly("Theme", "Food");
        assertThat(scores("\"peanuts\"")).as("a quoted word is the word").isEqualTo(scores("peanuts"));
    }

    @Test
    void aPhraseAsTypedRanksAboveOtherFormsOfItsWords() {
        add("Plans", null, List.of(), "Running plans for the spring");
        add("Plan", null, List.of(), "Run plan for the spring");
        assertThat(names("\"run plan\"")).containsExactly("Plan", "Plans");
        assertThat(names("\"running plans\"")).containsExactly("Plans", "Plan");
    }

    @Test
    void prefixMatchesAreRankedNotJustFound() {
        add("Long", null, List.of(), "Once gardening in the yard, among many other things done that day with friends");
        add("Short", null, List.of(), "Gardened the yard, then gardened it again");
        add("Other", null, List.of(), "Nothing to see");
        List<Float> scores = scores("garden*");
        assertThat(names("garden*")).containsExactly("Short", "Long");
        assertThat(scores.get(0)).isGreaterThan(scores.get(1));
    }

    @Test
    void aPrefixAfterAWordBreakMatchesTheWordsItSpans() {
        add("Notes", null, List.of(), "Emacs org-mode for notes, settings in config.json");
        add("Other", null, List.of(), "Modern organ music");
        assertThat(names("org-mo*")).containsExactly("Notes");
        assertThat(names("config.js*")).containsExactly("Notes");
        assertThat(names("config.xm*")).isEmpty();
        SearchResult hit = memories.search("default", QuerySyntax.parse(List.of("org-mo*")), 1, false).results().get(0);
        String text = hit.snippet().text();
        assertThat(hit.snippet().marks()).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("org", "mode");
    }

    @Test
    void aPageCutShortCountsAllMatchesOnlyWhenAsked() {
        SearchPage counted = memories.search("default", QuerySyntax.parse(List.of("vim")), 1, true);
        assertThat(counted.results()).hasSize(1);
        assertThat(counted.matches()).isEqualTo(4);
        assertThat(counted.cut()).isTrue();

        assertThat(memories.search("default", QuerySyntax.parse(List.of("vim")), 1, false).matches()).isEqualTo(1);
        SearchPage whole = memories.search("default", QuerySyntax.parse(List.of("vim")), 4, true);
        assertThat(whole.matches()).isEqualTo(4);
        assertThat(whole.cut()).isFalse();
    }

    @Test
    void scoresDescend() {
        List<Float> scores = scores("vim OR seat");
        assertThat(scores).hasSize(6).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }
}
