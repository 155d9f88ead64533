package dev.greenlight.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine must stay a plain library: services and the CLI embed it, and a framework or
 * transport dependency here would leak into every one of them.
 */
@AnalyzeClasses(packages = "dev.greenlight.policy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworks = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..",
                    "dev.greenlight.events..", "dev.greenlight.platform..");

    @ArchTest
    static final ArchRule jacksonOnlyInTheParser = noClasses().that()
            .resideOutsideOfPackage("dev.greenlight.policy.parser..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "tools.jackson..");

    @ArchTest
    static final ArchRule engineDoesNotKnowTheParser = noClasses().that()
            .resideInAnyPackage("dev.greenlight.policy.model..", "dev.greenlight.policy.evidence..",
                    "dev.greenlight.policy.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.greenlight.policy.parser..",
                    "dev.greenlight.policy.testing..");
}
