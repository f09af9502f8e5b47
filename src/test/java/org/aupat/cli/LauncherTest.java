package org.aupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.aupat.AupatApplication;
import org.aupat.foundation.error.ExitCode;
import org.junit.jupiter.api.Test;

class LauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Launcher launcher = new Launcher(AupatApplication.class,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void noScriptPrintsTheCatalogAndExits2() {
        assertThat(launcher.launch(new String[0])).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No --script given").contains("db_import")
                .contains("gen_sha").contains("Exit codes");
    }

    @Test
    void unknownScriptNamesItAndExits2() {
        assertThat(launcher.launch(new String[] {"--script=db_imprt"})).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown script 'db_imprt'").contains("db_migrate");
    }

    @Test
    void helpWithoutScriptPrintsTheCatalogAndExits0() {
        assertThat(launcher.launch(new String[] {"--help"})).isEqualTo(ExitCode.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:").contains("folder");
    }

    @Test
    void scriptNameMayBeASeparateArgument() {
        assertThat(Launcher.scriptName(new String[] {"--script", "gen_uuid"})).contains("gen_uuid");
        assertThat(Launcher.normalised(new String[] {"--script", "gen_uuid", "-q"}))
                .containsExactly("--script=gen_uuid", "-q");
        assertThat(Launcher.normalised(new String[] {"--script=gen_uuid", "--config", "user/user.json"}))
                .containsExactly("--script=gen_uuid", "--config=user/user.json");
    }

    @Test
    void springArgumentsAreHiddenFromTheScriptsOptions() {
        assertThat(ScriptRunner.scriptArguments("--script=gen_sha", "--aupat.database=x.db", "--file=a", "--config=u.json",
                "--spring.profiles.active=prod", "--script", "gen_sha")).containsExactly("--file=a");
    }

    @Test
    void aSettingGivenTwiceIsRefusedNamingBothValues() {
        assertThat(launcher.launch(new String[] {"--script=db_migrate", "--aupat.database=a.db", "--aupat.database=b.db"}))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("aupat.database is given twice (--aupat.database=a.db and --aupat.database=b.db): give it once."
                        + System.lineSeparator());
        assertThat(Launcher.repeatedSetting(new String[] {"--script=gen_uuid", "--config", "a.json", "--config=b.json"}))
                .hasValueSatisfying(m -> assertThat(m).contains("--config=a.json").contains("--config=b.json"));
        assertThat(Launcher.repeatedSetting(new String[] {"--aupat.checkpoint-database=a", "--aupat.checkpointDatabase=b"}))
                .isPresent();
        assertThat(Launcher.repeatedSetting(new String[] {"--script=x", "--aupat.database=a", "--aupat.archive=a", "--file=1",
                "--file=2"})).isEmpty();
    }

    @Test
    void onlyASettingOneOrTwoSlipsFromAKnownOneCountsAsMistyped() {
        assertThat(Launcher.mistypedSetting(new String[] {"--aupat.replicas.offsite.s3.region=eu-central-1",
                "--aupat.replicas.nas.path=/mnt/nas", "--aupat.retry.max-attempts=2", "--aupat.checkpointDatabase=c.db"}))
                .isEmpty();
        assertThat(Launcher.mistypedSetting(new String[] {"--aupat.archiv=/a"}))
                .contains("Unknown setting 'aupat.archiv'. Did you mean aupat.archive?");
    }
}
