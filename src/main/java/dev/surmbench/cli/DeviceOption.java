package dev.surmbench.cli;

import ai.djl.Device;
import dev.surmbench.device.EngineFacts;
import dev.surmbench.suite.DeviceChoice;
import picocli.CommandLine.Option;

/**
 * {@code --device auto|cpu|cuda|cuda:N}: where a command computes. A picocli mixin for every command
 * that builds a model ({@code @Mixin DeviceOption device;} — {@code run}, {@code replay}, {@code bench train-step}, {@code
 * encode}); the value is checked and resolved by {@code suite}'s {@link DeviceChoice} against this
 * machine's engine, so a device the machine lacks is a one-line error (exit code 2) before anything
 * computes. The device never changes a run id.
 */
public final class DeviceOption {
    @Option(names = "--device", paramLabel = "DEVICE",
            description = "auto (first GPU the engine can use, else the CPU), cpu, cuda or cuda:N;"
                    + " overrides the suite's 'device' setting; never part of a run id")
    String device;

    /** The value given, or null when the option was not used. */
    public String value() {
        return device;
    }

    /**
     * The DJL device of the option, or of {@code fallback} when it was not given, on this process's engine.
     *
     * @throws IllegalArgumentException for an unknown form; {@code DeviceUnavailableException} for a
     *     device the engine cannot use (both bad input, exit code 2)
     */
    public Device resolve(String fallback) {
        return DeviceChoice.parse(device != null ? device : fallback).resolve(EngineFacts.probe());
    }
}
