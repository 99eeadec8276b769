// A benchmark that throws fails the build; the failure names the benchmark and the exception's message, and
// the baseline is left alone.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.throwing.BoomBench.explode'

assert log.contains('BUILD FAILURE') : 'the build did not fail'
def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal io.github.perfgate:perfgate-maven-plugin') }
assert failure : 'no "Failed to execute goal" line from perfgate'
assert failure.contains(':check ') : "the failing goal is not check: ${failure}"
def message = log.substring(log.indexOf(failure))
message = message.substring(0, message.indexOf('-> [Help 1]') > 0 ? message.indexOf('-> [Help 1]') : message.length())
assert message.contains(fqn) : "failure message does not name ${fqn}: ${message}"
// The exception itself reaches the user, either in the message or in the ERROR lines before it.
assert log.contains('java.lang.IllegalStateException: boom') : 'the exception is not in the log'
assert message.contains('boom') || lines.any { it.startsWith('[ERROR]') && it.contains('boom') } :
        "no ERROR line mentions 'boom'"
// Nothing was accepted or written.
assert !log.contains('Baseline written to') : 'a failed run wrote the baseline'
return true
