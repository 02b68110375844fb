package dev.leadport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module boundaries of the brief, checked on every build. */
class ArchitectureTest {

    private static final List<String> MODULES = List.of(
            "leads",
            "imports",
            "exports",
            "bulk",
            "activity",
            "notifications",
            "schedules",
            "users",
            "shared",
            "web",
            "webhooks",
            "cli");

    /** The kernel every module builds on: its sub-packages (db, events, files, web) are all meant for use. */
    private static final Set<String> KERNEL = Set.of("shared");

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
    void otherModulesUseAModuleOnlyThroughItsRootPackage() {
        onlyRootPackagesAreUsedAcrossModules("dev.leadport", KERNEL).check(CLASSES);
    }

    @Test
    void theModuleRuleFailsOnAReachIntoAnotherModulesSubPackage() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.leadport.archfixture");

        EvaluationResult result = onlyRootPackagesAreUsedAcrossModules("dev.leadport.archfixture", Set.of())
                .evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allMatch(line -> line.contains("ReachesIntoInternals") && line.contains("alpha.internal.Engine"));
    }

    /**
     * Code of one module may use another module only through that module's root package ({@code dev.leadport.imports},
     * not {@code dev.leadport.imports.reading}); the modules are the packages right under {@code base}. Open modules
     * (the shared kernel) publish their sub-packages too.
     */
    static ArchRule onlyRootPackagesAreUsedAcrossModules(String base, Set<String> openModules) {
        return classes()
                .should(new ArchCondition<JavaClass>("use other modules only through their root package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String from = moduleOf(base, origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            String to = moduleOf(base, target.getPackageName());
                            if (to == null || to.equals(from) || openModules.contains(to)) {
                                continue;
                            }
                            if (!target.getPackageName().equals(base + "." + to)) {
                                events.add(SimpleConditionEvent.violated(
                                        dependency,
                                        dependency.getDescription() + ": " + target.getPackageName()
                                                + " is internal to the module " + to));
                            }
                        }
                    }
                })
                .because("a module's sub-packages are its internals");
    }

    private static String moduleOf(String base, String packageName) {
        if (!packageName.startsWith(base + ".")) {
            return null;
        }
        String rest = packageName.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The command-line client is a client of the HTTP API: no other module's code, no Spring, only the JDK's. */
    @Test
    void theCommandLineClientTalksToTheServerOnlyOverHttp() {
        talksHttpOnly("dev.leadport.cli").check(CLASSES);
    }

    @Test
    void theHttpOnlyRuleFailsOnAClientThatUsesAModuleOrSpring() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.leadport.archfixture.client");

        EvaluationResult result =
                talksHttpOnly("dev.leadport.archfixture.client").evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("dev.leadport.leads.LeadStatus"))
                .anyMatch(line -> line.contains("org.springframework.http.HttpStatus"));
    }

    private static ArchRule talksHttpOnly(String clientPackage) {
        return classes()
                .that()
                .resideInAPackage(clientPackage + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(clientPackage + "..", "java..", "tools.jackson..", "de.siegmar.fastcsv..")
                .because("it runs without the application and talks to any Leadport server over HTTP");
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
