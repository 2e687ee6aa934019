import dev.gptmem.core.Home;
import dev.gptmem.core.Memory;
import dev.gptmem.core.ProfileStore;
import dev.gptmem.core.SearchIndex;
import dev.gptmem.core.SearchQuery;
import dev.gptmem.search.LuceneSearch;
import dev.gptmem.search.QuerySyntax;
import dev.gptmem.store.H2Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warm search latency for bench/search: holds the profile open, as an application would, and runs
 * every query WARMUP times untimed (the first of them gives the results), then PASSES - WARMUP more
 * times timed. A long-running process (the shell, a server) has its search code compiled by the
 * JIT; the first few thousand searches of a JVM run slower, interpreted, and are not what "warm" means. A query's time covers the search and
 * reading the names of its top 10 (one query for the ten), the same work as the SQLite side's
 * SELECT name ... ORDER BY rank LIMIT 10. Prints a line per query: the timed passes' milliseconds,
 * comma-separated, then a tab and the top 10 names, tab-separated.
 *
 * Usage: java -cp gptmem.jar bench/SearchBench.java --home DIR --queries FILE [--warmup W] [--passes N] [--profile NAME]
 */
public class SearchBench {
    public static void main(String[] args) throws Exception {
        String home = null;
        String queries = null;
        String profile = "default";
        int passes = 4;
        int warmup = 1;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--home" -> home = args[i + 1];
                case "--queries" -> queries = args[i + 1];
                case "--passes" -> passes = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--profile" -> profile = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (home == null || queries == null || warmup < 1 || passes <= warmup) {
            throw new IllegalArgumentException(
                    "usage: --home DIR --queries FILE [--warmup W>=1] [--passes N>W] [--profile NAME]");
        }
        List<SearchQuery> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(queries))) {
            parsed.add(QuerySyntax.parse(List.of(line)));
        }
        H2Storage storage = new H2Storage(new Home(Path.of(home)), Duration.ofSeconds(10), () -> "bench/search",
                new LuceneSearch());
        double[][] ms = new double[parsed.size()][passes - warmup];
        List<List<String>> names = new ArrayList<>();
        try (ProfileStore store = storage.open(profile, false)) {
            for (int pass = 0; pass < passes; pass++) {
                for (int q = 0; q < parsed.size(); q++) {
                    long start = System.nanoTime();
                    List<String> top = new ArrayList<>();
                    List<String> ids = new ArrayList<>();
                    for (SearchIndex.Hit hit : store.search(parsed.get(q), 10)) {
                        ids.add(hit.id());
                    }
                    for (Memory m : store.findAll(ids)) {
                        top.add(m.name());
                    }
                    long took = System.nanoTime() - start;
                    if (pass == 0) {
                        names.add(top);
                    } else if (pass >= warmup) {
                        ms[q][pass - warmup] = took / 1e6;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int q = 0; q < parsed.size(); q++) {
            for (int p = 0; p < passes - warmup; p++) {
                out.append(p == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", ms[q][p]));
            }
            for (String name : names.get(q)) {
                out.append('\t').append(name);
            }
            out.append('\n');
        }
        System.out.print(out);
    }
}
