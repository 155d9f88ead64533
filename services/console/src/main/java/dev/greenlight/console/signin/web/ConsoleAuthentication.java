package dev.greenlight.console.signin.web;

import dev.greenlight.console.signin.application.ConsoleUser;
import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A session signed in through the token form: the principal is the {@link ConsoleUser}. */
final class ConsoleAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ConsoleUser user;

    ConsoleAuthentication(ConsoleUser user) {
        super(user.actor().roles().stream().sorted().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ConsoleUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.name();
    }

    static List<String> roles(ConsoleUser user) {
        return user.actor().roles().stream().sorted().toList();
    }
}
