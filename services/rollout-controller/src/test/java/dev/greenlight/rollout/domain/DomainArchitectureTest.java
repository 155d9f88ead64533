package dev.greenlight.rollout.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The state machine must stay pure: no framework, transport or serialization types, so it can be
 * tested for every transition in memory and replayed anywhere.
 */
@AnalyzeClasses(packages = "dev.greenlight.rollout.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule pure = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..",
                    "dev.greenlight.events..", "dev.greenlight.platform..", "com.fasterxml.jackson..",
                    "tools.jackson..", "dev.greenlight.rollout.kafka..", "dev.greenlight.rollout.web..");
}
