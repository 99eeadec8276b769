package io.github.perfgate.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.jmh.JmhResultParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads when a file to compare, a baseline or a JMH result is empty or not JSON. */
class ResultFileMessagesTest {

    @TempDir
    Path dir;

    @Test
    void compareAdviceFitsCompare() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> ResultFiles.load(text))
                .hasMessageContaining("not valid JSON (Unrecognized token 'hello'")
                .hasMessageContaining("Pass a perfgate baseline or a JMH JSON result")
                .message().doesNotContain("git checkout").doesNotContain("perfgate:baseline")
                .doesNotContain("REDACTED").doesNotContain("[Source");
    }

    @Test
    void anEmptyFileIsCalledEmpty() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");

        assertThatThrownBy(() -> ResultFiles.load(empty)).hasMessage(empty + " is empty (0 bytes): name a perfgate"
                + " baseline or a JMH JSON result (-rf json)");
        assertThatThrownBy(() -> new BaselineStore().read(empty)).hasMessageStartingWith("Baseline file " + empty
                + " is empty (0 bytes). The file was left unchanged.");
        assertThatThrownBy(() -> new JmhResultParser().parse(empty)).hasMessageStartingWith(empty
                + " is empty (0 bytes)");
    }

    @Test
    void jacksonLocationsBecomeLineAndColumn() throws Exception {
        Path truncated = Files.writeString(dir.resolve("baseline.json"), "{\"format\": \"perfgate-baseline\",\n"
                + "  \"benchmarks\": [ {");
        Path truncatedJmh = Files.writeString(dir.resolve("jmh.json"), "[\n {\"benchmark\": \"a.B.c\"");

        assertThatThrownBy(() -> new BaselineStore().read(truncated)).message()
                .contains("not valid JSON (Unexpected end-of-input: expected close marker for Object (start marker at"
                        + " line 2, column 19), at line 2, column 20)")
                .doesNotContain("REDACTED").doesNotContain("[Source").doesNotContain("\n");
        assertThatThrownBy(() -> ResultFiles.load(truncatedJmh)).message()
                .contains("not valid JSON (Unexpected end-of-input: expected close marker for Object (start marker at"
                        + " line 2, column 2), at line 2, column ")
                .doesNotContain("REDACTED").doesNotContain("[Source");
    }
}
