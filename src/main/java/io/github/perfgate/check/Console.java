package io.github.perfgate.check;

import java.util.function.Consumer;

/** Where the core's lines for the user go: the build log, in the Maven layer. */
public interface Console {

    void info(String line);

    void warn(String line);

    /** A console of two line consumers. */
    static Console of(Consumer<String> info, Consumer<String> warn) {
        return new Console() {
            @Override
            public void info(String line) {
                info.accept(line);
            }

            @Override
            public void warn(String line) {
                warn.accept(line);
            }
        };
    }
}
