// perfgate.update=true with a met claim: the baseline is rewritten with the fast figures and the claim is recorded
// in perf/JOURNAL.md, created on first use with its header, an entry titled "## Performance: N% faster in ..."
// and the reason and target from the POM. A second accepted claim is appended after the first entry, which stays
// byte for byte as it was.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.parser.ParserBench.parse'
def reason = '- Reason: Parse the digits in one pass instead of twenty'

assert log.count('BUILD SUCCESS') == 4 : 'all four builds must succeed'
assert !log.contains('BUILD FAILURE')
assert !lines.any { it.startsWith('[ERROR]') } : 'an ERROR was logged'
// Both update builds ran the tests, met the claim, wrote the baseline and appended to the journal.
assert log.count('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') == 4 : 'the tests did not run in both update builds'
def met = lines.findAll { it.startsWith('[INFO] perfgate: Claim met: ' + fqn + ' is ') }
assert met.size() == 2 : "not two 'Claim met:' lines: ${met}"
assert lines.count { it =~ /^\[INFO\] perfgate: appended 1 accepted claim to .*JOURNAL\.md\. Commit it with the baseline\.$/ } == 2 :
        "not two 'appended 1 accepted claim to ...JOURNAL.md' lines"
assert log.count('Baseline written to') == 4 : 'not four baselines written'

// Build 2 rewrote the slow baseline with the optimised code's figures.
def slurper = new JsonSlurper()
def slow = slurper.parse(new File(basedir, 'target/slow-baseline/baseline.json')).benchmarks.find { it.benchmark == fqn }
def updated = slurper.parse(new File(basedir, 'target/after-first-update/baseline.json')).benchmarks.find { it.benchmark == fqn }
assert slow && updated : "${fqn} is missing from a baseline"
assert updated.score < slow.score : "the baseline was not rewritten: ${slow.score} ${slow.unit} then ${updated.score} ${updated.unit}"

// Build 2 created the journal: header, then one entry.
def first = new File(basedir, 'target/after-first-update/JOURNAL.md')
assert first.isFile() : 'build 2 did not create perf/JOURNAL.md'
def firstText = first.getText('UTF-8')
assert firstText.startsWith('# Performance journal\n\nperfgate appends an entry here for every claimed optimisation it accepts') :
        "no journal header: ${firstText}"
def titles = firstText.readLines().findAll { it.startsWith('## ') }
assert titles.size() == 1 : "not one entry: ${titles}"
def title = titles[0] =~ /^## Performance: (\d+)% faster in ParserBench\.parse$/
assert title.matches() : "unexpected title: ${titles[0]}"
// The title rounds the improvement down to a whole percent, so it never overstates the logged figure (92.0% can
// be 91.96%, titled 91%).
def logged = (met[0] =~ / is (\d+\.\d)% faster/)[0][1] as double
def whole = title[0][1] as int
assert whole <= logged && logged - whole < 1.05 : "title ${titles[0]} does not match ${met[0]}"
assert whole >= 20 : "a met claim below its target: ${titles[0]}"
def entry = firstText.readLines()
assert entry.any { it =~ /^- Date: \d{4}-\d{2}-\d{2}$/ } : "no date: ${firstText}"
assert entry.contains('- Benchmark: ' + fqn + ' (avgt)') : "no benchmark: ${firstText}"
assert entry.any { it =~ /^- Baseline: [\d.]+ us\/op$/ } : "no baseline figure: ${firstText}"
assert entry.any { it =~ /^- Now: [\d.]+ us\/op \(change in time per operation -\d+\.\d%\.\.-\d+\.\d%, 99% CI\)$/ } :
        "no current figure: ${firstText}"
assert entry.any { it =~ /^- Improvement: \d+\.\d% less time per operation \(99% CI \d+\.\d%\.\.\d+\.\d%\)$/ } :
        "no improvement: ${firstText}"
assert entry.contains('- Target: 20%') : "no target: ${firstText}"
assert entry.contains(reason) : "no reason: ${firstText}"

// Build 4 appended a second entry; everything before it is byte for byte what build 2 wrote.
def journal = new File(basedir, 'perf/JOURNAL.md')
byte[] before = first.bytes
byte[] after = journal.bytes
assert after.length > before.length : 'build 4 did not append to the journal'
assert Arrays.equals(Arrays.copyOfRange(after, 0, before.length), before) : 'the first entry was changed'
def added = new String(Arrays.copyOfRange(after, before.length, after.length), 'UTF-8')
assert added.startsWith('\n## Performance: ') : "the new entry does not follow after a blank line: ${added}"
assert added.readLines().count { it.startsWith('## ') } == 1 : "not one new entry: ${added}"
assert added.readLines().contains('- Target: 20%') && added.readLines().contains(reason) : "incomplete entry: ${added}"

// Nothing else was left in perf/ (the journal is written through a temporary file).
assert new File(basedir, 'perf').list().sort() == ['JOURNAL.md', 'baseline.json'] : "perf/ holds ${new File(basedir, 'perf').list()}"
return true
