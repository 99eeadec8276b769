// No perf/baseline.json: the check fails with a message that names the missing file and the command that
// records it, and it does not invent a baseline.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

assert log.contains('BUILD FAILURE') : 'the build did not fail'
def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal io.github.perfgate:perfgate-maven-plugin') }
assert failure : 'no "Failed to execute goal" line from perfgate'
assert failure.contains(':check ') : "the failing goal is not check: ${failure}"
def message = log.substring(log.indexOf(failure))
message = message.substring(0, message.indexOf('-> [Help 1]') > 0 ? message.indexOf('-> [Help 1]') : message.length())
assert message =~ /No baseline file at \S*perf[\/\\]baseline\.json/ : "message lacks 'No baseline file at .../perf/baseline.json': ${message}"
assert message.contains('perfgate:baseline') : "message does not give the command: ${message}"
assert !new File(basedir, 'perf/baseline.json').exists() : 'the failing check created a baseline'
return true
