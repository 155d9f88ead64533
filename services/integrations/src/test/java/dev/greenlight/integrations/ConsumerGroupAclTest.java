package dev.greenlight.integrations;

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
 * Every listener of the integrations service joins a consumer group its Kafka user may use. With ACLs
 * on (the local stack, production) a group outside the user's prefixes is refused at the first
 * poll and the listener stops silently.
 */
class ConsumerGroupAclTest {

    @Test
    void everyListenerGroupIsOneTheIntegrationsUserMayJoin() throws Exception {
        List<String> groups = listenerGroups();
        List<String> prefixes = KafkaUser.INTEGRATIONS.groups().stream()
                .filter(pattern -> pattern.resourceType() == ResourceType.GROUP)
                .filter(pattern -> pattern.patternType() == PatternType.PREFIXED)
                .map(ResourcePattern::name)
                .toList();

        assertThat(groups).isNotEmpty();
        assertThat(groups).allSatisfy(group ->
                assertThat(prefixes).as("group " + group).anySatisfy(prefix -> assertThat(group).startsWith(prefix)));
    }

    private static List<String> listenerGroups() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        List<String> groups = new ArrayList<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("dev.greenlight.integrations")) {
            Class<?> type = ClassUtils.forName(bean.getBeanClassName(), ConsumerGroupAclTest.class.getClassLoader());
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
