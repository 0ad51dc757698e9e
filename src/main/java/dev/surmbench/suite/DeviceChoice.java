package dev.surmbench.suite;

import ai.djl.Device;
import dev.surmbench.device.DeviceNames;
import dev.surmbench.device.EngineFacts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code device} setting (and {@code --device}): where a run executes. It is an execution detail
 * like the thread count, never part of a run id ({@link RunSettings.Identity#NEVER}).
 *
 * <ul>
 *   <li>{@code auto} — the first GPU the engine can use, else the CPU;</li>
 *   <li>{@code cpu};</li>
 *   <li>{@code cuda} — GPU 0; {@code cuda:N} — GPU N (as numbered after {@code CUDA_VISIBLE_DEVICES}).</li>
 * </ul>
 * {@link #parse} checks the words; {@link #resolve} turns a choice into the DJL {@link Device} on
 * this machine's engine, or fails — before anything trains — saying what was found and the fix.
 *
 * @param kind which form
 * @param index the GPU of {@code cuda[:N]}; 0 otherwise
 */
public record DeviceChoice(Kind kind, int index) {
    /** The forms, for messages and help. */
    public static final String FORMS = "auto, cpu, cuda or cuda:N (N = 0, 1, …)";
    /** The built-in value of the setting. */
    public static final String AUTO = "auto";

    private static final Pattern CUDA_N = Pattern.compile("cuda:(\\d{1,3})");

    /** The forms of the setting. */
    public enum Kind { AUTO, CPU, CUDA }

    /** Parses a setting value; anything else is an {@link IllegalArgumentException} listing the forms. */
    public static DeviceChoice parse(String text) {
        String value = text == null ? "" : text.trim();
        Matcher m = CUDA_N.matcher(value);
        if (m.matches()) {
            return new DeviceChoice(Kind.CUDA, Integer.parseInt(m.group(1)));
        }
        return switch (value) {
            case AUTO -> new DeviceChoice(Kind.AUTO, 0);
            case DeviceNames.CPU -> new DeviceChoice(Kind.CPU, 0);
            case DeviceNames.CUDA -> new DeviceChoice(Kind.CUDA, 0);
            default -> throw new IllegalArgumentException("unknown device '" + text + "'; use " + FORMS);
        };
    }

    /**
     * The device this choice means on an engine with {@code facts}.
     *
     * @throws DeviceUnavailableException for {@code cuda[:N]} when the engine cannot run CUDA or has
     *     fewer GPUs, or for any choice when the engine did not load
     */
    public Device resolve(EngineFacts facts) {
        if (!facts.loadError().isEmpty()) {
            throw new DeviceUnavailableException("device '" + this + "': " + facts.describe()
                    + ". Fix: a CPU build needs pytorch-native-cpu on the class path (the default build);"
                    + " a -Pcuda build needs PYTORCH_LIBRARY_PATH (with PYTORCH_VERSION, PYTORCH_FLAVOR) or network for DJL's download");
        }
        int gpus = facts.usableGpus();
        return switch (kind) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? DeviceNames.cuda(0) : Device.cpu();
            case CUDA -> {
                if (gpus == 0) {
                    throw new DeviceUnavailableException("device '" + this + "' is not available: " + facts.describe()
                            + ". Fix: on a machine with an NVIDIA GPU and driver, build with `mvn -Pcuda package` (CUDA"
                            + " libtorch from PYTORCH_LIBRARY_PATH or DJL's download), or run on the CPU (device: cpu or auto; --device cpu)");
                }
                if (index >= gpus) {
                    throw new DeviceUnavailableException("device '" + this + "' is not available: the engine can use "
                            + gpus + " GPU(s), cuda:0" + (gpus > 1 ? " to cuda:" + (gpus - 1) : "") + " (" + facts.describe()
                            + "). Fix: use one of those, cuda or auto");
                }
                yield DeviceNames.cuda(index);
            }
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> AUTO;
            case CPU -> DeviceNames.CPU;
            case CUDA -> DeviceNames.CUDA + ":" + index;
        };
    }
}
