package dev.gptmem.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.gptmem.core.GptmemException;
import java.io.IOException;
import java.util.regex.Pattern;

/** The one JSON configuration every reader and writer shares. */
final class Json {
    static final String FORMAT = "gptmem-export";
    static final int VERSION = 1;
    static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** Where Jackson says an unclosed object or array began, naming the source "REDACTED"; the reader says where itself. */
    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[.*?]\\)");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\n\\s*");

    private Json() {
    }

    /** What is wrong with the JSON, on one line, without Jackson's notes on where: the caller says that. */
    static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return LINE_BREAKS.matcher(START_MARKER.matcher(message).replaceAll("")).replaceAll(" ").strip();
    }

    /** The error for invalid JSON at {@code where} (a position such as "line 3, column 7", or empty). */
    static GptmemException invalid(String where, JsonProcessingException e) {
        return GptmemException.failure((where.isEmpty() ? "" : where + ": ") + "invalid JSON: " + problem(e), e);
    }

    /** The error for a JSON document that cannot be written. */
    static GptmemException cannotWrite(IOException e) {
        return GptmemException.io("cannot write JSON", e);
    }

    /** Indented like jq's output: {@code "key": value}, one array element per line. */
    static PrettyPrinter pretty() {
        return new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    }
}
