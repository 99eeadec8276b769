package io.github.perfgate.jmh;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads numbers as JMH writes them: JSON numbers, or the strings "NaN", "+INF" and "-INF". */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /**
     * The double value of a JSON node; a missing or null node is NaN.
     *
     * @throws IllegalArgumentException for a string that is not a number
     */
    public static double read(JsonNode node) {
        return JmhResultParser.number(node);
    }
}
