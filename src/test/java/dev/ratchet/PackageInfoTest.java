package dev.ratchet;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package says in two lines what it holds and what it must not import, and the second line
 * is checked against the compiled classes, so the sentence cannot drift from the code.
 */
class PackageInfoTest {

    private static final Path ROOT = Path.of("src/main/java/dev/ratchet");
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ratchet");

    private static List<Path> packages() throws IOException {
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            return dirs.filter(Files::isDirectory)
                    .filter(PackageInfoTest::holdsClasses)
                    .sorted()
                    .toList();
        }
    }

    private static boolean holdsClasses(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("package-info.java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String name(Path dir) {
        return ROOT.relativize(dir).toString().replace('/', '.');
    }

    /** The Javadoc's text lines of a package's {@code package-info.java}. */
    private static List<String> lines(Path dir) throws IOException {
        Path info = dir.resolve("package-info.java");
        assertTrue(Files.isRegularFile(info), "no package-info.java in " + dir);
        List<String> text = new ArrayList<>();
        for (String line : Files.readAllLines(info)) {
            String t = line.strip();
            if (t.startsWith("* ")) {
                text.add(t.substring(2));
            }
        }
        return text;
    }

    @Test
    void everyPackageSaysInTwoLinesWhatItHoldsAndWhatItMustNotImport() throws IOException {
        List<Path> packages = packages();
        assertTrue(packages.size() > 20, packages.toString());
        for (Path dir : packages) {
            List<String> lines = lines(dir);
            assertEquals(2, lines.size(), name(dir) + ": " + lines);
            assertTrue(lines.get(1).startsWith("Must not import"), name(dir) + ": " + lines.get(1));
        }
    }

    @Test
    void whatEachPackageMustNotImportItDoesNot() throws IOException {
        int checked = 0;
        for (Path dir : packages()) {
            String pkg = "dev.ratchet." + name(dir);
            String rule = lines(dir).get(1);
            DescribedPredicate<JavaClass> forbidden;
            if (rule.equals("Must not import any other package of ours.")) {
                forbidden = ours().and(DescribedPredicate.not(resideInAPackage(pkg)));
            } else if (rule.startsWith("Must not import our packages other than: ")) {
                List<String> allowed = new ArrayList<>(packagesIn(rule, "Must not import our packages other than: "));
                allowed.add(pkg);
                forbidden = ours().and(DescribedPredicate.not(resideInAnyPackage(allowed.toArray(String[]::new))));
            } else if (rule.startsWith("Must not import: ")) {
                forbidden =
                        resideInAnyPackage(packagesIn(rule, "Must not import: ").toArray(String[]::new));
            } else {
                throw new AssertionError(
                        pkg + " says what it must not import in a form this test cannot check: " + rule);
            }
            noClasses()
                    .that()
                    .resideInAPackage(pkg)
                    .should()
                    .dependOnClassesThat(forbidden)
                    .because(rule)
                    .check(MAIN);
            checked++;
        }
        assertTrue(checked > 20, "rules checked: " + checked);
    }

    private static DescribedPredicate<JavaClass> ours() {
        return resideInAPackage("dev.ratchet..");
    }

    private static List<String> packagesIn(String rule, String prefix) {
        String list = rule.substring(prefix.length(), rule.length() - 1);
        return Arrays.stream(list.split(", ")).map(p -> "dev.ratchet." + p).toList();
    }
}
