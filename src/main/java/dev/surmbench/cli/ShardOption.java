package dev.surmbench.cli;

import java.util.Map;

/**
 * Which share of a suite this process runs: {@code --shard i/n} (1-based), or from the scheduler's
 * environment — Kubernetes Indexed Jobs ({@code JOB_COMPLETION_INDEX}, 0-based, with the count in
 * {@code SURM_SHARD_COUNT}) or Slurm arrays ({@code SLURM_ARRAY_TASK_ID} relative to
 * {@code SLURM_ARRAY_TASK_MIN}, count {@code SLURM_ARRAY_TASK_COUNT}).
 */
record ShardOption(int index, int count) {

    static ShardOption resolve(String flag, Map<String, String> env) {
        if (flag != null) {
            String[] parts = flag.split("/");
            try {
                if (parts.length == 2) {
                    return checked(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), "--shard " + flag);
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new IllegalArgumentException("--shard takes i/n with 1 <= i <= n, e.g. --shard 2/4; got '" + flag + "'");
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            String count = env.get("SURM_SHARD_COUNT");
            if (count == null) {
                throw new IllegalArgumentException("JOB_COMPLETION_INDEX is set but SURM_SHARD_COUNT (the Job's completions) is not");
            }
            return checked(number(env, "JOB_COMPLETION_INDEX") + 1, number(env, "SURM_SHARD_COUNT"), "JOB_COMPLETION_INDEX");
        }
        if (env.containsKey("SLURM_ARRAY_TASK_ID") && env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
            int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? number(env, "SLURM_ARRAY_TASK_MIN") : 0;
            return checked(number(env, "SLURM_ARRAY_TASK_ID") - min + 1, number(env, "SLURM_ARRAY_TASK_COUNT"),
                    "SLURM_ARRAY_TASK_ID");
        }
        return new ShardOption(1, 1);
    }

    /** The whole number in environment variable {@code name}; anything else is one line naming it. */
    private static int number(Map<String, String> env, String name) {
        String value = env.get(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment variable " + name + "='" + value + "' is not a whole number; "
                    + "the scheduler sets it to one — unset it or pass --shard i/n");
        }
    }

    private static ShardOption checked(int index, int count, String from) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(from + ": shard " + index + " of " + count + " is out of range");
        }
        return new ShardOption(index, count);
    }
}
