// The 5x slower throughput benchmark regresses by exactly +400% (time per op, whatever the mode), the
// unchanged one is unchanged, and the build fails once naming only the regressed benchmark.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

def decode = 'it.results.CodecBench.decode'
def encode = 'it.results.CodecBench.encode'

// The sentence for the regression, at ERROR.
def errorLine = lines.find { it.startsWith('[ERROR] ' + decode + ' regressed ') }
assert errorLine : "no '[ERROR] ${decode} regressed' line"
assert errorLine =~ /regressed \+400\.0% \(baseline .+, now .+, 99% CI \+\d+\.\d%\.\.\+\d+\.\d%, tolerance 10%[;)]/ :
        "unexpected sentence: ${errorLine}"

// Verdict table: one row per benchmark.
assert lines.any { it.contains(decode) && it =~ /\bregressed\b/ } : 'no table row with decode regressed'
assert lines.any { it.contains(encode) && it =~ /\bunchanged\b/ } : 'no table row with encode unchanged'
assert !lines.any { it.contains(encode) && it =~ /\b(regressed|inconclusive)\b/ } : 'encode was flagged'

// One failure, naming decode and not encode.
assert log.contains('BUILD FAILURE') : 'the build did not fail'
def failure = lines.find { it.contains('Failed to execute goal io.github.perfgate:perfgate-maven-plugin') }
assert failure : 'no "Failed to execute goal" line from perfgate'
def message = log.substring(log.indexOf(failure))
message = message.substring(0, message.indexOf('-> [Help 1]') > 0 ? message.indexOf('-> [Help 1]') : message.length())
assert message.contains('perfgate: ') : "failure message does not start with 'perfgate: ': ${message}"
assert message.contains(decode) : "failure message does not name ${decode}: ${message}"
assert !message.contains(encode) : "failure message names the unchanged ${encode}: ${message}"

// A failing check never touches the baseline.
def baseline = new File(basedir, 'perf/baseline.json')
assert baseline.bytes == new File(basedir, 'pristine-baseline.json').bytes : 'perf/baseline.json was modified'
return true
