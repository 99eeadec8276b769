package io.github.perfgate.jmh;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Jackson's reason for rejecting a document, in words for a user: its own message without the
 * {@code [Source: REDACTED ...]} location it embeds (the file is named by the caller), and the line and column.
 */
public final class JsonProblem {

    private JsonProblem() {
    }

    /** E.g. {@code Unexpected end-of-input: expected close marker for Object (from line 1, column 1), at line 3, column 2}. */
    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // An embedded location, such as "(start marker at [Source: REDACTED ...; line: 1, column: 1])".
        message = message.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\[Source: [^\\]]*\\]", "")
                .replaceAll("\\s+", " ").trim();
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += ", at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return message;
    }
}
