package dev.greenlight.policy.parser;

import dev.greenlight.policy.model.NotifyChannel;
import dev.greenlight.policy.model.NotifyEvent;
import dev.greenlight.policy.model.NotifyRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy's optional {@code notify:} section, a list of rules. Each rule names its events, a
 * channel and a {@code secretRef}; its targets default to the policy's governed targets. Because a
 * policy text is recorded forever, a rule that carries a URL or a secret ({@code url}, {@code secret},
 * {@code webhook}, or a {@code secretRef} that looks like a URL) is refused with a message saying to
 * name the secret instead.
 */
final class NotifyReader {

    /** A secret's name: lower-case letters, digits, '.', '_' and '-', at most 64 characters. */
    static final Pattern SECRET_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> CREDENTIAL_KEYS = Set.of("url", "secret", "webhook", "token");

    private NotifyReader() {
    }

    static List<NotifyRule> read(Mapping root, List<String> governedTargets) {
        if (!root.has("notify")) {
            return List.of();
        }
        List<NotifyRule> rules = root.list("notify",
                rule -> rule.optionalString("name").map(n -> "notify '" + n + "'").orElse("notify"),
                rule -> rule(rule, governedTargets));
        Set<String> names = new HashSet<>();
        for (NotifyRule rule : rules) {
            if (!names.add(rule.name())) {
                throw root.failAt("notify", "duplicate notify rule name '" + rule.name() + "'");
            }
        }
        return rules;
    }

    private static NotifyRule rule(Mapping rule, List<String> governedTargets) {
        for (String key : CREDENTIAL_KEYS) {
            if (rule.has(key)) {
                throw rule.failAt(key, "'" + key + "' does not belong in a policy (policies are recorded forever): "
                        + "name the channel's secret with 'secretRef' and configure it in the integrations service");
            }
        }
        String name = rule.string("name");
        if (!SECRET_NAME.matcher(name).matches()) {
            throw rule.failAt("name", "notify rule name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        List<String> targets = rule.strings("targets");
        if (targets.stream().anyMatch(String::isBlank)) {
            throw rule.failAt("targets", "a target pattern must not be blank");
        }
        if (!rule.has("events")) {
            throw rule.failAt("events", "'events' must list at least one of " + List.of(NotifyEvent.values()));
        }
        Set<NotifyEvent> events = rule.enums("events", NotifyEvent.class);
        if (events.isEmpty()) {
            throw rule.failAt("events", "'events' must list at least one of " + List.of(NotifyEvent.values()));
        }
        NotifyChannel channel = rule.enumValue("channel", NotifyChannel.class);
        String secretRef = rule.string("secretRef");
        if (secretRef.contains(":") || secretRef.contains("/")) {
            throw rule.failAt("secretRef", "secretRef names a secret configured in the integrations service; "
                    + "a URL or secret never goes into a policy (policies are recorded forever)");
        }
        if (!SECRET_NAME.matcher(secretRef).matches()) {
            throw rule.failAt("secretRef", "secretRef '" + secretRef
                    + "' must be a name: lower-case letters, digits, '.', '_' or '-', at most 64 characters");
        }
        rule.rejectUnknownKeys();
        return new NotifyRule(name, targets.isEmpty() ? governedTargets : targets, events, channel, secretRef);
    }
}
