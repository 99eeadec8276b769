package it.claimmissed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tests that show the optimised parser still parses: a claim is accepted only when they ran and passed. */
class ParserTest {

    @Test
    void parsesDigits() {
        assertEquals(12345, Parser.parse("12345", 0));
    }

    @Test
    void parsesInChunks() {
        assertEquals(12345, Parser.parse("45", Parser.parse("123", 0)));
    }
}
