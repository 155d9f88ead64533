package dev.greenlight.gate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gate's business loop must stay pure, like the rollout state machine: no framework, transport
 * or serialization types, so it is tested in memory and the Streams processor stays an adapter.
 */
@AnalyzeClasses(packages = "dev.greenlight.gate", importOptions = ImportOption.DoNotIncludeTests.class)
class GateArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("..decision.domain..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..",
                    "dev.greenlight.events..", "dev.greenlight.platform..", "dev.greenlight.evidence..",
                    "com.fasterxml.jackson..", "tools.jackson..", "dev.greenlight.gate.decision.kafka..",
                    "dev.greenlight.gate.decision.web..", "dev.greenlight.gate.policy..");
}
