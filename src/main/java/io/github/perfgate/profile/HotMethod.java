package io.github.perfgate.profile;

import java.util.Objects;

/**
 * One method and how often it was on top of the stack when a thread was sampled (its self time, callees excluded).
 *
 * @param method  {@code package.Class.method}, without line number or signature (overloads are one entry)
 * @param samples the samples with this method as the top frame
 * @param share   {@code samples} as a fraction of all samples of the profile, between 0 and 1
 */
public record HotMethod(String method, long samples, double share) {

    public HotMethod {
        Objects.requireNonNull(method, "method");
    }
}
