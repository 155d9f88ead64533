package dev.greenlight.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The console's projection is a pure fold, testable without infrastructure; its pages never talk
 * to Kafka (they read the projection) and never write to it (people act through the services' APIs).
 */
@AnalyzeClasses(packages = "dev.greenlight.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainHasNoSpringKafkaOrAvro = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "dev.greenlight.events..");

    @ArchTest
    static final ArchRule applicationHasNoKafka = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule webDoesNotTalkToKafka = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "dev.greenlight.platform.kafka..");

    @ArchTest
    static final ArchRule theConsoleNeverPublishes = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("dev.greenlight.platform.kafka.EventPublisher");
}
