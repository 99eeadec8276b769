/**
 * The Mojos: thin adapters that bind parameters, call the core once and map its results to Maven's log,
 * {@code MojoFailureException} (a verdict) and {@code MojoExecutionException} (an error). The only package that
 * imports Maven.
 */
package io.github.perfgate.maven;
