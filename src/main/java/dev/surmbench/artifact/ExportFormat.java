package dev.surmbench.artifact;

import dev.surmbench.peft.AdapterMethodConfig;
import dev.surmbench.peft.MethodRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The forms a saved adapter can be exported in, and which methods each can express. */
public enum ExportFormat {
    /** Hugging Face PEFT ({@link PeftExport}): {@code lora}, {@code circulant}. */
    PEFT,
    /** A plain Hugging Face checkpoint with the update merged in ({@link MergedExport}): every method without adapter branches. */
    MERGED;

    /** The name users type. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user name; the message lists the formats. */
    public static ExportFormat fromName(String name) {
        for (ExportFormat f : values()) {
            if (f.userName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + name + "'; formats: "
                + String.join(", ", Arrays.stream(values()).map(ExportFormat::userName).toList()));
    }

    /** The formats that express {@code method} exactly. */
    public static List<ExportFormat> supported(String method) {
        List<ExportFormat> out = new ArrayList<>();
        if (PeftExport.PEFT_TYPES.containsKey(method)) {
            out.add(PEFT);
        }
        if (!(MethodRegistry.parse(method, java.util.Map.of()) instanceof AdapterMethodConfig)) {
            out.add(MERGED);
        }
        return out;
    }

    /** One sentence naming the formats {@code method} supports, for error messages. */
    public static String supportedLine(String method) {
        List<ExportFormat> formats = supported(method);
        if (formats.isEmpty()) {
            return "'" + method + "' supports no export format (its adapter branches are nonlinear and have no PEFT type);"
                    + " use its adapter folder with 'eval --adapter'";
        }
        return "formats that '" + method + "' supports: " + String.join(", ", formats.stream().map(ExportFormat::userName).toList());
    }
}
