package dev.ratchet.env;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The environment library stands alone: it depends on the JDK, Jackson and the text leaf only (the
 * strict UTF-8 reading that every file a person writes goes through, suites included).
 */
class EnvArchitectureTest {

    @Test
    void envImportsNothingElseOfOurs() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ratchet.env");
        classes()
                .that()
                .resideInAPackage("dev.ratchet.env..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", "dev.ratchet.env..", "dev.ratchet.text..")
                .check(classes);
    }
}
