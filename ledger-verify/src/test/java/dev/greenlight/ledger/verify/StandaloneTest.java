package dev.greenlight.ledger.verify;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The verifier is what an auditor runs or re-implements: it must not pull in the service's stack.
 * Spring, Kafka or Avro here would make "verify offline with the public key" depend on them.
 */
class StandaloneTest {

    @Test
    void theVerifierDependsOnNeitherSpringNorKafkaNorAvro() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.greenlight.ledger.verify");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..",
                        "dev.greenlight.platform..", "dev.greenlight.events..")
                .check(classes);
    }
}
