package org.aupat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.nio.file.Files;
import java.util.Set;
import org.aspectj.lang.annotation.Aspect;
import org.aupat.cli.AupatScript;
import org.springframework.aop.Advisor;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Repository;

/** The layers of docs/architecture.md, kept honest: arrows point down only, and the dangerous calls stay in their places. */
@AnalyzeClasses(packages = "org.aupat", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class,
        ArchitectureTest.NotGeneratedAtBuildTime.class})
class ArchitectureTest {
    /** Spring AOT's build output: bean definitions (Name__BeanDefinitions...) and proxies wire every layer by design. */
    static final class NotGeneratedAtBuildTime implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("__") && !location.contains("$$SpringCGLIB$$");
        }
    }

    private static final String SCRIPTS = "org.aupat.scripts..";
    private static final String ARCHIVE = "org.aupat.archive..";
    private static final String FOUNDATION = "org.aupat.foundation..";
    private static final String CLI = "org.aupat.cli..";

    /**
     * AUPAT's own files, never a user's media: each is regenerated or disposable, so the rollback journal
     * would add nothing. Backups and their manifest (written beside, renamed into place, surplus ones
     * pruned), the master JSON (rewritten atomically from the database), crash temp files and empty
     * staging folders (cleanup), the checkpoint database (moved aside when corrupt), the pre-flight
     * probe files (also the log folder's), the catalogue's pages and thumbnails (derived data beside the
     * archive, written beside and renamed into place), and the copy of SQLite's native library that bin/aupat keeps beside its archive.
     */
    private static final Set<String> FILE_CHANGES_ALLOWED_IN = Set.of(
            "org.aupat.archive.maintenance.BackupFolder",
            "org.aupat.archive.maintenance.BackupService",
            "org.aupat.archive.maintenance.CleanupService",
            "org.aupat.archive.identify.IdentifyService",
            "org.aupat.archive.catalogue.CatalogueFiles",
            "org.aupat.foundation.checkpoint.CheckpointStore",
            "org.aupat.foundation.db.PostgresBackup",
            "org.aupat.foundation.db.SqliteNativeLibrary",
            "org.aupat.foundation.logging.LogFolderCheck",
            "org.aupat.foundation.preflight.PreflightChecks");

    @ArchTest
    static final ArchRule foundationKnowsNothingAbove = noClasses().that().resideInAPackage(FOUNDATION)
            .should().dependOnClassesThat().resideInAnyPackage(ARCHIVE, SCRIPTS, CLI);

    @ArchTest
    static final ArchRule archiveUsesOnlyFoundation = noClasses().that().resideInAPackage(ARCHIVE)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, SCRIPTS);

    @ArchTest
    static final ArchRule cliKnowsNoScriptOrService = noClasses().that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(SCRIPTS, ARCHIVE);

    @ArchTest
    static final ArchRule scriptsUseOnlyServicesFoundationAndCli = classes().that().resideInAPackage(SCRIPTS)
            .should().onlyDependOnClassesThat(JavaClass.Predicates.resideOutsideOfPackage("org.aupat..")
                    .or(JavaClass.Predicates.resideInAnyPackage(SCRIPTS, ARCHIVE, FOUNDATION, CLI)));

    @ArchTest
    static final ArchRule nothingDependsOnScripts = noClasses().that().resideOutsideOfPackage(SCRIPTS)
            .should().dependOnClassesThat().resideInAPackage(SCRIPTS);

    @ArchTest
    static final ArchRule everyRunnerIsAScriptOnTheCommonRunner = classes().that().implement(CommandLineRunner.class)
            .and().doNotHaveFullyQualifiedName(AupatScript.class.getName())
            .should().resideInAPackage("org.aupat.scripts").andShould().beAssignableTo(AupatScript.class);

    @ArchTest
    static final ArchRule scriptsCannotBypassTheRunner = methods().that().areDeclaredIn(AupatScript.class)
            .and().haveName("run").should().haveModifier(JavaModifier.FINAL);

    /**
     * SQLite stays behind foundation.db (docs/postgresql.md): services, repositories and scripts work on either
     * database through ArchiveDatabase and SqlDialect. Only the maintenance of the SQLite file itself
     * (archive.maintenance: its backups, integrity check and migration checks) and the restore of an SQLite home
     * from a replica (RecoveryRepository) work on the file, each choosing by the database in one place.
     */
    @ArchTest
    static final ArchRule sqliteStaysInTheDatabaseLayer = noClasses().that().resideInAnyPackage(ARCHIVE, SCRIPTS)
            .and().resideOutsideOfPackage("org.aupat.archive.maintenance..")
            .and().doNotHaveFullyQualifiedName("org.aupat.archive.replication.RecoveryRepository")
            .should().dependOnClassesThat(DescribedPredicate.describe("are SQLite's (org.sqlite, Sqlite* of foundation.db)",
                    (JavaClass c) -> c.getPackageName().startsWith("org.sqlite")
                            || (c.getPackageName().equals("org.aupat.foundation.db") && c.getSimpleName().startsWith("Sqlite"))));

    @ArchTest
    static final ArchRule jdbcOnlyInRepositories = noClasses().that(notRepositoryOrDatabaseLayer())
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule fileChangesOnlyThroughTheRollbackLayer = noClasses()
            .that().resideOutsideOfPackage("org.aupat.foundation.rollback..")
            .and(DescribedPredicate.describe("not on the allow-list",
                    (JavaClass c) -> !FILE_CHANGES_ALLOWED_IN.contains(c.getName().replaceAll("\\$.*", ""))))
            .should().callMethodWhere(DescribedPredicate.describe("copy, move or delete a file",
                    ArchitectureTest::changesAFile));

    private static DescribedPredicate<JavaClass> notRepositoryOrDatabaseLayer() {
        return DescribedPredicate.describe("are neither @Repository nor in foundation.db", c -> {
            JavaClass outer = c;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            // The pre-flight check of a database connection asks the connection itself, like foundation.db.
            return !outer.isAnnotatedWith(Repository.class) && !c.getPackageName().startsWith("org.aupat.foundation.db")
                    && !outer.getName().equals("org.aupat.foundation.preflight.PreflightChecks");
        });
    }

    private static boolean changesAFile(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        if (owner.equals(Files.class.getName())) {
            return name.equals("copy") || name.equals("move") || name.startsWith("delete");
        }
        return owner.equals(File.class.getName()) && (name.equals("delete") || name.equals("renameTo"));
    }

    /**
     * A foundation exists so that no script runs without it: every public foundation type has a caller in
     * production code (tests do not count), or is called by Spring itself (a configuration, an aspect, a
     * listener), or implements a foundation interface that has one. One that has none is wired where its
     * check belongs or removed.
     */
    @ArchTest
    static final ArchRule everyFoundationTypeHasAProductionCaller = classes().that().resideInAPackage(FOUNDATION)
            .and().arePublic().and().areTopLevelClasses()
            .should(new ArchCondition<JavaClass>("have a caller in production code") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    boolean used = calledBySpring(type) || hasCallerOutside(type) || constantsNamedInProductionCode(type)
                            || type.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().startsWith("org.aupat.")
                                    && hasCallerOutside(i));
                    if (!used) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " has no caller in production"
                                + " code: wire it where its check belongs, or remove it"));
                    }
                }
            });

    private static boolean hasCallerOutside(JavaClass type) {
        return type.getDirectDependenciesToSelf().stream().map(d -> d.getOriginClass().getName())
                .anyMatch(origin -> !origin.equals(type.getName()) && !origin.startsWith(type.getName() + "$"));
    }

    /**
     * Spring finds and calls these itself: configurations, aspects, advisors and (through spring.factories)
     * listeners and environment post-processors.
     */
    private static boolean calledBySpring(JavaClass type) {
        return type.isAnnotatedWith(Configuration.class) || type.isAnnotatedWith(Aspect.class)
                || type.isAssignableTo(ApplicationListener.class) || type.isAssignableTo(Advisor.class)
                || type.isAssignableTo(org.springframework.boot.env.EnvironmentPostProcessor.class);
    }

    /**
     * The compiler copies constants into their callers, so a class of constants leaves no trace in the
     * callers' byte code: its use is looked for in the production sources instead.
     */
    private static boolean constantsNamedInProductionCode(JavaClass type) {
        boolean onlyConstants = type.getFields().stream().allMatch(f -> f.getModifiers().contains(JavaModifier.STATIC)
                && f.getModifiers().contains(JavaModifier.FINAL));
        if (!onlyConstants || type.getFields().isEmpty()) {
            return false;
        }
        java.nio.file.Path own = java.nio.file.Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("\\b" + type.getSimpleName() + "\\.");
        try (java.util.stream.Stream<java.nio.file.Path> sources = Files.walk(java.nio.file.Path.of("src/main/java"))) {
            return sources.filter(p -> p.toString().endsWith(".java") && !p.equals(own)).anyMatch(p -> {
                try {
                    return named.matcher(Files.readString(p)).find();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
