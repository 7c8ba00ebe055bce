package dev.orderflow.customer.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    @Test
    void matchesTheRightPasswordOnly() {
        String stored = PasswordHasher.hash("correct horse battery".toCharArray());

        assertTrue(PasswordHasher.matches("correct horse battery".toCharArray(), stored));
        assertFalse(PasswordHasher.matches("correct horse batterY".toCharArray(), stored));
    }

    @Test
    void saltsEveryHashAndRecordsTheWorkFactor() {
        String first = PasswordHasher.hash("same password".toCharArray());
        String second = PasswordHasher.hash("same password".toCharArray());

        assertNotEquals(first, second);
        assertTrue(first.startsWith("pbkdf2-sha512$" + PasswordHasher.ITERATIONS + "$"), first);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "plain", "pbkdf2-sha512$x$abc$def", "md5$1$abc$def", "pbkdf2-sha512$1$%%%$abc" })
    void neverMatchesAMalformedStoredHash(String stored) {
        assertFalse(PasswordHasher.matches("anything".toCharArray(), stored));
    }
}
