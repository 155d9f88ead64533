package dev.greenlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTest {

    @ParameterizedTest
    @ValueSource(strings = {"bob", " bob", "bob ", "Bob", "BOB", "\uFF42\uFF4F\uFF42", " \uFF22ob\u3000"})
    void spellingsOfBobAreBob(String raw) {
        assertThat(Identity.of(raw).canonical()).isEqualTo("bob");
        assertThat(Identity.same(raw, "bob")).isTrue();
    }

    /**
     * Printable-ASCII names take a shortcut (no Unicode normalisation, no regex): on every such name
     * it must give exactly what the general fold gives, or a name would change meaning.
     */
    @Test
    void printableAsciiNamesFoldExactlyAsThroughUnicodeNormalisation() {
        java.util.Random random = new java.util.Random(13);
        String alphabet = " \u0020aZ09@.-_+ ~!\"#$%&'()*,/:;<=>?[\\]^`{|}Ab";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                raw.append(random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) (0x20 + random.nextInt(0x5f)));
            }
            String name = raw.toString();
            String general = Identity.foldUnicode(name);
            assertThat(Identity.comparisonKey(name)).as("'%s'", name).isEqualTo(general);
            assertThat(Identity.problem(name).isEmpty()).as("'%s'", name).isEqualTo(!general.isEmpty());
            if (!general.isEmpty()) {
                assertThat(Identity.of(name).canonical()).as("'%s'", name).isEqualTo(general);
            }
        }
        assertThat(Identity.problem("a".repeat(Identity.MAX_LENGTH + 1))).contains("is longer than 256 characters");
        assertThat(Identity.of(" a" + " ".repeat(5) + "B ").canonical()).isEqualTo("a b");
    }

    @Test
    void innerSpacesAreKeptButCollapsed() {
        assertThat(Identity.of("Bob  Smith").canonical()).isEqualTo("bob smith");
        assertThat(Identity.of("bob@Example.COM").canonical()).isEqualTo("bob@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"b\u200Bob", "bob\u200C", "b\u200Dob", "bo\u2060b", "\uFEFFbob", "bo\u202Eb", "\u202Abob",
        "bob\u2066", "bob\u2069", "b\u200Eob", "b\u200Fob", "b\u061Cob", "bo\u0000b", "bo\u0007b", "bob\n",
        "b\uE000ob", "bob\u2028", "b\u3164ob", "bo\uFE0Fb", "bo\u00ADb"})
    void invisibleAndControlCharactersAreRefusedWithTheReason(String raw) {
        assertThat(Identity.problem(raw)).isPresent();
        assertThatThrownBy(() -> Identity.of(raw)).isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("U+");
    }

    @Test
    void theReasonNamesTheKindOfCharacter() {
        assertThat(Identity.problem("b\u200Bob")).contains("contains zero-width character U+200B at position 1");
        assertThat(Identity.problem("bob\u202E")).get().asString().contains("bidi control");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000"})
    void blankIsRefused(String raw) {
        assertThat(Identity.problem(raw)).contains("is blank");
    }

    @Test
    void nullAndTooLongAreRefused() {
        assertThat(Identity.problem(null)).contains("is missing");
        assertThat(Identity.problem("x".repeat(Identity.MAX_LENGTH + 1))).get().asString().contains("longer");
    }

    @Test
    void comparisonOfRecordedNamesDropsHiddenCharactersInsteadOfFailing() {
        assertThat(Identity.same("b\u200Bob", "BOB ")).isTrue();
        assertThat(Identity.same("bo\u202Eb", "bob")).isTrue();
        assertThat(Identity.same("bob", "bobby")).isFalse();
        assertThat(Identity.same("", "")).isFalse();
        assertThat(Identity.same(null, null)).isFalse();
    }

    @Test
    void aNonCanonicalValueCannotBeConstructedDirectly() {
        assertThatThrownBy(() -> new Identity("Bob")).isInstanceOf(InvalidIdentityException.class);
    }

    @Test
    void aPersonIsTheSameAsAnotherWhenAnyNameMatches() {
        Person bob = Person.of("bob", Set.of("bob@example.com", "bob-gh"));

        assertThat(bob.knownAs("Bob@Example.com")).isTrue();
        assertThat(bob.knownAs("BOB-GH ")).isTrue();
        assertThat(bob.knownAs("carol")).isFalse();
        assertThat(bob.sameAs(Person.named("\uFF42\uFF4F\uFF42"))).isTrue();
        assertThat(bob.sameAs(Person.of("robert", Set.of("bob-gh")))).isTrue();
        assertThat(bob.sameAs(Person.named("carol"))).isFalse();
    }
}
