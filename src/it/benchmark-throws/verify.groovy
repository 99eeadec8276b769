// A benchmark that throws fails the build; the failure names the benchmark and the exception's message, and
// the baseline is left alone.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.throwing.BoomBench.explode'

def message = buildLog.failure(lines, 'check').message
assert message.contains(fqn) : "failure message does not name ${fqn}: ${message}"
// The exception itself reaches the user, either in the message or in the ERROR lines before it.
assert log.contains('java.lang.IllegalStateException: boom') : 'the exception is not in the log'
assert message.contains('boom') || lines.any { it.startsWith('[ERROR]') && it.contains('boom') } :
        "no ERROR line mentions 'boom'"
// Nothing was accepted or written.
assert !log.contains('Baseline written to') : 'a failed run wrote the baseline'
return true
