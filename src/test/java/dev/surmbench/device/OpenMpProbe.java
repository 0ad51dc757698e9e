package dev.surmbench.device;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * A JVM entry point for {@link OpenMpWaitPolicyTest}: puts the wait policy in place as {@code
 * cli.Main} does, prints what native code sees in the environment, then starts the engine and runs
 * one product (libgomp loads with libtorch and, under {@code OMP_DISPLAY_ENV=VERBOSE}, prints the
 * settings it read to standard error).
 */
public final class OpenMpProbe {
    private OpenMpProbe() {}

    public static void main(String[] args) {
        OpenMpWaitPolicy.Setting setting = OpenMpWaitPolicy.apply();
        System.out.println("setting: " + setting.describe());
        for (String name : new String[] {OpenMpWaitPolicy.SPIN_COUNT, OpenMpWaitPolicy.WAIT_POLICY}) {
            System.out.println("getenv " + name + "=" + OpenMpWaitPolicy.nativeGetenv(name));
        }
        System.out.flush();
        try (NDManager manager = Engine.getInstance().newBaseManager()) {
            System.out.println("sum=" + manager.ones(new ai.djl.ndarray.types.Shape(64, 64)).matMul(
                    manager.ones(new ai.djl.ndarray.types.Shape(64, 64))).sum().getFloat());
        }
    }
}
