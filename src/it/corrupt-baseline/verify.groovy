// A corrupt baseline fails the check with a message that says so and names the file, and the file is left
// byte for byte as it was (the user fixes the merge, perfgate must not "repair" it).
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text

def message = buildLog.failure(log, 'check').message
assert message =~ /perf[\/\\]baseline\.json is corrupt/ : "message lacks '.../perf/baseline.json is corrupt': ${message}"

def baseline = new File(basedir, 'perf/baseline.json')
assert baseline.bytes == new File(basedir, 'pristine-baseline.json').bytes : 'perf/baseline.json was modified'
def leftovers = baseline.parentFile.listFiles().findAll { it.name != 'baseline.json' }
assert leftovers.isEmpty() : "files left beside the baseline: ${leftovers*.name}"
return true
