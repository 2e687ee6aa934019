package dev.gptmem.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.HomeReader;
import dev.gptmem.core.MemoryReader;
import dev.gptmem.core.ProfileNames;
import dev.gptmem.core.Times;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Reads a backup of every profile, as {@link JsonHomeWriter} writes it. It streams: each profile's
 * memories are read by a {@link JsonMemoryReader} over the same parser, one memory at a time.
 */
public final class JsonHomeReader implements HomeReader {
    private static final String HINT = " without --all";

    private final InputStream in;
    private final Consumer<String> warnings;
    private JsonParser json;
    private MemoryReader current;
    private String profile;
    private boolean done;
    private int entry;

    /** Nothing is read until the first {@link #next()}. */
    public JsonHomeReader(InputStream in, Consumer<String> warnings) {
        this.in = in;
        this.warnings = warnings;
    }

    @Override
    public MemoryReader next() {
        try {
            return advance();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw Json.invalid(at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr(), e);
        } catch (IOException e) {
            throw GptmemException.failure("cannot read import: " + e.getMessage(), e);
        }
    }

    private MemoryReader advance() throws IOException {
        if (done) {
            return null;
        }
        if (json == null) {
            json = Json.FACTORY.createParser(in);
            openProfiles();
        } else {
            while (current.next() != null) {
                // the rest of the previous profile, which its reader was not asked for
            }
            closeEntry();
        }
        JsonToken token = json.nextToken();
        if (token == JsonToken.END_ARRAY) {
            closeEnvelope();
            done = true;
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw GptmemException.failure(here() + ": each entry of 'profiles' must be an object");
        }
        entry++;
        String name = null;
        String description = null;
        Instant createdAt = null;
        for (token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if ("memories".equals(field)) {
                if (name == null) {
                    throw GptmemException.failure(here() + ": profile " + entry + " of the backup: 'profile', with"
                            + " its name, must come before 'memories'");
                }
                if (value != JsonToken.START_ARRAY) {
                    throw GptmemException.failure(here() + ": profile '" + name + "': 'memories' must be an array");
                }
                profile = name;
                current = new JsonMemoryReader(json, description, createdAt, warnings);
                return current;
            }
            if ("profile".equals(field) && value == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String key = json.currentName();
                    JsonToken v = json.nextToken();
                    if ("name".equals(key)) {
                        name = checkedName(v);
                    } else if ("description".equals(key) && v == JsonToken.VALUE_STRING) {
                        description = json.getText();
                    } else if ("created_at".equals(key) && v == JsonToken.VALUE_STRING) {
                        createdAt = time();
                    } else {
                        json.skipChildren();
                    }
                }
            } else {
                json.skipChildren();
            }
        }
        throw GptmemException.failure(here() + ": profile " + entry + " of the backup has no 'memories'");
    }

    private String checkedName(JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw GptmemException.failure(here() + ": profile " + entry + " of the backup: its name must be a string");
        }
        try {
            return ProfileNames.check(json.getText());
        } catch (GptmemException e) {
            throw GptmemException.failure(here() + ": profile " + entry + " of the backup: " + e.getMessage());
        }
    }

    private Instant time() throws IOException {
        try {
            return Times.parse(json.getText());
        } catch (GptmemException e) {
            throw GptmemException.failure(here() + ": profile " + entry + " of the backup: 'created_at': "
                    + e.getMessage());
        }
    }

    /** Reads the envelope up to the start of its {@code profiles} array. */
    private void openProfiles() throws IOException {
        JsonToken first = json.nextToken();
        if (first == null) {
            throw GptmemException.failure("the input is empty, not a backup of every profile");
        }
        if (first != JsonToken.START_OBJECT || json.nextToken() != JsonToken.FIELD_NAME
                || !"format".equals(json.currentName())) {
            throw GptmemException.usage("line 1: not a backup of every profile (gptmem export --all): import"
                    + " memories" + HINT);
        }
        while (true) {
            JsonToken value = json.nextToken();
            switch (json.currentName()) {
                case "format":
                    if (value != JsonToken.VALUE_STRING || !Json.FORMAT.equals(json.getText())) {
                        throw GptmemException.failure(here() + ": unknown format '" + json.getText()
                                + "' (expected '" + Json.FORMAT + "')");
                    }
                    break;
                case "version":
                    if (value != JsonToken.VALUE_NUMBER_INT || json.getIntValue() != Json.VERSION) {
                        throw GptmemException.failure(here() + ": unsupported export version " + json.getText()
                                + " (this gptmem reads version " + Json.VERSION + ")");
                    }
                    break;
                case "profile":
                case "memories":
                    throw GptmemException.usage(here() + ": this is an export of one profile, not a backup of"
                            + " every profile: import it" + HINT + " (gptmem -p NAME import FILE)");
                case "profiles":
                    if (value != JsonToken.START_ARRAY) {
                        throw GptmemException.failure(here() + ": 'profiles' must be an array");
                    }
                    return;
                default:
                    json.skipChildren();
            }
            if (json.nextToken() != JsonToken.FIELD_NAME) {
                throw GptmemException.failure(here() + ": not a backup of every profile: 'profiles' is missing");
            }
        }
    }

    /** Past the end of an entry's {@code memories}: its other fields are read past. */
    private void closeEntry() throws IOException {
        for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw GptmemException.failure(here() + ": the input ends inside profile '" + profile + "'");
            }
            json.nextToken();
            json.skipChildren();
        }
    }

    /** After the {@code profiles} array: the envelope's other fields, then nothing but whitespace. */
    private void closeEnvelope() throws IOException {
        for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw GptmemException.failure(here() + ": the input ends before the backup is complete");
            }
            json.nextToken();
            json.skipChildren();
        }
        if (json.nextToken() != null) {
            throw GptmemException.failure(here() + ": unexpected data after the end of the JSON document");
        }
    }

    private String here() {
        return "line " + json.currentLocation().getLineNr();
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public void close() {
        try {
            if (json != null) {
                json.close();
            }
            in.close();
        } catch (IOException e) {
            // Nothing read is lost by a failed close.
        }
    }
}
