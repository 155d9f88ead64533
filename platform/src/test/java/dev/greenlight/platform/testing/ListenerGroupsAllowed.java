package dev.greenlight.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.topics.KafkaUser;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.util.ClassUtils;

/**
 * What a service with {@code @KafkaListener}s owes the broker's ACLs: every listener joins a consumer
 * group its Kafka user may use. With ACLs on (the local stack, production) a group outside the
 * user's prefixes is refused at the first poll and the listener stops — the approval service's waiver
 * view did exactly that with "approval-waivers-…" while the ACLs allow "approval-view-…", so revoking
 * a waiver by id found nothing. A test class of the service implements this, naming its user; the
 * listeners are found by scanning the test class's package and below.
 */
public interface ListenerGroupsAllowed {

    /** The Kafka user the service runs as. */
    KafkaUser kafkaUser();

    @Test
    default void everyListenerGroupIsOneTheServiceUserMayJoin() throws ClassNotFoundException {
        List<String> groups = listenerGroups(getClass().getPackageName());
        List<String> prefixes = kafkaUser().groups().stream()
                .filter(pattern -> pattern.resourceType() == ResourceType.GROUP)
                .filter(pattern -> pattern.patternType() == PatternType.PREFIXED)
                .map(ResourcePattern::name)
                .toList();

        assertThat(groups).as("listener groups under " + getClass().getPackageName()).isNotEmpty();
        assertThat(groups).allSatisfy(group ->
                assertThat(prefixes).as("group " + group).anySatisfy(prefix -> assertThat(group).startsWith(prefix)));
    }

    private List<String> listenerGroups(String basePackage) throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        List<String> groups = new ArrayList<>();
        for (BeanDefinition bean : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.forName(bean.getBeanClassName(), getClass().getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                KafkaListener listener = method.getAnnotation(KafkaListener.class);
                if (listener != null) {
                    groups.add(listener.groupId());
                }
            }
        }
        return groups;
    }
}
