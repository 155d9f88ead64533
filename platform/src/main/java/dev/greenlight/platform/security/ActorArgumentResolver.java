package dev.greenlight.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers declare an {@link Actor} parameter: the caller is never a field of the body. */
final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final ActorResolver actors;

    ActorArgumentResolver(ActorResolver actors) {
        this.actors = actors;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Actor actor = actors.resolve(SecurityContextHolder.getContext().getAuthentication());
        if (actor == null) {
            throw new AuthenticationCredentialsNotFoundException("this endpoint needs an authenticated caller");
        }
        return actor;
    }
}
