/**
 * Reports of a check: console table, failure message, Markdown, HTML, JSON and JUnit XML. Depends on {@code gate},
 * {@code baseline} and {@code jmh}; never on Maven.
 */
package io.github.perfgate.report;
