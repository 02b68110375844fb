package dev.leadport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module boundaries of the brief, checked on every build. */
class ArchitectureTest {

    private static final List<String> MODULES = List.of(
            "leads", "imports", "exports", "bulk", "activity", "notifications", "schedules", "users", "shared", "web");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.leadport");

    @Test
    void modulesFormNoCycles() {
        slices().matching("dev.leadport.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theStepsOfAnImportFormNoCycles() {
        slices().matching("dev.leadport.imports.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        for (String module : MODULES) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("dev.leadport." + module + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.leadport." + module + ".internal..")
                    .allowEmptyShould(true)
                    .because("other modules use " + module + " only through its public API")
                    .check(CLASSES);
        }
    }

    @Test
    void sharedDependsOnNoFeatureModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.leadport.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(MODULES.stream()
                        .filter(m -> !m.equals("shared"))
                        .map(m -> "dev.leadport." + m + "..")
                        .toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void onlyTheWebModuleRendersPages() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.leadport.web..")
                .should()
                .beAnnotatedWith(org.springframework.stereotype.Controller.class)
                .because("the UI lives in the web module, apart from the engines")
                .check(CLASSES);
    }

    @Test
    void engineModulesDoNotDependOnTheWebModule() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.leadport.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.leadport.web..")
                .check(CLASSES);
    }
}
