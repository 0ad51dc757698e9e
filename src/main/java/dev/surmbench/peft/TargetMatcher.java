package dev.surmbench.peft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matches target names against module paths, as Hugging Face PEFT does for a list of names: a
 * target matches a path equal to it or ending in "." + target, on whole path components. A target
 * naming a parent module whose projection is its {@code dense} child (Hugging Face BERT/ViT:
 * {@code attention.output}, {@code intermediate}, {@code output}) matches that child. Note that,
 * as in PEFT, {@code output} then matches both {@code attention.output.dense} and the feed-forward
 * {@code output.dense}; use {@code re:} followed by a Java regex over the full path for precision.
 */
public final class TargetMatcher {
    private static final String REGEX_PREFIX = "re:";

    private TargetMatcher() {}

    /** True when {@code target} selects the module at {@code path}. */
    public static boolean matches(String target, String path) {
        if (target.startsWith(REGEX_PREFIX)) {
            return Pattern.compile(target.substring(REGEX_PREFIX.length())).matcher(path).matches();
        }
        return endsWithComponents(path, target) || endsWithComponents(path, target + ".dense");
    }

    private static boolean endsWithComponents(String path, String suffix) {
        return path.equals(suffix) || path.endsWith("." + suffix);
    }

    /**
     * The items whose paths any target matches, in their original order.
     *
     * @throws NoTargetMatchedException when one target matches nothing (listing the names there are)
     * @throws InvalidMethodConfigException when a {@code re:} target is not a valid regex
     */
    public static <T> List<T> select(String method, List<String> targets, List<T> items, Function<T, String> path) {
        for (String target : targets) {
            if (target.startsWith(REGEX_PREFIX)) {
                try {
                    Pattern.compile(target.substring(REGEX_PREFIX.length()));
                } catch (PatternSyntaxException e) {
                    throw new InvalidMethodConfigException(method, "targets", "invalid regex '" + target + "': " + e.getDescription());
                }
            }
        }
        List<T> selected = new ArrayList<>();
        Set<String> unmatched = new LinkedHashSet<>(targets);
        for (T item : items) {
            boolean hit = false;
            for (String target : targets) {
                if (matches(target, path.apply(item))) {
                    unmatched.remove(target);
                    hit = true;
                }
            }
            if (hit) {
                selected.add(item);
            }
        }
        if (!unmatched.isEmpty()) {
            throw new NoTargetMatchedException(method, unmatched.iterator().next(), availableNames(items, path));
        }
        return selected;
    }

    /** Short names users can type: each path with its layer prefix ("…layer.N.") removed, deduplicated. */
    static <T> Set<String> availableNames(List<T> items, Function<T, String> path) {
        Set<String> names = new LinkedHashSet<>();
        for (T item : items) {
            names.add(path.apply(item).replaceFirst("^.*?\\.\\d+\\.", ""));
        }
        return names;
    }
}
