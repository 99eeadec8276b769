/**
 * Reports of a check: console table, failure message, Markdown, HTML (with its SVG chart), JSON and JUnit XML,
 * written atomically through {@code files}. Depends on {@code gate}, {@code model}, {@code stats},
 * {@code baseline} and {@code files}; never on Maven.
 */
package io.github.perfgate.report;
