package dev.surmbench.suite.run;

import dev.surmbench.model.BackboneSource;
import dev.surmbench.suite.PretrainSpec;
import dev.surmbench.suite.RunSettings;
import dev.surmbench.suite.RunSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Before anything trains, asks what the pending runs need from this machine whether it is there: every
 * split of every task (its {@link TaskRunner}: present and readable, downloaded first where the domain
 * downloads) and every backbone's weights ({@link BackboneSource#unavailable}). The first answer that
 * is no stops the suite with one line ({@link EnvironmentUnavailableException}, exit code 2), and no
 * row or run.json is written. The device is checked beside it ({@link RunDevices#check}).
 *
 * <p>Backbones trained by the suite's own {@code pretrain:} stage are not checked here (the stage
 * checks its dataset when it runs); a run with {@code backbone_init: random} reads no weights.
 */
final class Preflight {
    private final Function<RunSpec, TaskRunner> runners;

    Preflight(Function<RunSpec, TaskRunner> runners) {
        this.runners = runners;
    }

    /**
     * @throws EnvironmentUnavailableException naming the first missing thing, where it looked and the fix
     * @throws IllegalArgumentException a malformed data file (file:line) or an unknown backbone
     */
    void check(List<RunSpec> pending) {
        Set<String> tasks = new LinkedHashSet<>();
        Set<String> backbones = new LinkedHashSet<>();
        for (RunSpec spec : pending) {
            if (tasks.add(spec.task() + "|" + spec.config().glueDir() + "|" + spec.config().dataDir())) {
                runners.apply(spec).checkAvailable(spec);
            }
            String backbone = spec.config().backbone();
            if (PretrainSpec.nameOf(backbone) == null && spec.config().backboneInit() != RunSettings.BackboneInit.RANDOM
                    && backbones.add(backbone)) {
                BackboneSource.parse(backbone).unavailable().ifPresent(why -> {
                    throw new EnvironmentUnavailableException(why);
                });
            }
        }
    }
}
