package org.reflectlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.reflectlab");
    }

    @Test
    void coreHoldsNoJavaFx() {
        noClasses().that().resideInAPackage("org.reflectlab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "eu.hansolo..")
                .check(classes);
    }

    @Test
    void coreDoesNotReachIntoTheUi() {
        noClasses().that().resideInAPackage("org.reflectlab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.reflectlab.ui..", "org.reflectlab.cli..")
                .check(classes);
    }

    @Test
    void cliIsHeadless() {
        // The CLI reaches the UI layer only for `bench ui`, which starts JavaFX itself, headless.
        noClasses().that().resideInAPackage("org.reflectlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
        noClasses().that().resideInAPackage("org.reflectlab.cli..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.reflectlab.ui..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.reflectlab.ui.bench.."))))
                .check(classes);
    }

    @Test
    void nothingDeserialisesJavaObjects() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .check(classes);
    }

    @Test
    void networksDoNotDependOnWhatUsesThem() {
        noClasses().that().resideInAPackage("org.reflectlab.core.nn..")
                .should().dependOnClassesThat().resideInAnyPackage("org.reflectlab.core.reflect..", "org.reflectlab.core.world..",
                        "org.reflectlab.core.scaling..", "org.reflectlab.core.aphasia..", "org.reflectlab.core.train..",
                        "org.reflectlab.core.serving..", "org.reflectlab.core.concepts..", "org.reflectlab.core.cluster..",
                        "org.reflectlab.core.bench..")
                .because("a network (core/nn/...) is used by training, reflection, scaling, aphasia and serving, never the reverse")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoAwtImages() {
        noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..", "javafx.embed.swing..")
                .because("images cross into ViewModels as the project's own RgbImage; the view converts at its edge "
                        + "(ui/kit/Snapshots, Images), so ViewModels test without a toolkit")
                .check(classes);
    }

    /** The workspaces (features) of the UI; shell assembles them, kit serves them all, bench tours them. */
    static final List<String> WORKSPACES = List.of("aphasia", "concepts", "data", "reflect", "scaling", "serving", "train", "world");

    @Test
    void workspacesDoNotImportEachOther() {
        for (String w : WORKSPACES) {
            String[] others = WORKSPACES.stream().filter(o -> !o.equals(w)).map(o -> "org.reflectlab.ui." + o + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("org.reflectlab.ui." + w + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a workspace is a feature: what two of them share lives in ui/kit or core, so one can change "
                            + "or be removed without touching another")
                    .check(classes);
        }
    }

    @Test
    void theKitServesWorkspacesWithoutKnowingThem() {
        noClasses().that().resideInAPackage("org.reflectlab.ui.kit..")
                .should().dependOnClassesThat().resideInAnyPackage(WORKSPACES.stream().map(w -> "org.reflectlab.ui." + w + "..")
                        .toArray(String[]::new))
                .because("ui/kit is what every workspace uses; a kit class that knew a workspace would tie all the others to it")
                .check(classes);
    }

    @Test
    void everyWorkspaceIsNamedInTheRule() {
        // a workspace package added later without being listed here would escape the rule above
        java.util.Set<String> found = new java.util.TreeSet<>();
        classes.forEach(c -> {
            String p = c.getPackageName();
            if (p.startsWith("org.reflectlab.ui.")) {
                found.add(p.substring("org.reflectlab.ui.".length()).split("\\.")[0]);
            }
        });
        found.removeAll(List.of("kit", "shell", "bench"));
        org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(WORKSPACES), found);
    }
}
