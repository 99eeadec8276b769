// perfgate.update=true with a claim the code misses: the claim is reported as missed at ERROR, the build fails
// saying that neither file was written, and perf/baseline.json and perf/JOURNAL.md are byte for byte what they
// were before the update (the journal also byte for byte what is committed in this IT).
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.parser.ParserBench.parse'

assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'
assert log.count('Baseline written to') == 1 : 'the failing update wrote the baseline'
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the tests did not run in the update build'

def missed = lines.find { it.startsWith('[ERROR] perfgate: Claim missed: ') }
assert missed : "no '[ERROR] perfgate: Claim missed: ...' line"
assert missed.startsWith('[ERROR] perfgate: Claim missed: ' + fqn + ' is ') : "does not name ${fqn}: ${missed}"
assert missed =~ /target 90%\)/ : "does not give the target: ${missed}"
assert !lines.any { it.contains('appended') && it.contains('JOURNAL.md') } : 'the journal was reported as appended'

def failure = buildLog.failure(lines, 'check')
def message = failure.message
assert failure.line.endsWith('perfgate: not updating baseline.json or JOURNAL.md: an optimisation is accepted only when' +
        ' every claim is met, the tests pass and no other benchmark regressed. Both files were left unchanged.') :
        "unexpected failure: ${failure.line}"
assert message.contains('1 claim was not met:') && message.contains('Claim missed: ' + fqn) :
        "the failure does not list the missed claim: ${message}"

// Both files are untouched, and nothing else was left in perf/.
def before = new File(basedir, 'target/perf-before-update')
assert new File(basedir, 'perf/baseline.json').bytes == new File(before, 'baseline.json').bytes :
        'the failing update modified perf/baseline.json'
assert new File(basedir, 'perf/JOURNAL.md').bytes == new File(before, 'JOURNAL.md').bytes :
        'the failing update modified perf/JOURNAL.md'
assert new File(basedir, 'perf/JOURNAL.md').bytes == new File(basedir, 'pristine-JOURNAL.md').bytes :
        'perf/JOURNAL.md differs from the committed journal'
assert new File(basedir, 'perf').list().sort() == ['JOURNAL.md', 'baseline.json'] : "perf/ holds ${new File(basedir, 'perf').list()}"
return true
