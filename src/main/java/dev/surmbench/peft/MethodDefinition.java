package dev.surmbench.peft;

import dev.surmbench.peft.adapter.StructuredAdapterConfig;
import dev.surmbench.peft.core.StructureSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A registered method built from its name, description, option specs and parser. The factories
 * give every LoRA-style and adapter-style structured method the same common options, so the
 * families only declare what is their own.
 */
public record MethodDefinition(
        String name, String description, List<OptionSpec<?>> options, Function<MethodOptions, MethodConfig> parser)
        implements PeftMethod {

    public static final OptionSpec<List<String>> TARGETS = OptionSpec.names("targets", List.of("query", "value"),
            "module names to adapt (path suffixes; 're:' prefix for a regex over the full path)");
    public static final OptionSpec<Double> DROPOUT = OptionSpec.number("dropout", 0.0, "dropout on the method's input");
    public static final OptionSpec<List<String>> POSITIONS = OptionSpec.names("positions", List.of("attention", "ffn"),
            "Houlsby positions: after the attention output and/or the feed-forward output projection");

    public MethodDefinition {
        options = List.copyOf(options);
    }

    @Override
    public MethodConfig parse(Map<String, ?> values) {
        return parser.apply(MethodOptions.of(name, values, options));
    }

    /** A LoRA-style method y = W·x + s·ΔW·dropout(x), ΔW of the given structure. */
    public static MethodDefinition update(
            String name, String description, String scaleRule, List<OptionSpec<?>> structureOptions,
            Function<MethodOptions, StructureSpec> structure) {
        List<OptionSpec<?>> all = new ArrayList<>(structureOptions);
        OptionSpec<Double> alpha = OptionSpec.derivedNumber("alpha", scaleRule.contains("/") ? "rank" : "1.0", "scale: " + scaleRule);
        all.add(alpha);
        all.add(DROPOUT);
        all.add(TARGETS);
        return new MethodDefinition(name, description, all, options -> {
            StructureSpec spec = structure.apply(options);
            return new StructuredUpdateConfig(name, spec,
                    options.get(alpha, spec.defaultAlpha()),
                    options.get(DROPOUT),
                    options.get(TARGETS));
        });
    }

    /** A SURM adapter h ← h + GELU(S·dropout(h)) + bias, S of the given structure. */
    public static MethodDefinition adapter(
            String name, String description, List<OptionSpec<?>> structureOptions,
            Function<MethodOptions, StructureSpec> structure) {
        List<OptionSpec<?>> all = new ArrayList<>(structureOptions);
        all.add(DROPOUT);
        all.add(POSITIONS);
        return new MethodDefinition(name, description, all, options -> new StructuredAdapterConfig(
                name, structure.apply(options), options.get(DROPOUT), positions(name, options)));
    }

    /** Parses the {@code positions} option (default: both). */
    public static Set<AdapterPosition> positions(String method, MethodOptions options) {
        Set<AdapterPosition> out = EnumSet.noneOf(AdapterPosition.class);
        for (String text : options.get(POSITIONS)) {
            out.add(AdapterPosition.parse(method, text));
        }
        return out;
    }
}
