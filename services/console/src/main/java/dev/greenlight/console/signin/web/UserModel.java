package dev.greenlight.console.signin.web;

import dev.greenlight.console.signin.application.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person into every page's model as {@code user} (the header shows them). */
@ControllerAdvice
class UserModel {

    private final CurrentUser users;

    UserModel(CurrentUser users) {
        this.users = users;
    }

    @ModelAttribute("user")
    ConsoleUser user(Authentication authentication) {
        return users.of(authentication);
    }
}
