package dev.ratchet.campaign;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The loop's packages depend inward only: gate, propose and skill know nothing of the campaign. */
class LoopLayeringTest {

    private static final JavaClasses CLASSES = importOurClasses();

    /**
     * Our classes only: resolving every referenced library class from the class path takes seconds
     * and tells these rules nothing, so it is switched off for this import and restored after.
     */
    private static JavaClasses importOurClasses() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean before = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                    .importPackages("dev.ratchet");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(before);
        }
    }

    @Test
    void gateProposeAndSkillImportOnlyLogEnvAndSkill() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.ratchet.gate..", "dev.ratchet.propose..", "dev.ratchet.skill..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ratchet.campaign..",
                        "dev.ratchet.cli..",
                        "dev.ratchet.config..",
                        "dev.ratchet.model..",
                        "dev.ratchet.agent..")
                .check(CLASSES);
    }

    @Test
    void theSkillLibraryDoesNotKnowTheGateOrTheProposer() {
        noClasses()
                .that()
                .resideInAPackage("dev.ratchet.skill..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ratchet.gate..", "dev.ratchet.propose..")
                .check(CLASSES);
    }

    @Test
    void theCampaignCoreDoesNotImportTheCommandLine() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.ratchet.campaign..", "dev.ratchet.config..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ratchet.cli..")
                .check(CLASSES);
    }
}
