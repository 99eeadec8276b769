// No generated benchmarks on the test classpath and no annotation processor anywhere: the build fails and the
// message names the missing annotation processor, so the user knows which dependency to add; it does not blame
// the JDK or an uncompiled project, which this is not.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text

def message = buildLog.failure(log, 'check').message
assert message.contains('No JMH benchmarks found: there is no META-INF/BenchmarkList on the test classpath.') :
        "not the message of a missing processor: ${message}"
assert message.contains('Add org.openjdk.jmh:jmh-generator-annprocess as a test-scoped dependency') :
        "message does not name jmh-generator-annprocess: ${message}"
assert !message.contains('javac 23') && !message.contains('not compiled') : "wrong cause given: ${message}"
return true
