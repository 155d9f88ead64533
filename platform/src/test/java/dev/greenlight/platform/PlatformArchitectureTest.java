package dev.greenlight.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The infrastructure module knows topics, serdes, Kafka and security, never the policy engine:
 * what maps events to the engine lives in the evidence module, the identities security needs in
 * the identity module. The engine is not even on platform's compile classpath; this rule keeps it
 * so if someone adds the dependency back.
 */
@AnalyzeClasses(packages = "dev.greenlight.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule noPolicyEngine = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.greenlight.policy..", "dev.greenlight.evidence..");
}
