package dev.gptmem.core;

import java.util.Locale;

/** What an import reads; {@link #AUTO} recognises the others from the start of the input. */
public enum ImportFormat {
    AUTO,
    /** gptmem's export document, a JSON array of memories, or JSON Lines. */
    GPTMEM,
    /** ChatGPT's memory as copied from its "Manage memories" screen: one memory per line or bullet. */
    CHATGPT,
    /** The knowledge graph of the MCP memory server ({@code memory.jsonl}): entities and relations. */
    MCP,
    /** Records of the memory APIs built for custom GPTs: name, description, summary, reason, id. */
    GPT_API,
    /** A mem0 export: memory objects with id, memory, metadata, categories and timestamps. */
    MEM0;

    /** The name the command line uses, such as {@code gpt-api}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
