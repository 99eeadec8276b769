package io.github.perfgate.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTailTest {

    @Test
    void keepsTheLastLinesInOrder() {
        OutputTail tail = new OutputTail(3);
        List.of("a", "b", "c", "d", "e").forEach(tail::add);

        assertThat(tail.lines()).containsExactly("c", "d", "e");
        assertThat(OutputTail.last(tail.lines(), 2)).containsExactly("d", "e");
        assertThat(OutputTail.last(tail.lines(), 10)).containsExactly("c", "d", "e");
    }

    @Test
    void fewerLinesThanItsCapacityAreAllKept() {
        OutputTail tail = new OutputTail(OutputTail.LINES);
        tail.add("only");

        assertThat(tail.lines()).containsExactly("only");
    }
}
