package dev.greenlight.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The registry rules (ids, versions, compatibility) must stay testable without a broker or a web
 * server, so the domain may depend on Avro and the JDK only; and the web layer must go through the
 * application service rather than write to the store behind its lock.
 */
@AnalyzeClasses(packages = "dev.greenlight.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class RegistryArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses().that().resideInAPackage("..registry.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml.jackson..", "dev.greenlight.registry.kafka..",
                    "dev.greenlight.registry.web..", "dev.greenlight.registry.application..");

    @ArchTest
    static final ArchRule webDoesNotTouchTheStore = noClasses().that().resideInAPackage("..registry.web..")
            .should().dependOnClassesThat().resideInAPackage("..registry.kafka..");
}
