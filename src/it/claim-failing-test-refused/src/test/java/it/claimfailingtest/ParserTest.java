package it.claimfailingtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tests that show the optimised parser still parses: a claim is accepted only when they ran and passed. */
class ParserTest {

    @Test
    void parsesDigits() {
        assertEquals(12345, Parser.parse("12345", 0));
    }

    /**
     * With {@code -DbreakTest=true} the result is off by one, standing for an optimisation that broke the parser
     * (the IT passes the property to Surefire, which hands it to the test JVM).
     */
    @Test
    void parsesInChunks() {
        int value = Parser.parse("45", Parser.parse("123", 0));
        if (Boolean.getBoolean("breakTest")) {
            value++;
        }
        assertEquals(12345, value);
    }
}
