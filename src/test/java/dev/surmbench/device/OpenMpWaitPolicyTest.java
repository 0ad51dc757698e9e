package dev.surmbench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The wait policy: who wins, and — in a fresh JVM, as {@code cli.Main} starts — that the libgomp
 * libtorch loads reads the value (libgomp's own {@code OMP_DISPLAY_ENV=VERBOSE} report).
 */
class OpenMpWaitPolicyTest {
    @Test
    void theDefaultIsABoundedSpinCount() {
        OpenMpWaitPolicy.Setting s = OpenMpWaitPolicy.decide(Map.of(), null);
        assertEquals(Map.of("GOMP_SPINCOUNT", OpenMpWaitPolicy.DEFAULT), s.variables());
        assertEquals("surm-bench", s.source());
    }

    @Test
    void theUsersEnvironmentWinsOverEverySetting() {
        OpenMpWaitPolicy.Setting s = OpenMpWaitPolicy.decide(Map.of("OMP_WAIT_POLICY", "ACTIVE"), "passive");
        assertEquals(Map.of("OMP_WAIT_POLICY", "ACTIVE"), s.variables());
        assertEquals("OpenMP wait: OMP_WAIT_POLICY=ACTIVE (from the environment)", s.describe());
    }

    @Test
    void theSettingNamesOffPassiveActiveOrACount() {
        assertEquals(Map.of(), OpenMpWaitPolicy.decide(Map.of(), "off").variables());
        assertEquals(Map.of("OMP_WAIT_POLICY", "PASSIVE"), OpenMpWaitPolicy.decide(Map.of(), "Passive").variables());
        assertEquals(Map.of("GOMP_SPINCOUNT", "1000"), OpenMpWaitPolicy.decide(Map.of(), "1000").variables());
        assertEquals("surm.openmp / SURM_OPENMP 'slow': not a wait setting; use off, passive, active or a spin count "
                + "such as " + OpenMpWaitPolicy.DEFAULT,
                assertThrows(IllegalArgumentException.class, () -> OpenMpWaitPolicy.decide(Map.of(), "slow")).getMessage());
    }

    @Test
    void libgompReadsTheDefaultSetBeforeTheEngineLoads() throws Exception {
        String out = probe(Map.of(), List.of());
        assertTrue(out.contains("getenv GOMP_SPINCOUNT=" + OpenMpWaitPolicy.DEFAULT), out);
        assertTrue(out.contains("GOMP_SPINCOUNT = '" + OpenMpWaitPolicy.DEFAULT + "'"), "libgomp's own report:\n" + out);
        assertTrue(out.contains("sum=262144.0"), out);
    }

    @Test
    void libgompReadsTheUsersOwnValueAndThePropertysChoice() throws Exception {
        String user = probe(Map.of("GOMP_SPINCOUNT", "777"), List.of("-Dsurm.openmp=passive"));
        assertTrue(user.contains("GOMP_SPINCOUNT = '777'"), user);
        assertTrue(user.contains("(from the environment)"), user);
        String passive = probe(Map.of(), List.of("-Dsurm.openmp=passive"));
        assertTrue(passive.contains("OMP_WAIT_POLICY = 'PASSIVE'"), passive);
        assertTrue(passive.contains("GOMP_SPINCOUNT = '0'"), "PASSIVE means no spinning:\n" + passive);
    }

    /** Runs {@link OpenMpProbe} in a fresh JVM with {@code env} added and the OpenMP variables otherwise unset. */
    private static String probe(Map<String, String> env, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dai.djl.offline=true");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OpenMpProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "SURM_OPENMP"));
        builder.environment().put("OMP_DISPLAY_ENV", "VERBOSE");
        builder.environment().putAll(env);
        Process p = builder.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        String out = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
