package dev.gptmem.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/** The one JSON configuration every reader and writer shares. */
final class Json {
    static final String FORMAT = "gptmem-export";
    static final int VERSION = 1;
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** Indented like jq's output: {@code "key": value}, one array element per line. */
    static PrettyPrinter pretty() {
        return new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    }
}
