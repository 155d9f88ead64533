package dev.greenlight.policy.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The summary's faster arithmetic gives exactly what the plain one gave: replays of recorded decisions
 * compare sums, averages and digests byte for byte, so a value that differed in its last digit, its
 * scale or a digest bit would break them.
 */
class SeriesSummaryArithmeticTest {

    @Test
    void aSamplesExactValueIsTheBigDecimalOfItsDouble_sameDigitsAndScale() {
        Random random = new Random(13);
        List<Double> values = new ArrayList<>(List.of(0.001, 0.2, -0.2, 1.0, 3.0, -7.5, 1e300, -1e-300,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0.0, -0.0, 0.1 + 0.2,
                123456789.125, 4.5e15));
        for (int i = 0; i < 20_000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(0.001 + (i % 1000) * 1e-6);
            values.add(random.nextDouble() * 1000 - 500);
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                continue;
            }
            BigDecimal expected = new BigDecimal(value);
            BigDecimal actual = SeriesSummary.exactly(value);
            assertThat(actual.unscaledValue()).as("%s", value).isEqualTo(expected.unscaledValue());
            assertThat(actual.scale()).as("%s", value).isEqualTo(expected.scale());
            assertThat(actual.toString()).as("%s", value).isEqualTo(expected.toString());
        }
    }

    @Test
    void digestsAddModulo2To256_asBeforeTheShortcut() {
        Random random = new Random(256);
        BigInteger modulus = BigInteger.ONE.shiftLeft(256);
        List<BigInteger> sums = new ArrayList<>(List.of(BigInteger.ZERO, modulus, modulus.subtract(BigInteger.ONE),
                modulus.shiftLeft(1).subtract(BigInteger.TWO), modulus.shiftLeft(3).add(BigInteger.TEN),
                BigInteger.valueOf(-5)));
        for (int i = 0; i < 10_000; i++) {
            sums.add(new BigInteger(256, random).add(new BigInteger(256, random)));
        }
        for (BigInteger sum : sums) {
            assertThat(SeriesSummary.modulo(sum)).as("%s", sum).isEqualTo(sum.mod(modulus));
        }
    }

    @Test
    void anIdsDigestIsItsSha256_onEveryCallAndThread() throws Exception {
        BigInteger expected = new BigInteger(1, java.security.MessageDigest.getInstance("SHA-256")
                .digest("sample-42".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(SeriesCitation.digestOf("sample-42")).isEqualTo(expected);
        assertThat(SeriesCitation.digestOf("other")).isNotEqualTo(expected);
        assertThat(SeriesCitation.digestOf("sample-42")).isEqualTo(expected);
        BigInteger[] onAnother = new BigInteger[1];
        Thread thread = new Thread(() -> onAnother[0] = SeriesCitation.digestOf("sample-42"));
        thread.start();
        thread.join();
        assertThat(onAnother[0]).isEqualTo(expected);
    }
}
