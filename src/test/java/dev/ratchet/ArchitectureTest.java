package dev.ratchet;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Holds the inward-pointing layering of STYLE.md and the determinism rules of the pure core. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ratchet");

    private static final String[] PURE_CORE = {
        "dev.ratchet.log.event..",
        "dev.ratchet.env..",
        "dev.ratchet.skill..",
        "dev.ratchet.gate..",
        "dev.ratchet.propose..",
        "dev.ratchet.projection..",
        "dev.ratchet.campaign.."
    };

    @Test
    void theLogImportsNothingElseOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.ratchet.log..")
                .should()
                .dependOnClassesThat(resideInAPackage("dev.ratchet..").and(resideOutsideOfPackage("dev.ratchet.log..")))
                .because("log is the innermost layer")
                .check(MAIN);
    }

    @Test
    void textImportsNothingElseOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.ratchet.text..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("dev.ratchet..").and(resideOutsideOfPackage("dev.ratchet.text..")))
                .because("every loader reads its files through text, environments included")
                .check(MAIN);
    }

    @Test
    void environmentsAndSkillsAreLeaves() {
        noClasses()
                .that()
                .resideInAPackage("dev.ratchet.env..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ratchet.log..",
                        "dev.ratchet.model..",
                        "dev.ratchet.agent..",
                        "dev.ratchet.campaign..",
                        "dev.ratchet.gate..",
                        "dev.ratchet.propose..",
                        "dev.ratchet.cli..",
                        "dev.ratchet.skill..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("dev.ratchet.skill..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ratchet.model..",
                        "dev.ratchet.agent..",
                        "dev.ratchet.campaign..",
                        "dev.ratchet.gate..",
                        "dev.ratchet.propose..",
                        "dev.ratchet.cli..")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheCli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ratchet.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ratchet.cli..")
                .check(MAIN);
    }

    @Test
    void componentsHaveNoCycles() {
        slices().matching("dev.ratchet.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void thePureCoreNeverReadsTheClockOrUnseededRandomness() {
        noClasses()
                .that()
                .resideInAnyPackage(PURE_CORE)
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(Math.class, "random")
                .orShould()
                .callMethod(UUID.class, "randomUUID")
                .orShould()
                .callConstructor(Random.class)
                .orShould()
                .callMethod(java.util.concurrent.ThreadLocalRandom.class, "current")
                .orShould()
                .callConstructor(java.security.SecureRandom.class)
                .orShould()
                .callMethod(java.time.Clock.class, "systemUTC")
                .orShould()
                .callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .because("decisions must replay exactly: time and seeds come from the log or the campaign seed")
                .check(MAIN);
    }
}
