package dev.gptmem.io;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.MemoryReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ChatGPT's memory as a user copies it from the "Manage memories" screen: one memory per line,
 * with or without a bullet ({@code - }, {@code * }, {@code • }); blank lines are skipped. The text
 * carries nothing but the memories, so they get no name, tags or dates of their own.
 */
public final class ChatGptTextReader implements MemoryReader {
    private static final String[] BULLETS = {"- ", "* ", "• "};
    /** A bullet with nothing after it. */
    private static final Set<String> BULLETS_ALONE = Set.of("-", "*", "•");
    /**
     * A line of JSON: a brace or bracket alone, a record of JSON Lines, or an object's member that
     * goes on ({@code "format": "gptmem-export",}). No memory ChatGPT keeps reads like that.
     */
    private static final Pattern JSON_LINE = Pattern.compile(
            "[{\\[]|\\[\\s*\\{.*|\\{\\s*\".*|\"(?:[^\"\\\\]|\\\\.)*\"\\s*:\\s*(?:[{\\[].*|(?:[\"0-9-]|true|false|null).*,)");

    private final InputStream in;
    private final Lines lines;
    private final boolean guessed;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long line;

    /**
     * @param guessed the format was recognised, not given: the input did not start like JSON. A
     *     line that is JSON then fails the import, as the input is more likely damaged JSON (a
     *     stray line before an export) than ChatGPT's memories.
     */
    public ChatGptTextReader(InputStream in, boolean guessed) {
        this.in = in;
        this.lines = new Lines(in);
        this.guessed = guessed;
    }

    @Override
    public IncomingMemory next() {
        try {
            for (byte[] bytes = lines.next(); bytes != null; bytes = lines.next()) {
                line = lines.number();
                String text = memory(decode(bytes));
                if (guessed && JSON_LINE.matcher(text).matches()) {
                    throw GptmemException.failure(position() + " is JSON, but the input does not start like JSON,"
                            + " so it was read as ChatGPT's memory text; repair the JSON, or give --format chatgpt"
                            + " to import each line as a memory");
                }
                if (!text.isEmpty()) {
                    return new IncomingMemory(null, text, null, null, null, null, null, null, null, null);
                }
            }
            return null;
        } catch (IOException e) {
            throw GptmemException.failure("cannot read import: " + e.getMessage(), e);
        }
    }

    private String decode(byte[] bytes) {
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw GptmemException.failure(position() + ": not UTF-8 text");
        }
        if (text.indexOf('\0') >= 0) {
            throw GptmemException.failure(position() + ": a NUL character: this is not text");
        }
        return line == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The line without its bullet and surrounding blanks; empty for a line with no memory on it. */
    private static String memory(String text) {
        String memory = text.strip();
        for (String bullet : BULLETS) {
            if (memory.startsWith(bullet)) {
                return memory.substring(bullet.length()).strip();
            }
        }
        return BULLETS_ALONE.contains(memory) ? "" : memory;
    }

    @Override
    public String position() {
        return "line " + line;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing read is lost by a failed close.
        }
    }
}
