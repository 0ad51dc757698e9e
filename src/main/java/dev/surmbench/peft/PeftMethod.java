package dev.surmbench.peft;

import java.util.List;
import java.util.Map;

/**
 * A registered method: the name users type, a one-line description, its options with defaults,
 * and the parser that turns a suite's option map into a validated {@link MethodConfig}.
 */
public interface PeftMethod {

    String name();

    String description();

    List<OptionSpec<?>> options();

    /** Parses options (unknown keys and wrong types are errors naming the key and what is allowed). */
    MethodConfig parse(Map<String, ?> options);

    /** The configuration with every option at its default. */
    default MethodConfig defaults() {
        return parse(Map.of());
    }
}
