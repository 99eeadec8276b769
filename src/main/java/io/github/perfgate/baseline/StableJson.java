package io.github.perfgate.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON meant to live in version control: keys sorted, two-space indentation, LF line ends, numbers rounded
 * to six significant digits in plain notation, and each array of numbers on one line. A re-recording therefore
 * changes only the lines whose values changed.
 *
 * <p>Values may be {@link Map}s (written with sorted keys), {@link List}s, {@code double[]} (one line),
 * {@link String}s, {@link Boolean}s, integers and doubles. Non-finite doubles are written as JMH writes them:
 * the strings {@code "NaN"}, {@code "+INF"} and {@code "-INF"}.
 */
public final class StableJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final MathContext DIGITS = new MathContext(6);

    private StableJson() {
    }

    public static String write(Map<String, ?> document) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            generator.setPrettyPrinter(printer);
            writeValue(generator, document);
        } catch (IOException e) {
            throw new IllegalStateException("Writing JSON to a string failed", e);
        }
        return out.toString() + "\n";
    }

    /** A double in the stable notation: six significant digits, plain (no exponent), no trailing zeros. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "\"NaN\"";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\"+INF\"" : "\"-INF\"";
        }
        if (value == 0) {
            return "0";
        }
        String plain = new BigDecimal(value).round(DIGITS).stripTrailingZeros().toPlainString();
        return plain;
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof double[] numbers) {
            StringBuilder line = new StringBuilder("[");
            for (int i = 0; i < numbers.length; i++) {
                line.append(i == 0 ? " " : ", ").append(number(numbers[i]));
            }
            line.append(numbers.length == 0 ? "]" : " ]");
            generator.writeRawValue(line.toString());
        } else if (value instanceof Double d) {
            generator.writeRawValue(number(d));
        } else if (value instanceof Float f) {
            generator.writeRawValue(number(f));
        } else if (value instanceof Integer || value instanceof Long) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else {
            generator.writeString(value.toString());
        }
    }
}
