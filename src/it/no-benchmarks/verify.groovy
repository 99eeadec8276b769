// No generated benchmarks on the test classpath: the build fails and the message names the missing
// annotation processor, so the user knows which dependency to add.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

assert log.contains('BUILD FAILURE') : 'the build did not fail'
def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal io.github.perfgate:perfgate-maven-plugin') }
assert failure : 'no "Failed to execute goal" line from perfgate'
assert failure.contains(':check ') : "the failing goal is not check: ${failure}"
def message = log.substring(log.indexOf(failure))
message = message.substring(0, message.indexOf('-> [Help 1]') > 0 ? message.indexOf('-> [Help 1]') : message.length())
assert message.contains('jmh-generator-annprocess') : "message does not name jmh-generator-annprocess: ${message}"
return true
