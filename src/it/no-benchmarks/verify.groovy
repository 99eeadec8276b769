// No generated benchmarks on the test classpath: the build fails and the message names the missing
// annotation processor, so the user knows which dependency to add.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text

def message = buildLog.failure(log, 'check').message
assert message.contains('jmh-generator-annprocess') : "message does not name jmh-generator-annprocess: ${message}"
return true
