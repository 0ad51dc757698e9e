package dev.surmbench.suite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A selection of a suite's runs ({@code run --task T --method M --seed S}) and an optional example cap
 * ({@code --limit N}).
 *
 * <p>Selecting never changes a run: the runs kept are the suite's own, with their ids, so a filtered
 * invocation records exactly the rows the whole suite would, and a later unfiltered one skips them.
 *
 * <p>A limit changes the training data, so it cannot keep the ids of the unlimited runs: each run's
 * {@code train_limit} and {@code eval_limit} become {@code min(setting, N)} (0 = all counts as above
 * N) — different runs with their own ids — and the suite is renamed {@code <name>-limit<N>}, so that
 * they are recorded in a folder of their own ({@code OUT/<name>-limit<N>/}) and never mix with the
 * suite's real results in a report or a check. Like lm-eval's {@code --limit}: for trying things out,
 * not for numbers to publish.
 *
 * @param tasks task names to keep (empty: all)
 * @param methods method names or row labels to keep (empty: all)
 * @param seeds seeds to keep (empty: all)
 * @param limit example cap for training and evaluation (0: none)
 */
public record RunFilter(List<String> tasks, List<String> methods, List<Long> seeds, int limit) {

    /** No filter: every run as the suite defines it. */
    public static final RunFilter NONE = new RunFilter(List.of(), List.of(), List.of(), 0);

    public RunFilter {
        tasks = List.copyOf(tasks);
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be a positive number of examples, got " + limit);
        }
    }

    /**
     * From command-line values: each list may repeat the option and hold comma-separated values; blank
     * values are ignored (a Maven property left empty); {@code limit} blank or null means none.
     *
     * @throws IllegalArgumentException for a seed or limit that is not a number
     */
    public static RunFilter parse(List<String> tasks, List<String> methods, List<String> seeds, String limit) {
        List<Long> seedValues = new ArrayList<>();
        for (String s : words(seeds)) {
            seedValues.add(number("--seed", s));
        }
        long cap = limit == null || limit.isBlank() ? 0 : number("--limit", limit.trim());
        if (cap < 0 || cap > Integer.MAX_VALUE || (limit != null && !limit.isBlank() && cap == 0)) {
            throw new IllegalArgumentException("--limit takes a positive number of examples, e.g. --limit 32; got '" + limit + "'");
        }
        return new RunFilter(words(tasks), words(methods), seedValues, (int) cap);
    }

    /** True when nothing is selected or capped. */
    public boolean isEmpty() {
        return tasks.isEmpty() && methods.isEmpty() && seeds.isEmpty() && limit == 0;
    }

    /**
     * The suite's runs this filter keeps (in the suite's order), capped when {@link #limit} is set.
     *
     * @throws IllegalArgumentException for a task, method or seed the suite does not have (naming the
     *     ones it has), or a filter that keeps no run
     */
    public Suite apply(Suite suite) {
        if (isEmpty()) {
            return suite;
        }
        check("task", tasks, suite, RunSpec::task);
        check("method", methods, suite, RunSpec::method, RunSpec::label);
        check("seed", seeds.stream().map(String::valueOf).toList(), suite, r -> String.valueOf(r.seed()));
        List<RunSpec> kept = suite.runs().stream()
                .filter(r -> tasks.isEmpty() || tasks.stream().anyMatch(t -> same(t, r.task())))
                .filter(r -> methods.isEmpty() || methods.stream().anyMatch(m -> same(m, r.method()) || same(m, r.label())))
                .filter(r -> seeds.isEmpty() || seeds.contains(r.seed()))
                .toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("suite " + suite.name() + " has no run of " + describe()
                    + "; `surm-bench validate " + suite.file() + "` lists its runs");
        }
        if (limit == 0) {
            return new Suite(suite.name(), suite.version(), suite.file(), suite.sha256(), kept, suite.pretrains(), suite.tuning());
        }
        String name = limitedName(suite.name());
        List<RunSpec> capped = kept.stream().map(r -> capped(r, name)).toList();
        return new Suite(name, suite.version(), suite.file(), suite.sha256(), capped, suite.pretrains(), suite.tuning());
    }

    /** The name a suite's runs are recorded under with this filter's limit: {@code <name>-limit<N>}. */
    public String limitedName(String suiteName) {
        return limit == 0 ? suiteName : suiteName + "-limit" + limit;
    }

    /** {@code "task rte, method lora, seed 1, limit 32"}; {@code "all runs"} when empty. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!tasks.isEmpty()) {
            parts.add("task " + String.join("|", tasks));
        }
        if (!methods.isEmpty()) {
            parts.add("method " + String.join("|", methods));
        }
        if (!seeds.isEmpty()) {
            parts.add("seed " + String.join("|", seeds.stream().map(String::valueOf).toList()));
        }
        if (limit > 0) {
            parts.add("limit " + limit);
        }
        return parts.isEmpty() ? "all runs" : String.join(", ", parts);
    }

    private RunSpec capped(RunSpec r, String suiteName) {
        Map<String, Object> settings = new TreeMap<>(r.settings());
        for (String key : List.of("train_limit", "eval_limit")) {
            long now = settings.get(key) instanceof Number n ? n.longValue() : 0;
            settings.put(key, (long) (now == 0 ? limit : Math.min(now, limit)));
        }
        return new RunSpec(suiteName, r.task(), r.method(), r.label(), r.methodOptions(), r.seed(), settings);
    }

    @SafeVarargs
    private static void check(String what, List<String> wanted, Suite suite, Function<RunSpec, String>... names) {
        Set<String> valid = new LinkedHashSet<>();
        for (RunSpec r : suite.runs()) {
            for (Function<RunSpec, String> name : names) {
                valid.add(name.apply(r));
            }
        }
        for (String w : wanted) {
            if (valid.stream().noneMatch(v -> same(w, v))) {
                throw new IllegalArgumentException("--" + what + " " + w + ": suite " + suite.name() + " has no such "
                        + what + "; its " + what + "s: " + String.join(", ", valid));
            }
        }
    }

    /** Names match ignoring case, dashes and underscores ({@code SST-2} = {@code sst2}). */
    private static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static List<String> words(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String w : v.split(",")) {
                    if (!w.isBlank()) {
                        out.add(w.trim());
                    }
                }
            }
        }
        return out;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes numbers (a list: 1,2), got '" + text + "'");
        }
    }
}
