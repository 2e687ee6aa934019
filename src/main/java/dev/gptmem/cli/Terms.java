package dev.gptmem.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A list of terms and what each means, shown after a command's description with every meaning
 * wrapped beside its term, as the options are; a description paragraph would wrap its lines back
 * to the margin. Man pages read the terms themselves through {@link #of}.
 *
 * @param heading the line above the list, such as "Formats:"
 * @param items   each a term and its meaning
 */
public record Terms(String heading, List<String[]> items) implements IHelpSectionRenderer {
    static final String KEY = "gptmemTerms";

    /** Adds the list to {@code spec}'s help, right after its description. */
    static void add(CommandSpec spec, String heading, String[]... items) {
        UsageMessageSpec usage = spec.usageMessage();
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(usage.sectionMap());
        sections.put(KEY, new Terms(heading, List.of(items)));
        usage.sectionMap(sections);
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_DESCRIPTION) + 1, KEY);
        usage.sectionKeys(keys);
    }

    /** The list {@code spec}'s help shows, or null. */
    public static Terms of(CommandSpec spec) {
        IHelpSectionRenderer section = spec.usageMessage().sectionMap().get(KEY);
        return section instanceof Terms ? (Terms) section : null;
    }

    @Override
    public String render(Help help) {
        int termWidth = 0;
        for (String[] item : items) {
            termWidth = Math.max(termWidth, item[0].length());
        }
        int left = termWidth + 4;
        int width = help.commandSpec().usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(left, 2, Column.Overflow.SPAN),
                new Column(Math.max(20, width - left), 0, Column.Overflow.WRAP));
        for (String[] item : items) {
            table.addRowValues(item[0], item[1]);
        }
        return String.format("%n%s%n", heading) + table;
    }
}
