package dev.surmbench.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The share of the machine's CPUs this process may use, as a Kubernetes CPU limit or a Slurm
 * allocation sets it — not the host's core count:
 * <ul>
 *   <li><b>affinity</b>: the CPUs the scheduler lets this process run on ({@code Cpus_allowed_list} in
 *       {@code /proc/self/status}: a Slurm cpuset, {@code taskset}, a Kubernetes static CPU manager);</li>
 *   <li><b>cores</b>: the distinct physical cores among those CPUs ({@code topology/core_id} and {@code
 *       physical_package_id} under {@code /sys/devices/system/cpu}): hyper-threads of one core share
 *       its arithmetic units, so PyTorch's own default counts cores too;</li>
 *   <li><b>quota</b>: the CFS bandwidth limit of the process's cgroup and of every cgroup above it
 *       (cgroup v2 {@code cpu.max}, v1 {@code cpu.cfs_quota_us / cpu.cfs_period_us}), the smallest
 *       one: a Kubernetes {@code resources.limits.cpu}, a systemd {@code CPUQuota}.</li>
 * </ul>
 * {@link #threads()} is the intra-op thread count that share supports: the cores (the CPUs where the
 * topology is unreadable), at most the quota rounded down (a thread beyond the quota is throttled
 * and stalls the others at every barrier), at least 1.
 *
 * <p>For comparison, JDK 17's {@code Runtime.availableProcessors()} (checked on 17.0.15) counts the
 * affinity mask's CPUs and, with its default container support, the quota of the process's own
 * cgroup rounded <em>up</em> — not a quota set on a parent cgroup (a systemd slice) and not physical
 * cores; it is kept here ({@link #jvmProcessors}) for the record and as the last resort on a system
 * without {@code /proc}.
 *
 * @param cpus CPUs in the affinity mask
 * @param cores physical cores among them (0 when the topology is unreadable)
 * @param quota the smallest CFS quota in CPUs on the cgroup path; empty when none is set
 * @param affinity the affinity list as the kernel prints it ("0-3,8-11"), or {@link HostFacts#UNKNOWN}
 * @param quotaFrom the file the quota came from, or "" when none
 * @param jvmProcessors {@code Runtime.availableProcessors()}
 */
public record CpuShare(int cpus, int cores, OptionalDouble quota, String affinity, String quotaFrom, int jvmProcessors) {

    /** This process's share, read from {@code /proc}, {@code /sys/fs/cgroup} and {@code /sys/devices/system/cpu}. */
    public static CpuShare probe() {
        return read(Path.of("/proc/self"), Path.of("/sys/fs/cgroup"), Path.of("/sys/devices/system/cpu"),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The share as the given roots describe it (fixtures in tests): {@code proc} holds {@code status}
     * and {@code cgroup}; {@code cgroupRoot} is the cgroup file system's mount point; {@code cpuRoot}
     * holds {@code cpuN/topology/}.
     */
    static CpuShare read(Path proc, Path cgroupRoot, Path cpuRoot, int jvmProcessors) {
        String list = statusField(proc.resolve("status"), "Cpus_allowed_list");
        List<Integer> allowed = list == null ? List.of() : parseList(list);
        int cpus = allowed.isEmpty() ? jvmProcessors : allowed.size();
        int cores = allowed.isEmpty() ? 0 : cores(cpuRoot, allowed);
        Quota quota = quota(proc.resolve("cgroup"), cgroupRoot);
        return new CpuShare(cpus, cores, quota == null ? OptionalDouble.empty() : OptionalDouble.of(quota.cpus),
                list == null ? HostFacts.UNKNOWN : list, quota == null ? "" : quota.file, jvmProcessors);
    }

    /** Threads the share supports (see the class comment). */
    public int threads() {
        int n = cores > 0 ? cores : cpus;
        if (quota.isPresent()) {
            n = Math.min(n, (int) Math.floor(quota.getAsDouble() + 1e-9));
        }
        return Math.max(1, n);
    }

    /** One line for logs: "2 threads: CPUs 0-1 (2 cores), no CFS quota". */
    public String describe() {
        return String.format(Locale.ROOT, "%d thread%s: CPUs %s (%d core%s), %s", threads(), threads() == 1 ? "" : "s",
                affinity, cores > 0 ? cores : cpus, (cores > 0 ? cores : cpus) == 1 ? "" : "s",
                quota.isPresent() ? String.format(Locale.ROOT, "CFS quota %.2f CPUs (%s)", quota.getAsDouble(), quotaFrom)
                        : "no CFS quota");
    }

    /** CPU numbers of a kernel list such as "0-3,8,10-11". */
    static List<Integer> parseList(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0].trim());
            int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
            for (int c = from; c <= to; c++) {
                out.add(c);
            }
        }
        return out;
    }

    private static int cores(Path cpuRoot, List<Integer> cpus) {
        Set<String> cores = new HashSet<>();
        for (int cpu : cpus) {
            Path topology = cpuRoot.resolve("cpu" + cpu).resolve("topology");
            String core = firstLine(topology.resolve("core_id"));
            String pkg = firstLine(topology.resolve("physical_package_id"));
            if (core == null) {
                return 0;
            }
            cores.add((pkg == null ? "0" : pkg) + ":" + core);
        }
        return cores.size();
    }

    private record Quota(double cpus, String file) {}

    /** The smallest CFS quota on this process's cgroup path (v2 unified, else v1 "cpu" controller). */
    private static Quota quota(Path procCgroup, Path root) {
        List<String> lines;
        try {
            lines = Files.readAllLines(procCgroup);
        } catch (IOException e) {
            return null;
        }
        Quota best = null;
        for (String line : lines) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            boolean v2 = f[0].equals("0") && f[1].isEmpty();
            boolean v1 = List.of(f[1].split(",")).contains("cpu");
            if (!v2 && !v1) {
                continue;
            }
            // v2 is mounted at the root (or at root/unified beside v1); v1's "cpu" at root/cpu or root/cpu,cpuacct
            List<Path> mounts = v2 ? List.of(root, root.resolve("unified"))
                    : List.of(root.resolve("cpu"), root.resolve(f[1]), root.resolve("cpu,cpuacct"));
            for (Path mount : mounts) {
                Quota q = smallestOnPath(mount, f[2], v2);
                if (q != null && (best == null || q.cpus < best.cpus)) {
                    best = q;
                }
            }
        }
        return best;
    }

    /** Walks from the cgroup's folder up to the mount point (a namespaced container sees "/" as its own). */
    private static Quota smallestOnPath(Path mount, String cgroup, boolean v2) {
        if (!Files.isDirectory(mount)) {
            return null;
        }
        Quota best = null;
        Path dir = mount.resolve(cgroup.replaceFirst("^/+", "")).normalize();
        while (dir != null && dir.startsWith(mount)) {
            Quota q = v2 ? v2Quota(dir) : v1Quota(dir);
            if (q != null && (best == null || q.cpus < best.cpus)) {
                best = q;
            }
            dir = dir.equals(mount) ? null : dir.getParent();
        }
        return best;
    }

    private static Quota v2Quota(Path dir) {
        String max = firstLine(dir.resolve("cpu.max"));
        if (max == null) {
            return null;
        }
        String[] f = max.trim().split("\\s+");
        if (f[0].equals("max") || f.length < 2) {
            return null;
        }
        return ratio(f[0], f[1], dir.resolve("cpu.max"));
    }

    private static Quota v1Quota(Path dir) {
        String quota = firstLine(dir.resolve("cpu.cfs_quota_us"));
        String period = firstLine(dir.resolve("cpu.cfs_period_us"));
        return quota == null || period == null ? null : ratio(quota, period, dir.resolve("cpu.cfs_quota_us"));
    }

    private static Quota ratio(String quota, String period, Path file) {
        try {
            long q = Long.parseLong(quota.trim());
            long p = Long.parseLong(period.trim());
            return q > 0 && p > 0 ? new Quota((double) q / p, file.toString()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String statusField(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).trim();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? null : lines.get(0).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
