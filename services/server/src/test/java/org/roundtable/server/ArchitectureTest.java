package org.roundtable.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Architecture")
class ArchitectureTest {

    private static final Pattern CONTEXT = Pattern.compile("org\\.roundtable\\.([a-z0-9_]+)(\\..*)?");
    /** Fixture contexts nest one level deeper: {@code org.roundtable.archfixture.<context>}. */
    private static final Pattern FIXTURE_CONTEXT =
            Pattern.compile("org\\.roundtable\\.archfixture\\.([a-z0-9_]+)(\\..*)?");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.roundtable");
    }

    /** The context of a class: {@code participants} for {@code org.roundtable.participants.web.X}. */
    private static Optional<String> contextOf(JavaClass type) {
        return contextOf(type, CONTEXT);
    }

    private static Optional<String> contextOf(JavaClass type, Pattern pattern) {
        Matcher match = pattern.matcher(type.getPackageName());
        return match.matches() ? Optional.of(match.group(1)) : Optional.empty();
    }

    /**
     * A class may use its own context, the kernel, and other contexts' {@code api} packages only; the audit
     * context alone may also use the ledger, whose stored form is what it verifies and exports.
     */
    private static ArchCondition<JavaClass> onlyOtherContextsApi(Pattern pattern, String root) {
        return new ArchCondition<>("depend on other contexts only through their api") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = contextOf(origin, pattern).orElseThrow();
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    contextOf(target, pattern).ifPresent(to -> {
                        boolean allowed = to.equals(from) || to.equals("kernel")
                                || target.getPackageName().startsWith(root + to + ".api")
                                // the audit context reads, verifies and exports the ledger's stored form itself
                                || (from.equals("audit") && to.equals("ledger"));
                        if (!allowed) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                });
            }
        };
    }

    @Test
    void contexts_meet_only_at_their_api_packages() {
        ArchRuleDefinition.classes()
                .that().resideInAPackage("org.roundtable..")
                .and().resideOutsideOfPackage("org.roundtable.server..")
                .and(DescribedPredicate.describe("are in a context", (JavaClass type) -> contextOf(type).isPresent()))
                .should(onlyOtherContextsApi(CONTEXT, "org.roundtable."))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_rules_catch_a_context_reaching_into_another_and_a_command_reading_a_query() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.roundtable.archfixture");

        var crossing = ArchRuleDefinition.classes().that().resideInAPackage("org.roundtable.archfixture.(*)..")
                .should(onlyOtherContextsApi(FIXTURE_CONTEXT, "org.roundtable.archfixture."))
                .evaluate(fixture);
        var layering = noClasses().that().resideInAPackage("org.roundtable..command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.roundtable..query..", "org.roundtable..web..")
                .evaluate(fixture);

        assertThat(crossing.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AlphaController.forbidden") && line.contains("BetaAggregate"))
                .noneMatch(line -> line.contains("BetaCreated"));
        assertThat(layering.hasViolation()).isTrue();
    }

    @Test
    void command_side_never_depends_on_query_or_web() {
        noClasses().that().resideInAPackage("org.roundtable..command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.roundtable..query..", "org.roundtable..web..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_shared_kernel_is_plain_java() {
        noClasses().that().resideInAPackage("org.roundtable.kernel..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "are in another org.roundtable package or in Spring, MongoDB or Axon",
                        (JavaClass target) -> {
                            String name = target.getBaseComponentType().getPackageName();
                            return (name.startsWith("org.roundtable.") && !name.startsWith("org.roundtable.kernel"))
                                    || name.startsWith("org.springframework") || name.startsWith("com.mongodb")
                                    || name.startsWith("org.bson") || name.startsWith("org.axonframework");
                        }))
                .check(classes);
    }
}
