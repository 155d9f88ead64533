package dev.greenlight.console.signin.web;

import dev.greenlight.console.signin.application.ConsoleUser;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.platform.security.GreenlightSecurityProperties;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The signed-in person, whichever way they signed in: the token form stores a {@link ConsoleUser};
 * an OIDC login yields the identity provider's user, whose access token (the one the APIs verify as
 * a JWT) the console forwards and whose claims name them and their roles as the APIs read them.
 */
@Component
public class CurrentUser {

    private final ObjectProvider<OAuth2AuthorizedClientService> clients;
    private final GreenlightSecurityProperties.Jwt claims;

    CurrentUser(ObjectProvider<OAuth2AuthorizedClientService> clients, GreenlightSecurityProperties properties) {
        this.clients = clients;
        this.claims = properties.jwt();
    }

    /** The person behind {@code authentication}, or null when nobody is signed in. */
    public ConsoleUser of(Authentication authentication) {
        if (authentication instanceof ConsoleAuthentication console) {
            return console.getPrincipal();
        }
        if (authentication instanceof OAuth2AuthenticationToken oauth && clients.getIfAvailable() != null) {
            OAuth2AuthorizedClient client = clients.getObject()
                    .loadAuthorizedClient(oauth.getAuthorizedClientRegistrationId(), oauth.getName());
            if (client == null) {
                return null;
            }
            Object name = oauth.getPrincipal().getAttribute(claims.nameClaim());
            return new ConsoleUser(new Actor(name == null ? oauth.getName() : name.toString(),
                    strings(oauth.getPrincipal().getAttribute(claims.rolesClaim())), List.of()),
                    client.getAccessToken().getTokenValue());
        }
        return null;
    }

    private static Set<String> strings(Object claim) {
        Set<String> values = new HashSet<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String text && !text.isBlank()) {
            values.addAll(List.of(text.trim().split("[\\s,]+")));
        }
        return values;
    }
}
