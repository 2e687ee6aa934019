package dev.gptmem.search;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.MemoryRules;
import dev.gptmem.core.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search language, as {@code search --help} documents it: words (all must match), "exact
 * phrases", prefix*, -excluded, {@code a OR b} (binding tighter than the implied AND, as in web
 * search), and the filters tag:NAME and pinned:true|false. {@code AND} and {@code NOT}, as SQLite
 * FTS5 and Lucene spell them, are taken too: AND says what is implied, NOT what '-' does. Like OR,
 * they are operators only in capitals. Mistakes are usage errors that say what is wrong, never a
 * stack trace.
 */
public final class QuerySyntax {

    private QuerySyntax() {
    }

    /** Parses what was typed after {@code search}; the words of several arguments are joined by spaces. */
    public static SearchQuery parse(List<String> typed) {
        String text = String.join(" ", typed);
        List<Item> items = lex(text);
        List<List<SearchQuery.Term>> required = new ArrayList<>();
        List<SearchQuery.Term> excluded = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.or) {
                throw GptmemException.usage("OR needs a word on each side, as in 'vim OR emacs'");
            }
            if (item.excluded) {
                if (joinsOr(items, i + 1)) {
                    throw GptmemException.usage("an excluded word cannot be part of OR: '-" + show(item.term) + "'");
                }
                excluded.add(item.term);
                continue;
            }
            List<SearchQuery.Term> group = new ArrayList<>(List.of(item.term));
            while (joinsOr(items, i + 1)) {
                if (i + 2 >= items.size() || items.get(i + 2).or) {
                    throw GptmemException.usage("OR needs a word on each side, as in 'vim OR emacs'");
                }
                Item next = items.get(i + 2);
                if (next.excluded) {
                    throw GptmemException.usage("an excluded word cannot be part of OR: '-" + show(next.term) + "'");
                }
                group.add(next.term);
                i += 2;
            }
            required.add(group);
        }
        if (required.isEmpty()) {
            throw GptmemException.usage(excluded.isEmpty() ? "nothing to search for"
                    : "say what to search for, not only what to leave out");
        }
        return new SearchQuery(required, excluded, List.of(), null);
    }

    private static boolean joinsOr(List<Item> items, int at) {
        return at < items.size() && items.get(at).or;
    }

    /** A term as it would be typed, for messages. */
    static String show(SearchQuery.Term term) {
        if (term instanceof SearchQuery.Word) {
            return ((SearchQuery.Word) term).text();
        }
        if (term instanceof SearchQuery.Phrase) {
            return '"' + ((SearchQuery.Phrase) term).text() + '"';
        }
        if (term instanceof SearchQuery.Prefix) {
            return ((SearchQuery.Prefix) term).text() + "*";
        }
        if (term instanceof SearchQuery.Tag) {
            return "tag:" + ((SearchQuery.Tag) term).name();
        }
        return "pinned:" + ((SearchQuery.Pinned) term).pinned();
    }

    private static final class Item {
        final SearchQuery.Term term;
        final boolean excluded;
        final boolean or;

        Item(SearchQuery.Term term, boolean excluded, boolean or) {
            this.term = term;
            this.excluded = excluded;
            this.or = or;
        }
    }

    private static List<Item> lex(String text) {
        List<Item> items = new ArrayList<>();
        // After NOT: the next word, phrase or prefix is left out, as with '-'.
        boolean negate = false;
        // After AND: a word must follow.
        boolean and = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (c == '-' && negate) {
                throw GptmemException.usage("NOT and '-' both leave out what follows; use one of them");
            }
            if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                excluded = true;
                i++;
                c = text.charAt(i);
            } else if (c == '-') {
                throw GptmemException.usage("'-' must be followed by a word to leave out, as in '-draft'");
            }
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw GptmemException.usage("unclosed quote in the query: " + text.substring(i));
                }
                String phrase = text.substring(i + 1, close).strip();
                if (phrase.isEmpty()) {
                    throw GptmemException.usage("empty phrase \"\" in the query");
                }
                items.add(new Item(new SearchQuery.Phrase(phrase), excluded || negate, false));
                negate = false;
                and = false;
                i = close + 1;
                while (i < n && text.charAt(i) == '*') {
                    i++; // a phrase matches whole words; a star after it adds nothing
                }
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                end++;
            }
            String word = text.substring(i, end);
            i = end;
            boolean operator = !excluded && (word.equals("OR") || word.equals("AND") || word.equals("NOT"));
            if (operator && negate) {
                throw notWithoutWord();
            }
            if (operator && and && !word.equals("NOT")) {
                throw andWithoutWords();
            }
            if (!operator) {
                items.add(new Item(term(word), excluded || negate, false));
                negate = false;
                and = false;
            } else if (word.equals("OR")) {
                items.add(new Item(null, false, true));
            } else if (word.equals("AND")) {
                // What is implied between words anyway; it needs a word on each side.
                if (items.isEmpty() || items.get(items.size() - 1).or) {
                    throw andWithoutWords();
                }
                and = true;
            } else {
                negate = true;
            }
        }
        if (negate) {
            throw notWithoutWord();
        }
        if (and) {
            throw andWithoutWords();
        }
        return items;
    }

    private static GptmemException notWithoutWord() {
        return GptmemException.usage("NOT needs a word after it, as in 'vim NOT emacs' (which is 'vim -emacs')");
    }

    private static GptmemException andWithoutWords() {
        return GptmemException.usage("AND needs a word on each side, as in 'vim AND emacs'"
                + " (which is 'vim emacs': every word must match)");
    }

    private static SearchQuery.Term term(String word) {
        int colon = word.indexOf(':');
        if (colon > 0) {
            String field = word.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = word.substring(colon + 1);
            if (field.equals("tag")) {
                if (value.isEmpty()) {
                    throw GptmemException.usage("tag: needs a tag name, as in 'tag:work'");
                }
                return new SearchQuery.Tag(MemoryRules.tag(value));
            }
            if (field.equals("pinned")) {
                switch (value.toLowerCase(Locale.ROOT)) {
                    case "true":
                    case "yes":
                        return new SearchQuery.Pinned(true);
                    case "false":
                    case "no":
                        return new SearchQuery.Pinned(false);
                    default:
                        throw GptmemException.usage("pinned: takes true or false, not '" + value + "'");
                }
            }
        }
        if (word.endsWith("*")) {
            String prefix = word.replaceAll("\\*+$", "");
            if (prefix.isEmpty()) {
                throw GptmemException.usage("'*' needs the start of a word before it, as in 'editor*'");
            }
            return new SearchQuery.Prefix(prefix);
        }
        return new SearchQuery.Word(word);
    }
}
