// No perf/baseline.json: the check fails with a message that names the missing file and the command that
// records it, and it does not invent a baseline.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text

def message = buildLog.failure(log, 'check').message
assert message =~ /No baseline file at \S*perf[\/\\]baseline\.json/ : "message lacks 'No baseline file at .../perf/baseline.json': ${message}"
assert message.contains('perfgate:baseline') : "message does not give the command: ${message}"
assert !new File(basedir, 'perf/baseline.json').exists() : 'the failing check created a baseline'
return true
