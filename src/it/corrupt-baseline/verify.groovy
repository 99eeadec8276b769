// A corrupt baseline fails the check with a message that says so and names the file, and the file is left
// byte for byte as it was (the user fixes the merge, perfgate must not "repair" it).
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

assert log.contains('BUILD FAILURE') : 'the build did not fail'
def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal io.github.perfgate:perfgate-maven-plugin') }
assert failure : 'no "Failed to execute goal" line from perfgate'
def message = log.substring(log.indexOf(failure))
message = message.substring(0, message.indexOf('-> [Help 1]') > 0 ? message.indexOf('-> [Help 1]') : message.length())
assert message =~ /perf[\/\\]baseline\.json is corrupt/ : "message lacks '.../perf/baseline.json is corrupt': ${message}"

def baseline = new File(basedir, 'perf/baseline.json')
assert baseline.bytes == new File(basedir, 'pristine-baseline.json').bytes : 'perf/baseline.json was modified'
def leftovers = baseline.parentFile.listFiles().findAll { it.name != 'baseline.json' }
assert leftovers.isEmpty() : "files left beside the baseline: ${leftovers*.name}"
return true
