/**
 * The Mojos: thin adapters that bind parameters, call the core and map the result. {@code Failures} is the one
 * place where a core {@code PerfgateException} becomes a {@code MojoFailureException} (consequence FAILURE, a
 * verdict) or a {@code MojoExecutionException} (ERROR). The only package that imports Maven.
 */
package io.github.perfgate.maven;
