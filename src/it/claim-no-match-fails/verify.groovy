// A misspelt claim is not silently ignored: it is refused at ERROR with the benchmark the user meant, and the
// build fails on it.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def expected = "Claim refused: no benchmark matches 'ParserBench.prase'. Did you mean it.parser.ParserBench.parse?" +
        ' Name a benchmark by its fully qualified name or by a suffix at a dot boundary (e.g. ParserBench.parse>=20%),' +
        ' with * as a wildcard.'

assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'

assert lines.any { it == '[ERROR] perfgate: ' + expected } : "no line '[ERROR] perfgate: ${expected}'"

def failure = buildLog.failure(lines, 'check')
def message = failure.message
assert failure.line.endsWith('perfgate: 1 claim was not met:') : "unexpected failure: ${failure.line}"
assert message.contains(expected) : "the failure does not give the refusal: ${message}"
return true
