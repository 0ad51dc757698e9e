package dev.surmbench.peft;

/**
 * One user-facing option of a method: its name as typed in suites and on the CLI, its default as
 * text, and what it means. Listed by {@code surm-bench list}.
 */
public record OptionSpec(String name, String defaultValue, String description) {
    public OptionSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("option name must not be blank");
        }
    }
}
