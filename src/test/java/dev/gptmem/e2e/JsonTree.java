package dev.gptmem.e2e;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses gptmem's JSON output into plain maps, lists, strings, numbers, booleans and nulls, so
 * tests compare what a script would see, field for field. Strict: trailing data is an error.
 */
final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    static Object parse(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            Object value = value(parser, parser.nextToken());
            JsonToken rest = parser.nextToken();
            if (rest != null) {
                throw new IllegalArgumentException("data after the JSON value: " + rest);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        Object value = parse(json);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got " + json);
        }
        return (Map<String, Object>) value;
    }

    /** One object per line, as {@code --jsonl} and {@code export --format jsonl} print them. */
    static List<Map<String, Object>> lines(String jsonl) {
        return jsonl.lines().map(JsonTree::object).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Object array) {
        return (List<Map<String, Object>>) array;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IllegalArgumentException("empty input");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    if (map.containsKey(name)) {
                        throw new IllegalArgumentException("duplicate field '" + name + "'");
                    }
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected " + token);
        }
    }
}
