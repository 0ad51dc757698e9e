package dev.surmbench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPU share from fixture copies of /proc/self, the cgroup file system and the CPU topology. */
class CpuShareTest {
    @TempDir
    Path dir;

    private Path proc() {
        return dir.resolve("proc");
    }

    private Path cgroup() {
        return dir.resolve("cgroup");
    }

    private Path cpus() {
        return dir.resolve("cpu");
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void status(String allowed) throws IOException {
        write(proc().resolve("status"), "Name:\tjava\nCpus_allowed:\tff\nCpus_allowed_list:\t" + allowed + "\nVmHWM:\t1 kB\n");
    }

    /** CPU c on core {@code core} of package 0. */
    private void topology(int cpu, int core) throws IOException {
        write(cpus().resolve("cpu" + cpu + "/topology/core_id"), core + "\n");
        write(cpus().resolve("cpu" + cpu + "/topology/physical_package_id"), "0\n");
    }

    private CpuShare read() {
        return CpuShare.read(proc(), cgroup(), cpus(), 64);
    }

    @Test
    void kernelListsExpandRangesAndSingles() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), CpuShare.parseList("0-3,8,10-11"));
        assertEquals(List.of(5), CpuShare.parseList("5\n"));
    }

    @Test
    void affinityWithoutQuotaCountsPhysicalCoresAmongTheAllowedCpus() throws IOException {
        status("0-3");
        for (int c = 0; c < 4; c++) {
            topology(c, c / 2); // two hyper-threads per core
        }
        write(proc().resolve("cgroup"), "0::/\n");
        write(cgroup().resolve("cpu.max"), "max 100000\n");
        CpuShare share = read();
        assertEquals(4, share.cpus());
        assertEquals(2, share.cores());
        assertFalse(share.quota().isPresent());
        assertEquals(2, share.threads());
        assertEquals("2 threads: CPUs 0-3 (2 cores), no CFS quota", share.describe());
    }

    @Test
    void aCgroupV2QuotaOnAParentCgroupCapsTheThreadsRoundedDown() throws IOException {
        status("0-15");
        for (int c = 0; c < 16; c++) {
            topology(c, c);
        }
        write(proc().resolve("cgroup"), "0::/kubepods.slice/pod1/container\n");
        write(cgroup().resolve("kubepods.slice/pod1/container/cpu.max"), "max 100000\n");
        write(cgroup().resolve("kubepods.slice/pod1/cpu.max"), "250000 100000\n"); // limits.cpu: 2.5
        write(cgroup().resolve("kubepods.slice/cpu.max"), "800000 100000\n");
        CpuShare share = read();
        assertEquals(2.5, share.quota().getAsDouble(), 1e-12);
        assertTrue(share.quotaFrom().endsWith("kubepods.slice/pod1/cpu.max"), share.quotaFrom());
        assertEquals(2, share.threads());
    }

    @Test
    void aCgroupV1QuotaOfTheCpuControllerCounts() throws IOException {
        status("0-7");
        write(proc().resolve("cgroup"), "12:memory:/job\n3:cpu,cpuacct:/slurm/job42\n0::/\n");
        write(cgroup().resolve("cpu,cpuacct/slurm/job42/cpu.cfs_quota_us"), "300000\n");
        write(cgroup().resolve("cpu,cpuacct/slurm/job42/cpu.cfs_period_us"), "100000\n");
        write(cgroup().resolve("cpu,cpuacct/cpu.cfs_quota_us"), "-1\n");
        write(cgroup().resolve("cpu,cpuacct/cpu.cfs_period_us"), "100000\n");
        CpuShare share = read();
        assertEquals(8, share.cpus());
        assertEquals(0, share.cores(), "no topology in the fixture: CPUs count");
        assertEquals(3.0, share.quota().getAsDouble(), 1e-12);
        assertEquals(3, share.threads());
    }

    @Test
    void aQuotaBelowOneCpuStillGivesOneThread() throws IOException {
        status("0-3");
        write(proc().resolve("cgroup"), "0::/\n");
        write(cgroup().resolve("cpu.max"), "50000 100000\n");
        assertEquals(1, read().threads());
    }

    @Test
    void withoutProcTheJvmsCountIsTheLastResort() {
        CpuShare share = read();
        assertEquals(64, share.cpus());
        assertEquals(HostFacts.UNKNOWN, share.affinity());
        assertEquals(64, share.threads());
    }

    @Test
    void thisMachinesShareIsAtLeastOneThreadAndAtMostItsCpus() {
        CpuShare share = CpuShare.probe();
        assertTrue(share.threads() >= 1 && share.threads() <= share.cpus(), share.describe());
    }
}
