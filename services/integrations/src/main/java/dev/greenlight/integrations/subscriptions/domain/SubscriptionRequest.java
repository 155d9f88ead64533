package dev.greenlight.integrations.subscriptions.domain;

import dev.greenlight.identity.TargetPattern;
import dev.greenlight.platform.failures.InvalidFieldException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A validated request to subscribe: every field checked where it enters, each refusal naming its
 * field, before anything is recorded. URLs must be absolute {@code https} (plain {@code http} only
 * when the operator allows it, for a local receiver); a WEBHOOK needs a secret of at least 16
 * characters to sign with, SLACK and TEAMS must not carry one (their URL is the credential).
 *
 * @param pattern  the targets covered
 * @param kinds    at least one kind
 * @param channel  the channel
 * @param endpoint the URL and secret
 */
public record SubscriptionRequest(TargetPattern pattern, Set<EventKind> kinds, Channel channel, Endpoint endpoint) {

    private static final int MAX_URL = 2048;

    public static SubscriptionRequest of(String target, List<String> kinds, String channel, String url, String secret,
                                         boolean allowHttp) {
        String problem = TargetPattern.problem(target).orElse(null);
        if (problem != null) {
            throw new InvalidFieldException("target", problem);
        }
        if (kinds == null || kinds.isEmpty()) {
            throw new InvalidFieldException("kinds", "needs at least one of " + List.of(EventKind.values()));
        }
        EnumSet<EventKind> parsedKinds = EnumSet.noneOf(EventKind.class);
        for (String kind : kinds) {
            parsedKinds.add(parse(EventKind.class, "kinds", kind));
        }
        Channel parsedChannel = parse(Channel.class, "channel", channel);
        URI uri = url(url, allowHttp);
        if (parsedChannel == Channel.WEBHOOK) {
            if (secret == null || secret.length() < 16 || secret.length() > 256) {
                throw new InvalidFieldException("secret", "is required for a WEBHOOK channel: 16 to 256 characters");
            }
        } else if (secret != null) {
            throw new InvalidFieldException("secret", "is only for WEBHOOK channels; a " + parsedChannel
                    + " webhook URL is its own credential");
        }
        return new SubscriptionRequest(new TargetPattern(target), parsedKinds, parsedChannel, new Endpoint(uri, secret));
    }

    private static URI url(String url, boolean allowHttp) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException("url", "is required");
        }
        if (url.length() > MAX_URL) {
            throw new InvalidFieldException("url", "must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https") || (allowHttp && scheme.equals("http"));
        if (!allowed || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new InvalidFieldException("url", "must be an absolute https URL with a host and no user info"
                    + (allowHttp ? " (or http)" : ""));
        }
        return uri;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required, one of " + List.of(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }
}
