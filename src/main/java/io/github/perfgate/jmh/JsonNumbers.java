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

    /**
     * The double value of the number the parser is at: a JSON number, {@code null} (NaN), or a string as JMH writes
     * them ("NaN", "+INF", "-INF").
     *
     * @throws IllegalArgumentException for a string that is not a number, or an array or object
     */
    public static double read(com.fasterxml.jackson.core.JsonParser parser) throws java.io.IOException {
        return switch (parser.currentToken()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_NULL -> Double.NaN;
            case VALUE_STRING -> JmhResultParser.numberText(parser.getText());
            default -> throw new IllegalArgumentException("'" + parser.getText() + "' is not a number");
        };
    }
}
