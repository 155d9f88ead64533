package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Signing in with the same identities as the APIs: nobody sees a page without signing in, a token
 * the APIs would refuse is refused here (and nothing is stored), and a form without its CSRF token
 * is refused before it does anything.
 */
class SignInTest extends ConsolePageTest {

    @Test
    void anUnauthenticatedVisitorIsSentToSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/releases/ict-qm@2.1.0")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/board/stream")).andExpect(status().isFound());
    }

    @Test
    void theSignInPageOffersATokenFormWithACsrfToken() throws Exception {
        mvc.perform(get("/sign-in")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("<label for=\"token\">Bearer token</label>")));
    }

    @Test
    void aBadTokenIsRefusedAndNothingIsSignedIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/sign-in").session(session).param("token", "demo-mallory").with(csrf()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(Matchers.containsString("not recognised")));

        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
        mvc.perform(get("/").session(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/sign-in").param("token", "demo-bob")).andExpect(status().isForbidden());

        MockHttpSession bob = signIn("demo-bob");
        mvc.perform(post("/releases/ict-qm@2.1.0/sign-off").session(bob).param("role", "auditor")
                .param("verdict", "APPROVE")).andExpect(status().isForbidden());
        mvc.perform(post("/sign-out").session(bob)).andExpect(status().isForbidden());
    }

    @Test
    void aGoodTokenSignsInUnderTheApisNameForThePerson_andSignOutEndsIt() throws Exception {
        MockHttpSession bob = signIn("demo-bob");

        mvc.perform(get("/").session(bob)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Signed in as <strong>bob</strong>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("demo-bob"))));

        mvc.perform(post("/sign-out").session(bob).with(csrf())).andExpect(redirectedUrl("/sign-in?signed-out"));
        mvc.perform(get("/").session(bob)).andExpect(status().isFound());
    }
}
