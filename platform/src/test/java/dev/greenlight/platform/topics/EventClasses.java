package dev.greenlight.platform.topics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds the event types among the generated classes by looking at what was actually compiled, so a
 * new schema file that nobody put on a topic is noticed without anyone updating a list.
 * An event is a generated record that no other record embeds (EventMetadata, CriterionResult and
 * PolicyRef are parts of events, not events).
 */
final class EventClasses {

    private static final String EVENTS_PACKAGE = "dev.greenlight.events";

    private EventClasses() {
    }

    static Set<String> eventNames() {
        List<Schema> records = generatedRecordSchemas();
        Set<String> embedded = new HashSet<>();
        for (Schema record : records) {
            record.getFields().forEach(field -> collectRecords(field.schema(), embedded));
        }
        Set<String> events = new HashSet<>();
        records.stream().map(Schema::getFullName).filter(name -> !embedded.contains(name)).forEach(events::add);
        return events;
    }

    private static List<Schema> generatedRecordSchemas() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(SpecificRecordBase.class));
        return scanner.findCandidateComponents(EVENTS_PACKAGE).stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> ClassUtils.resolveClassName(name, EventClasses.class.getClassLoader()))
                .map(type -> SpecificData.get().getSchema(type))
                .toList();
    }

    private static void collectRecords(Schema schema, Set<String> names) {
        switch (schema.getType()) {
            case RECORD -> {
                if (names.add(schema.getFullName())) {
                    schema.getFields().forEach(field -> collectRecords(field.schema(), names));
                }
            }
            case ARRAY -> collectRecords(schema.getElementType(), names);
            case MAP -> collectRecords(schema.getValueType(), names);
            case UNION -> schema.getTypes().forEach(member -> collectRecords(member, names));
            default -> {
                // primitives and enums cannot embed records
            }
        }
    }
}
