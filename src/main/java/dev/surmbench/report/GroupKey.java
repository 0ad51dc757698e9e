package dev.surmbench.report;

import java.util.Comparator;

/**
 * One aggregation cell: a task and a method row. Ordered by task name, then {@link MethodKey}.
 *
 * @param task the task name (an opaque string)
 * @param row the method and label
 */
public record GroupKey(String task, MethodKey row) implements Comparable<GroupKey> {

    private static final Comparator<GroupKey> COMPARATOR =
            Comparator.comparing(GroupKey::task).thenComparing(GroupKey::row);

    public static GroupKey of(String task, String method, String label) {
        return new GroupKey(task, new MethodKey(method, label));
    }

    @Override
    public int compareTo(GroupKey o) {
        return COMPARATOR.compare(this, o);
    }

    @Override
    public String toString() {
        return task + " × " + row.display();
    }
}
