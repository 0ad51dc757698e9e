package dev.surmbench.suite;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.model.LayerSelection;
import dev.surmbench.peft.InvalidMethodConfigException;
import dev.surmbench.peft.MethodConfig;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.util.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a suite file, then expands tasks × methods × seeds into {@link RunSpec}s.
 * Every problem (unknown key, wrong type, value out of range, unknown task/method/backbone, a method
 * option the backbone cannot take) is collected with its file, line and column; nothing is expanded
 * while any remains.
 */
public final class SuiteParser {
    private static final Set<String> TOP_LEVEL = Set.of("name", "version", "include", "defaults", "tasks", "methods", "seeds", "description",
            "pretrain", "tune", "overrides", "pinned");
    private static final Set<String> METHOD_KEYS = Set.of("method", "label", "options");

    private final SuiteCatalog catalog;
    private final List<SuiteException.Problem> problems = new ArrayList<>();
    /** Every file read, the suite first, then what it includes, in reading order. */
    private final List<Path> read = new ArrayList<>();
    private Map<String, PretrainSpec> pretrains = Map.of();
    /** The settings' parser, once the pretrain stages (which a backbone may name) are known. */
    private SettingValues settingValues;

    /** The longest suite name: it names the results folder (file systems allow 255 bytes). */
    public static final int MAX_NAME_CHARS = 100;

    public SuiteParser(SuiteCatalog catalog) {
        this.catalog = catalog;
    }

    /** Parses {@code file}; throws {@link SuiteException} listing every problem. */
    public static Suite parse(Path file, SuiteCatalog catalog) {
        return new SuiteParser(catalog).run(file);
    }

    private Suite run(Path file) {
        Layered doc = load(file, new HashSet<>(), null, null);
        String name = requireText(doc, "name");
        int version = doc.values.containsKey("version") ? (int) integer(doc.values.get("version"), "version", 1, 1_000_000) : 1;
        PretrainSection section = new PretrainSection(catalog, this::problem);
        pretrains = section.parse(doc.values.get("pretrain"));
        Set<String> invalidStages = new HashSet<>(section.declared());
        invalidStages.removeAll(pretrains.keySet());
        settingValues = new SettingValues(catalog, this::problem, keyNodes, pretrains, invalidStages);
        Map<String, Object> defaults = resolveSettings(RunSettings.builtIns(), doc.defaults);
        List<TaskEntry> tasks = tasks(doc);
        List<MethodEntry> methods = methods(doc);
        List<Long> seeds = seeds(doc);
        OverridesSection.Overlay overlay = overlay(doc);
        TuningPlan tuning = new TuningPlan(new TuneSection(this::problem, m -> resolveSettings(Map.of(), m))
                .parse(doc.values.get("tune"), seeds), pinned, overlay, this::problem);
        List<RunSpec> runs = new ArrayList<>();
        Set<String> cells = new HashSet<>();
        for (TaskEntry task : tasks) {
            for (MethodEntry method : methods) {
                Map<String, Object> merged = new LinkedHashMap<>(defaults);
                merged.putAll(task.overrides);
                merged.putAll(method.overrides);
                merged.putAll(overlay.settings(task.name, method.label));
                cells.add(task.name + "/" + method.label);
                TaskDomain domain = catalog.taskDomain(task.name);
                Map<String, Object> settings = RunSettings.forDomain(merged, domain);
                ResolvedSettings config = ResolvedSettings.of(settings);
                checkCombination(task, method, config, domain);
                String label = label(method, config);
                for (long seed : seeds) {
                    runs.add(new RunSpec(name, task.name, method.name, label, method.options, seed, settings));
                }
                tuning.add(name, task.name, domain, method.name, method.label, label, method.options, merged);
            }
        }
        overrides.checkCells(overlay, cells);
        tuning.checkLabels();
        if (!problems.isEmpty()) {
            throw new SuiteException(problems);
        }
        checkUniqueLabels(methods);
        if (!problems.isEmpty()) {
            throw new SuiteException(problems);
        }
        // runs execute in the file's order: tasks as listed, each task's methods as listed, then seeds
        return new Suite(name, version, file, sha256(read), runs, pretrains, tuning.build());
    }

    private OverridesSection overrides;
    /** The pinned file the suite names (null: none). */
    private Path pinned;

    /** The suite's {@code overrides:} and, when the file it pins exists, that file's entries. */
    private OverridesSection.Overlay overlay(Layered doc) {
        overrides = new OverridesSection(catalog, this::problem, m -> resolveSettings(Map.of(), m));
        List<OverridesSection.Entry> entries = new ArrayList<>(overrides.overrides(doc.values.get("overrides")));
        YamlNode node = doc.values.get("pinned");
        if (node != null) {
            if (!(node.value() instanceof String target) || target.isBlank()) {
                problem(node, "'pinned' names the file `surm-bench tune` writes, e.g. pinned/glue.tuned.yaml, got "
                        + node.describeType());
            } else {
                pinned = fileOf(node).resolveSibling(target).normalize();
                if (Files.isRegularFile(pinned)) {
                    YamlNode root = YamlReader.read(pinned);
                    read.add(pinned.toAbsolutePath().normalize());
                    tag(pinned, root);
                    entries.addAll(overrides.pinned(root));
                }
            }
        }
        return new OverridesSection.Overlay(entries);
    }

    /** A document after includes: top-level values by key (this file's win) and merged defaults. */
    private record Layered(Path file, YamlNode root, Map<String, YamlNode> values, Map<String, YamlNode> defaults) {}

    /**
     * Reads {@code file} and what it includes. A file with none of a suite's keys is refused as "not a
     * suite" without a word of its content (an {@code include:} may point anywhere, e.g. at
     * {@code /etc/shadow}); an included file's parse errors are reported at the {@code include} line
     * the same way.
     */
    private Layered load(Path file, Set<Path> seen, Path includer, YamlNode includedBy) {
        Path normalized = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(normalized)) {
            throw new SuiteException(file, 1, 1, "no such suite file");
        }
        YamlNode root;
        try {
            root = YamlReader.read(normalized);
        } catch (SuiteException e) {
            if (includedBy == null) {
                throw e;
            }
            throw notASuite(includer, includedBy, file, "it is not a valid suite file (line " + e.problems().get(0).line() + ")");
        }
        read.add(normalized);
        tag(file, root);
        if (!root.isMap() || root.map().keySet().stream().noneMatch(TOP_LEVEL::contains)) {
            String why = "it has none of a suite's keys " + sorted(TOP_LEVEL);
            if (includedBy != null) {
                throw notASuite(includer, includedBy, file, why);
            }
            throw new SuiteException(file, root.line(), root.column(), "not a suite: " + why + "; is this the right file?");
        }
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, YamlNode> defaults = new LinkedHashMap<>();
        YamlNode include = root.map().get("include");
        if (include != null) {
            if (!(include.value() instanceof String target)) {
                problem(file, include, "'include' must name another suite file, got " + include.describeType());
            } else if (!seen.add(normalized)) {
                problem(file, include, "include cycle through " + normalized.getFileName());
            } else {
                Path included = normalized.resolveSibling(target);
                if (!Files.isRegularFile(included)) {
                    problem(file, include, "included file " + included + " does not exist");
                } else {
                    Layered base = load(included, seen, file, include);
                    values.putAll(base.values);
                    defaults.putAll(base.defaults);
                }
            }
        }
        for (Map.Entry<String, YamlNode> e : root.map().entrySet()) {
            if (!TOP_LEVEL.contains(e.getKey())) {
                problem(file, root.keyNode(e.getKey()), "unknown key '" + e.getKey() + "'; allowed: " + sorted(TOP_LEVEL));
            } else if (e.getKey().equals("defaults")) {
                if (!e.getValue().isMap()) {
                    problem(file, e.getValue(), "'defaults' must be a mapping of settings, got " + e.getValue().describeType());
                } else {
                    defaults.putAll(e.getValue().map());
                }
            } else if (!e.getKey().equals("include")) {
                values.put(e.getKey(), e.getValue());
            }
        }
        return new Layered(normalized, root, values, defaults);
    }

    private static SuiteException notASuite(Path includer, YamlNode include, Path included, String why) {
        return new SuiteException(includer, include.line(), include.column(), "included file " + included
                + " is not a suite: " + why + "; include a suite file");
    }

    // Every node remembers the file it came from (an included file reports its own path), and
    // every mapping value the node of its key (unknown-key errors point at the key).
    private final Map<YamlNode, Path> origins = new java.util.IdentityHashMap<>();
    private final Map<YamlNode, YamlNode> keyNodes = new java.util.IdentityHashMap<>();

    private void tag(Path file, YamlNode node) {
        origins.put(node, file);
        if (node.isMap()) {
            node.map().forEach((k, v) -> {
                YamlNode key = node.keyNode(k);
                origins.put(key, file);
                keyNodes.put(v, key);
                tag(file, v);
            });
        } else if (node.isList()) {
            node.list().forEach(item -> tag(file, item));
        }
    }

    private Path fileOf(YamlNode node) {
        return origins.getOrDefault(node, Path.of("<suite>"));
    }

    private void problem(Path file, YamlNode at, String message) {
        problems.add(new SuiteException.Problem(file, at.line(), at.column(), message));
    }

    private void problem(YamlNode at, String message) {
        problem(fileOf(at), at, message);
    }

    private String requireText(Layered doc, String key) {
        YamlNode node = doc.values.get(key);
        if (node == null) {
            problem(doc.file, doc.root, "missing required key '" + key + "'");
            return "?";
        }
        if (!(node.value() instanceof String s) || s.isBlank() || !s.matches("[A-Za-z0-9._-]+")) {
            problem(node, "'" + key + "' must be a name of letters, digits, '.', '_' or '-', got " + node.describeType());
            return "?";
        }
        if (s.length() > MAX_NAME_CHARS) {
            problem(node, "'" + key + "' is " + s.length() + " characters long; it names the results folder and may be "
                    + "at most " + MAX_NAME_CHARS);
            return "?";
        }
        if (s.matches("\\.+")) {
            problem(node, "'" + key + "' '" + s + "' is not a usable folder name; use letters or digits");
            return "?";
        }
        return s;
    }

    private Map<String, Object> resolveSettings(Map<String, Object> base, Map<String, YamlNode> overrides) {
        return settingValues.resolve(base, overrides);
    }

    private long integer(YamlNode node, String key, long min, long max) {
        return SettingValues.integer(node, key, min, max, this::problem);
    }

    private record TaskEntry(String name, Map<String, Object> overrides, YamlNode node) {}

    private List<TaskEntry> tasks(Layered doc) {
        List<TaskEntry> out = new ArrayList<>();
        for (YamlNode item : nonEmptyList(doc, "tasks", "task names, e.g. [rte, mrpc]")) {
            YamlNode nameNode = item;
            Map<String, YamlNode> overrides = Map.of();
            if (item.isMap()) {
                nameNode = item.map().get("task");
                if (nameNode == null) {
                    problem(item, "a task entry with settings needs 'task: NAME'");
                    continue;
                }
                overrides = new LinkedHashMap<>(item.map());
                overrides.remove("task");
            }
            if (!(nameNode.value() instanceof String name)) {
                problem(nameNode, "a task is a name, got " + nameNode.describeType() + "; known: " + String.join(", ", catalog.taskNames()));
                continue;
            }
            try {
                String canonical = catalog.canonicalTask(name);
                if (out.stream().anyMatch(t -> t.name.equals(canonical))) {
                    problem(nameNode, "task " + canonical + " is listed twice; list each task once");
                    continue;
                }
                out.add(new TaskEntry(canonical, resolveSettings(Map.of(), overrides), item));
            } catch (IllegalArgumentException e) {
                problem(nameNode, e.getMessage());
            }
        }
        for (GlueTask scored : GlueTask.values()) { // a task scored with another task's model needs that task's runs
            String trained = scored.scoresModelOf().map(GlueTask::userName).orElse(null);
            out.stream().filter(t -> t.name.equals(scored.userName()) && trained != null
                            && out.stream().noneMatch(o -> o.name.equals(trained)))
                    .forEach(t -> problem(t.node, t.name + " is not trained: it scores the model of the " + trained
                            + " run with the same method and seed on its own dev set; add " + trained + " to tasks"));
        }
        return out;
    }

    private record MethodEntry(String name, String label, Map<String, Object> options, MethodConfig config,
                               Map<String, Object> overrides, YamlNode node) {}

    private List<MethodEntry> methods(Layered doc) {
        List<MethodEntry> out = new ArrayList<>();
        for (YamlNode item : nonEmptyList(doc, "methods", "method entries, e.g. [lora, {method: circulant, options: {alpha: 2}}]")) {
            YamlNode nameNode = item;
            YamlNode optionsNode = null;
            String label = null;
            Map<String, YamlNode> overrides = new LinkedHashMap<>();
            if (item.isMap()) {
                nameNode = item.map().get("method");
                if (nameNode == null) {
                    problem(item, "a method entry needs 'method: NAME'");
                    continue;
                }
                optionsNode = item.map().get("options");
                YamlNode labelNode = item.map().get("label");
                if (labelNode != null) {
                    label = labelNode.value() instanceof String s && s.matches("[A-Za-z0-9._+-]+") ? s : null;
                    if (label == null) {
                        problem(labelNode, "'label' must be a name of letters, digits, '.', '_', '+' or '-'");
                    }
                }
                item.map().forEach((k, v) -> {
                    if (!METHOD_KEYS.contains(k)) {
                        overrides.put(k, v);
                    }
                });
            }
            if (!(nameNode.value() instanceof String name)) {
                problem(nameNode, "a method is a name, got " + nameNode.describeType() + "; known: " + String.join(", ", MethodRegistry.names()));
                continue;
            }
            Map<String, Object> options = new LinkedHashMap<>();
            if (optionsNode != null) {
                if (!optionsNode.isMap()) {
                    problem(optionsNode, "'options' must be a mapping, got " + optionsNode.describeType());
                    continue;
                }
                optionsNode.map().forEach((k, v) -> options.put(k, v.toPlain()));
            }
            try {
                MethodConfig config = MethodRegistry.parse(name, options);
                out.add(new MethodEntry(name, label == null ? name : label, config.options(), config,
                        resolveSettings(Map.of(), overrides), item));
            } catch (InvalidMethodConfigException e) {
                YamlNode at = nameNode;
                if (optionsNode != null && optionsNode.map().containsKey(e.field())) {
                    at = e.getMessage().contains("unknown option")
                            ? optionsNode.keyNode(e.field()) : optionsNode.map().get(e.field());
                }
                problem(at, e.getMessage());
            }
        }
        return out;
    }

    private List<Long> seeds(Layered doc) {
        List<Long> out = new ArrayList<>();
        for (YamlNode item : nonEmptyList(doc, "seeds", "whole numbers, e.g. [1, 2, 3]")) {
            if (item.value() instanceof Long seed && seed >= 0) {
                if (out.contains(seed)) {
                    problem(item, "seed " + seed + " is listed twice");
                }
                out.add(seed);
            } else {
                problem(item, "a seed is a non-negative whole number, got " + item.describeType());
            }
        }
        return out;
    }

    private List<YamlNode> nonEmptyList(Layered doc, String key, String expected) {
        YamlNode node = doc.values.get(key);
        if (node == null) {
            problem(doc.file, doc.root, "missing required key '" + key + "' (" + expected + ")");
            return List.of();
        }
        if (!node.isList() || node.list().isEmpty()) {
            problem(node, "'" + key + "' must be a non-empty list of " + expected + ", got " + node.describeType());
            return List.of();
        }
        return node.list();
    }

    private void checkCombination(TaskEntry task, MethodEntry method, ResolvedSettings settings, TaskDomain domain) {
        new CombinationCheck(catalog, pretrains, this::problem)
                .check(task.name, task.node, method.config, method.node, settings, domain);
    }

    /**
     * The method's label, with the adapted layers as the suite states them when not all of them (e.g. {@code full (top 2 layers)},
     * {@code full (layers 4–5)}),
     * so that a report never shows a top-layer run as the method on the whole encoder.
     */
    private String label(MethodEntry method, ResolvedSettings settings) {
        if (!problems.isEmpty()) { // an invalid suite is never expanded
            return method.label;
        }
        LayerSelection selection = settings.adaptLayers();
        if (selection.isAll()) {
            return method.label;
        }
        return method.label + " (" + selection.label() + ")";
    }

    private void checkUniqueLabels(List<MethodEntry> methods) {
        Set<String> labels = new HashSet<>();
        for (MethodEntry m : methods) {
            if (!labels.add(m.label)) {
                problem(m.node, "two method entries share the label '" + m.label + "'; give each variant its own 'label'");
            }
        }
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", new java.util.TreeSet<>(keys));
    }

    /**
     * The suite's provenance hash: SHA-256 of the bytes of every file read, the suite first, then each
     * file it includes, in reading order ({@code cat suite.yaml base.yaml | sha256sum}); for a suite
     * without includes, the file's own SHA-256.
     */
    static String sha256(List<Path> files) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path file : files) {
            try {
                all.writeBytes(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new SuiteException(file, 1, 1, "cannot read the file: " + e.getMessage());
            }
        }
        return Sha256.of(all.toByteArray());
    }
}
