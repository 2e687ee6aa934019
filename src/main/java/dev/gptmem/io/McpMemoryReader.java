package dev.gptmem.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.MemoryReader;
import dev.gptmem.core.MemoryRules;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The knowledge graph of the MCP memory server, {@code memory.jsonl}: one entity or relation per
 * line. Each entity becomes a memory named after it, tagged with its type, its observations one
 * per line as the content. A relation is added as a line ("Alice works_at Acme") to the memories
 * of both entities it joins; one that joins no entity of the file becomes a memory of its own.
 * <p>
 * Relations may come after the entities they touch, so the whole input is read and checked
 * first: the entities are spooled to a private temporary file, and only the relations, which
 * are small, are held in memory.
 */
public final class McpMemoryReader implements MemoryReader {
    private static final String RELATION_TAG = "relation";

    private final InputStream in;
    private final Consumer<String> warnings;
    private final Set<String> warned = new HashSet<>();
    private final Map<String, List<String>> relationsOf = new HashMap<>();
    private final Set<String> entities = new HashSet<>();
    private final List<Relation> orphans = new ArrayList<>();
    private Path spool;
    private DataInputStream spooled;
    private int nextOrphan;
    private long line;

    /** @param warnings receives each warning once, such as a field that was not kept */
    public McpMemoryReader(InputStream in, Consumer<String> warnings) {
        this.in = in;
        this.warnings = warnings;
    }

    @Override
    public IncomingMemory next() {
        try {
            if (spooled == null) {
                readGraph();
            }
            IncomingMemory entity = nextEntity();
            if (entity != null) {
                return entity;
            }
            if (nextOrphan < orphans.size()) {
                Relation orphan = orphans.get(nextOrphan++);
                line = orphan.line();
                return new IncomingMemory(null, orphan.text(), null, null, null, List.of(RELATION_TAG),
                        null, null, null, null);
            }
            return null;
        } catch (IOException e) {
            throw GptmemException.failure("cannot read import: " + e.getMessage(), e);
        }
    }

    /** Checks every line, spooling the entities and gathering the relations. */
    private void readGraph() throws IOException {
        spool = Files.createTempFile("gptmem-mcp-", ".spool");
        List<Relation> relations = new ArrayList<>();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool)))) {
            Lines lines = new Lines(in);
            for (byte[] bytes = lines.next(); bytes != null; bytes = lines.next()) {
                line = lines.number();
                if (Lines.isBlank(bytes)) {
                    continue;
                }
                Item item = parse(bytes);
                if (item.relationType != null) {
                    relations.add(new Relation(line, item.from, item.relationType, item.to));
                } else {
                    entities.add(item.name);
                    out.writeLong(line);
                    write(out, item.name);
                    write(out, item.entityType);
                    out.writeInt(item.observations.size());
                    for (String observation : item.observations) {
                        write(out, observation);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw Json.invalid(position(), e);
        }
        for (Relation relation : relations) {
            boolean touches = false;
            for (String end : List.of(relation.from(), relation.to())) {
                if (entities.contains(end)) {
                    List<String> of = relationsOf.computeIfAbsent(end, k -> new ArrayList<>());
                    if (!of.contains(relation.text())) {
                        of.add(relation.text());
                    }
                    touches = true;
                }
            }
            if (!touches) {
                orphans.add(relation);
            }
        }
        spooled = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool)));
    }

    private IncomingMemory nextEntity() throws IOException {
        try {
            line = spooled.readLong();
        } catch (EOFException e) {
            return null;
        }
        String name = read(spooled);
        String type = read(spooled);
        int count = spooled.readInt();
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < count; i++) {
            append(content, read(spooled));
        }
        for (String relation : relationsOf.getOrDefault(name, List.of())) {
            append(content, relation);
        }
        String tag = MemoryRules.tagFrom(type);
        return new IncomingMemory(null, content.length() == 0 ? name : content.toString(), name, null, null,
                tag == null ? null : List.of(tag), null, null, null, null);
    }

    private static void append(StringBuilder content, String line) {
        if (content.length() > 0) {
            content.append('\n');
        }
        content.append(line);
    }

    private record Relation(long line, String from, String type, String to) {
        String text() {
            return from + " " + type + " " + to;
        }
    }

    /** One line of the graph: an entity, or a relation (when {@code relationType} is set). */
    private static final class Item {
        String type;
        String name;
        String entityType;
        List<String> observations = new ArrayList<>();
        String from;
        String to;
        String relationType;
    }

    private Item parse(byte[] bytes) throws IOException {
        Item item = new Item();
        try (JsonParser json = Json.FACTORY.createParser(bytes)) {
            JsonToken token = json.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw failure("an entity or relation must be a JSON object");
            }
            for (token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "type": item.type = string(json, field, value); break;
                    case "name": item.name = string(json, field, value); break;
                    case "entityType": item.entityType = string(json, field, value); break;
                    case "from": item.from = string(json, field, value); break;
                    case "to": item.to = string(json, field, value); break;
                    case "relationType": item.relationType = string(json, field, value); break;
                    case "observations": item.observations = observations(json, value); break;
                    default:
                        if (warned.add(field)) {
                            warnings.accept("'" + field + "' is not kept (first seen at " + position() + ")");
                        }
                        json.skipChildren();
                }
            }
            if (json.nextToken() != null) {
                throw failure("more than one JSON value on the line");
            }
        }
        if ("entity".equals(item.type)) {
            if (item.name == null || item.name.isBlank()) {
                throw failure("an entity needs a 'name'");
            }
            item.relationType = null;
        } else if ("relation".equals(item.type)) {
            if (item.from == null || item.to == null || item.relationType == null) {
                throw failure("a relation needs 'from', 'to' and 'relationType'");
            }
        } else {
            throw failure(item.type == null ? "'type' is missing (expected 'entity' or 'relation')"
                    : "unknown type '" + item.type + "' (expected 'entity' or 'relation')");
        }
        return item;
    }

    private String string(JsonParser json, String field, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw failure("'" + field + "' must be a string");
        }
        return json.getText();
    }

    private List<String> observations(JsonParser json, JsonToken value) throws IOException {
        List<String> observations = new ArrayList<>();
        if (value == JsonToken.VALUE_NULL) {
            return observations;
        }
        if (value != JsonToken.START_ARRAY) {
            throw failure("'observations' must be an array of strings");
        }
        for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw failure("'observations' must be an array of strings");
            }
            if (!json.getText().isBlank()) {
                observations.add(json.getText());
            }
        }
        return observations;
    }

    private GptmemException failure(String what) {
        return GptmemException.failure(position() + ": " + what);
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public String position() {
        return "line " + line;
    }

    @Override
    public void close() {
        try (InputStream input = in; DataInputStream entities = spooled) {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        } catch (IOException e) {
            // A leftover spool file is in the system's temporary folder, which is cleared in time.
        }
    }
}
