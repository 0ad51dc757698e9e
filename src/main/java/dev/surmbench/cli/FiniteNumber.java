package dev.surmbench.cli;

import picocli.CommandLine;

/**
 * The one converter of every real-valued option ({@code check --tolerance}, {@code --throughput-ratio},
 * {@code bench --dropout}, …): a finite decimal number. {@code NaN} and {@code Infinity} are refused —
 * a limit of NaN compares false with everything and would pass any check silently. Registered for
 * {@code double} and {@link Double} on the whole command line ({@link Main#commandLine}).
 */
final class FiniteNumber implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number; give a decimal number such as 0.5");
        }
        if (!Double.isFinite(v)) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a finite number; give a decimal number such as 0.5");
        }
        return v;
    }
}
