/**
 * Reading this build's Surefire and Failsafe XML reports into a test summary, for claims. Depends on the JDK (StAX)
 * only.
 */
package io.github.perfgate.surefire;
