package dev.surmbench.peft;

import java.util.Collection;

/**
 * Injection found no module for a target pattern. Failing loudly matters: a silently un-adapted
 * model trains only its head and would be reported as the method's result.
 */
public final class NoTargetMatchedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NoTargetMatchedException(String method, String target, Collection<String> available) {
        super("method '" + method + "': target '" + target + "' matches no adaptable module. "
                + "Available names (suffixes of module paths; prefix 're:' for a regex over the full path): "
                + String.join(", ", available));
    }
}
