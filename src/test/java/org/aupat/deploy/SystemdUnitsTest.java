package org.aupat.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The units in deploy/systemd as systemd itself reads them. systemd-analyze reports unknown keys
 * with exit code 0, so a clean verification means exit 0 and not one line about our units.
 */
class SystemdUnitsTest {
    private static final Path UNITS = Path.of("deploy/systemd");
    private static final String[] UNIT_NAMES = {"aupat@backup.service", "aupat@db_verify.service",
            "aupat@db_cleanup.service", "aupat-backup.timer", "aupat-db-verify.timer", "aupat-db-cleanup.timer"};

    @TempDir
    Path units;

    @Test
    void unitsVerifyWithoutAnyComplaint() throws Exception {
        copyUnits();
        Verification v = verify();
        assertThat(v.complaints()).isEmpty();
        assertThat(v.exit()).isZero();
    }

    @Test
    void verificationCatchesAMistypedSetting() throws Exception {
        copyUnits();
        Path service = units.resolve("aupat@.service");
        Files.writeString(service, Files.readString(service).replace("ProtectSystem=strict", "ProtectSytem=strict"));
        assertThat(verify().complaints()).anyMatch(line -> line.contains("ProtectSytem"));
    }

    @Test
    void verificationCatchesABadTimerSchedule() throws Exception {
        copyUnits();
        Path timer = units.resolve("aupat-backup.timer");
        Files.writeString(timer, Files.readString(timer).replace("OnCalendar=*-*-* 01:30", "OnCalendar=nightly-ish"));
        Verification v = verify();
        assertThat(v.complaints()).anyMatch(line -> line.contains("nightly-ish"));
        assertThat(v.exit()).isNotZero();
    }

    @Test
    void theNightlyVerificationGetsItsSampleOptionAndNoOtherScriptDoes() throws IOException {
        assertThat(Files.readString(UNITS.resolve("aupat@db_verify.service.d/sample.conf")))
                .contains("Environment=AUPAT_OPTIONS=--sample=5");
        assertThat(Files.readString(UNITS.resolve("aupat@.service")))
                .contains("Environment=AUPAT_OPTIONS=\n")
                .contains("--script=%i --spring.profiles.active=prod $AUPAT_OPTIONS")
                .contains("SuccessExitStatus=4 75 130 143").contains("KillMode=mixed");
    }

    @Test
    void exit4IsAWarningAndExit75ANoticeInTheJournal() throws Exception {
        assertThat(afterRun(4)).isEqualTo("<4>AUPAT backup finished but skipped items: see /var/log/aupat/failure.log\n");
        assertThat(afterRun(75)).isEqualTo("<5>AUPAT backup did not run: another AUPAT run holds the lock\n");
        assertThat(afterRun(143)).isEqualTo("<5>AUPAT backup was stopped at a safe point: the next run resumes it\n");
        assertThat(afterRun(130)).isEqualTo(afterRun(143));
        assertThat(afterRun(0)).isEmpty();
        assertThat(afterRun(1)).isEmpty();
    }

    /** Runs the service's ExecStopPost command as systemd would for aupat@backup after the given exit status. */
    private String afterRun(int exitStatus) throws Exception {
        String line = Files.readAllLines(UNITS.resolve("aupat@.service")).stream()
                .filter(l -> l.startsWith("ExecStopPost=")).findFirst().orElseThrow();
        String command = line.substring("ExecStopPost=/bin/sh -c '".length(), line.length() - 1)
                .replace("$$", "$").replace("%i", "backup");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("EXIT_STATUS", String.valueOf(exitStatus)));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return out;
    }

    /** Copies the units; ExecStart must name an existing java, so it points at this JVM's if /usr/bin/java is absent. */
    private void copyUnits() throws IOException {
        try (Stream<Path> files = Files.walk(UNITS)) {
            for (Path source : files.toList()) {
                Path target = units.resolve(UNITS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        if (!Files.isExecutable(Path.of("/usr/bin/java"))) {
            Path service = units.resolve("aupat@.service");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Files.writeString(service, Files.readString(service).replace("/usr/bin/java", java));
        }
    }

    private record Verification(int exit, List<String> complaints) {
    }

    private Verification verify() throws Exception {
        String reason = "systemd-analyze is not installed (apt-get install systemd), so the units were not verified";
        boolean available = Stream.of("/usr/bin/systemd-analyze", "/bin/systemd-analyze")
                .anyMatch(p -> Files.isExecutable(Path.of(p)));
        if (!available) {
            System.out.println("SKIPPED: " + reason);
        }
        assumeTrue(available, reason);
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=false"));
        command.addAll(List.of(UNIT_NAMES));
        // Unit names are looked up in the working directory first, so these are our copies.
        Process process = new ProcessBuilder(command).directory(units.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        // Lines about the host (no bus, no cgroups in a container) are not about our units.
        List<String> complaints = out.lines().filter(l -> l.contains("aupat")).toList();
        return new Verification(exit, complaints);
    }

    /** systemd starts a service under the C locale; Java would then read every non-ASCII file name as "?". */
    @Test
    void theServiceRunsJavaUnderAUtf8Locale() throws IOException {
        assertThat(Files.readAllLines(UNITS.resolve("aupat@.service"))).contains("Environment=LC_ALL=C.UTF-8");
    }
}
