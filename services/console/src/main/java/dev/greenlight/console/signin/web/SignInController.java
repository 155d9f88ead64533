package dev.greenlight.console.signin.web;

import dev.greenlight.console.signin.application.ConsoleUser;
import dev.greenlight.console.signin.application.TokenSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: a form taking the bearer token a person would give the APIs (users-file mode),
 * and the identity provider's link when OIDC is configured. A good token starts a fresh session
 * (new id: no fixation) holding the person and their token; a bad one is refused with 401 and
 * nothing is stored.
 */
@Controller
class SignInController {

    private final TokenSignIn signIn;
    private final SecurityContextRepository contexts;
    private final boolean oidc;

    SignInController(TokenSignIn signIn, SecurityContextRepository contexts,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.signIn = signIn;
        this.contexts = contexts;
        this.oidc = registrations.getIfAvailable() != null;
    }

    @GetMapping("/sign-in")
    String form(Model model) {
        model.addAttribute("tokenForm", signIn.enabled());
        model.addAttribute("oidc", oidc);
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String submit(@RequestParam(name = "token", required = false) String token, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<ConsoleUser> user = signIn.signIn(token);
        if (user.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", "That token is not recognised. Use the bearer token you give the Greenlight APIs.");
            return form(model);
        }
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ConsoleAuthentication(user.get()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }
}
