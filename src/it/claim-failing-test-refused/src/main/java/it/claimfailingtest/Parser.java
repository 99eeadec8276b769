package it.claimfailingtest;

/** Parses decimal digits. */
public final class Parser {

    private Parser() {
    }

    /**
     * Parses decimal digits into an int (modulo 2^32), continuing from a value already parsed, so that a number
     * arriving in chunks is parsed chunk by chunk: {@code parse("45", parse("123", 0)) == 12345}.
     */
    public static int parse(CharSequence digits, int from) {
        int value = from;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("Not a digit: '" + c + "' at " + i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
