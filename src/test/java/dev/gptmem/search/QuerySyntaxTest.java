package dev.gptmem.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.SearchQuery;
import dev.gptmem.core.SearchQuery.Phrase;
import dev.gptmem.core.SearchQuery.Pinned;
import dev.gptmem.core.SearchQuery.Prefix;
import dev.gptmem.core.SearchQuery.Tag;
import dev.gptmem.core.SearchQuery.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuerySyntaxTest {

    private static SearchQuery parse(String... typed) {
        return QuerySyntax.parse(List.of(typed));
    }

    @Test
    void wordsAreEachRequired() {
        SearchQuery q = parse("metric  units", "km");
        assertThat(q.required()).containsExactly(List.of(new Word("metric")), List.of(new Word("units")),
                List.of(new Word("km")));
        assertThat(q.excluded()).isEmpty();
    }

    @Test
    void phrasesPrefixesAndExclusions() {
        SearchQuery q = parse("\"training plan\" edit* -draft -\"old notes\" -obsol*");
        assertThat(q.required()).containsExactly(List.of(new Phrase("training plan")), List.of(new Prefix("edit")));
        assertThat(q.excluded()).containsExactly(new Word("draft"), new Phrase("old notes"), new Prefix("obsol"));
    }

    @Test
    void orJoinsItsNeighboursIntoOneGroup() {
        SearchQuery q = parse("editor vim OR emacs OR \"visual studio\" linux");
        assertThat(q.required()).containsExactly(
                List.of(new Word("editor")),
                List.of(new Word("vim"), new Word("emacs"), new Phrase("visual studio")),
                List.of(new Word("linux")));
        assertThat(parse("vim or emacs").required()).as("only OR in capitals is the operator").hasSize(3);
    }

    @Test
    void andIsWhatIsImpliedAndNotLeavesOutLikeADash() {
        assertThat(parse("vim AND emacs")).isEqualTo(parse("vim emacs"));
        assertThat(parse("editor AND vim OR emacs")).isEqualTo(parse("editor vim OR emacs"));
        assertThat(parse("vim NOT emacs NOT \"visual studio\" NOT edit*"))
                .isEqualTo(parse("vim -emacs -\"visual studio\" -edit*"));
        assertThat(parse("NOT draft plan")).isEqualTo(parse("-draft plan"));
        assertThat(parse("-draft AND plan")).isEqualTo(parse("-draft plan"));
        assertThat(parse("vim and emacs not").required()).as("only capitals are operators").hasSize(4);
    }

    @Test
    void filters() {
        SearchQuery q = parse("units tag:Prefs pinned:true tag:a OR tag:b pinned:no");
        assertThat(q.required()).containsExactly(List.of(new Word("units")), List.of(new Tag("prefs")),
                List.of(new Pinned(true)), List.of(new Tag("a"), new Tag("b")), List.of(new Pinned(false)));
        assertThat(parse("x -tag:old").excluded()).containsExactly(new Tag("old"));
        assertThat(parse("http://example.org").required()).as("other colons are part of a word")
                .containsExactly(List.of(new Word("http://example.org")));
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatIsWrong() {
        assertUsage("\"unclosed phrase", "unclosed quote");
        assertUsage("\"\"", "empty phrase");
        assertUsage("OR vim", "OR needs a word on each side");
        assertUsage("vim OR", "OR needs a word on each side");
        assertUsage("vim OR OR emacs", "OR needs a word on each side");
        assertUsage("vim - emacs", "'-' must be followed by a word");
        assertUsage("vim OR -emacs", "cannot be part of OR");
        assertUsage("-vim OR emacs", "cannot be part of OR");
        assertUsage("*", "'*' needs the start of a word");
        assertUsage("tag:", "tag: needs a tag name");
        assertUsage("pinned:maybe", "pinned: takes true or false");
        assertUsage("-draft", "not only what to leave out");
        assertUsage("AND vim", "AND needs a word on each side");
        assertUsage("vim AND", "AND needs a word on each side");
        assertUsage("vim AND AND emacs", "AND needs a word on each side");
        assertUsage("vim OR AND emacs", "AND needs a word on each side");
        assertUsage("vim AND OR emacs", "AND needs a word on each side");
        assertUsage("vim NOT", "NOT needs a word after it");
        assertUsage("vim NOT OR emacs", "NOT needs a word after it");
        assertUsage("vim NOT NOT emacs", "NOT needs a word after it");
        assertUsage("vim NOT -emacs", "NOT and '-' both leave out");
        assertUsage("vim OR NOT emacs", "cannot be part of OR");
        assertUsage("NOT vim", "not only what to leave out");
        assertUsage("   ", "nothing to search for");
    }

    private static void assertUsage(String typed, String message) {
        assertThatThrownBy(() -> parse(typed)).as(typed)
                .isInstanceOfSatisfying(GptmemException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
