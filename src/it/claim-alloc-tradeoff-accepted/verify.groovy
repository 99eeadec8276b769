// A claimed optimisation that trades allocation for speed: the sieve is about 10x faster than trial division but
// allocates a 20 kB array per operation. Without update the check fails in words that agree ("is N% faster but
// allocates more", never "allocates more -N%"), and the hint names the command that accepts the trade-off: update
// with the same claim. That command passes: the baseline is rewritten with the sieve's figures, a warning says what
// allocation was accepted, and the journal entry records the allocation before and after.
import groovy.json.JsonSlurper
import java.util.regex.Pattern

def fqn = 'it.tradeoff.SieveBench.primes'
def name = Pattern.quote(fqn)

def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def (baselineBuild, failingBuild, updateBuild) = buildLog.builds(new File(basedir, 'build.log'), [
        'build 1 (baseline)': 'SUCCESS', 'build 2 (sieve, claim, no update)': 'FAILURE',
        'build 3 (sieve, claim, update)': 'SUCCESS'])
def inOrder = buildLog.inOrder

// The verdict sentence: the time change in words, then the allocation with its own tolerance.
def sentence = /${name} is (\d+\.\d)% faster but allocates more \(baseline \S+ us\/op, now \S+ us\/op, / +
        /99% CI -\d+\.\d%\.\.-\d+\.\d%, tolerance 10%; / +
        /allocation ([\d.,]+) -> ([\d.,]+) B\/op \(\+\d+\.\d%\), beyond the 10% allocation tolerance\)/
def hint = 'The extra allocation is on a claimed benchmark whose claim is met. If the trade-off is intended, accept' +
        " it and record it in the journal with the same claims: mvn verify -Dperfgate.update=true" +
        " -Dperfgate.claims='SieveBench.primes>=50%' (leave out -Dperfgate.claims when the claims are in the POM)," +
        ' and commit perf/baseline.json and perf/JOURNAL.md. Or stop gating allocation with' +
        ' -Dperfgate.allocationThreshold=off (or a larger percentage); it applies to every benchmark, as' +
        ' per-benchmark <thresholds> tolerate time only.'

// Build 2: the claim is met, the allocation fails the build, and the hint names update with the claim.
def seen = inOrder(failingBuild, 'build 2 (no update)', [
        /\[ERROR\] / + sentence,
        Pattern.quote('[INFO] perfgate: Claim met: ' + fqn + ' is ') + /\d+\.\d% faster .*target 50%\)/,
        Pattern.quote('[INFO] BUILD FAILURE'),
        /\[ERROR\] Failed to execute goal .*: perfgate: 1 of 1 benchmark regressed beyond its tolerance:/,
        /\[ERROR\]   / + sentence,
        Pattern.quote('[ERROR] ' + hint),
        Pattern.quote("[ERROR] To rerun only these benchmarks: mvn verify -Dperfgate.include='^\\Qit.tradeoff.SieveBench.primes\\E\$'")])
def grew = (seen[0] =~ sentence)[0]
assert (grew[1] as double) >= 50 : "the sieve is only ${grew[1]}% faster"
double before = grew[2].replace(',', '') as double
double after = grew[3].replace(',', '') as double
// boolean[20000] is 20,000 bytes plus a header; trial division allocates nothing (JMH's share is a few B/op).
assert before < 1000 : "trial division allocated ${before} B/op"
assert after >= 20000 && after < 20100 : "the sieve allocated ${after} B/op, expected 20,000 plus a header"
assert !failingBuild.any { it =~ /allocates more [+-]\d/ } : 'a verdict still reads "allocates more -N%"'
assert !failingBuild.any { it.contains('If the extra allocation is intended, accept it with: mvn verify -Dperfgate.update=true and commit') } :
        'build 2 still names the update without the claim'
// The failing check left the baseline as recorded (copied by the first goal of build 3, before it ran).
def recorded = new File(basedir, 'target/baseline-as-recorded/baseline.json')
def afterFailure = new File(basedir, 'target/baseline-after-failing-check/baseline.json')
assert recorded.isFile() && afterFailure.isFile() : 'a copy of the baseline is missing'
assert afterFailure.bytes == recorded.bytes : 'the failing check modified perf/baseline.json'

// Build 3: the hint's command accepts the trade-off with a warning and records it.
def accepted = inOrder(updateBuild, 'build 3 (update)', [
        /\[WARNING\] / + sentence,
        Pattern.quote('[INFO] perfgate: Claim met: ' + fqn + ' is ') + /.*/,
        Pattern.quote('[WARNING] perfgate: accepting extra allocation of ') + /([\d.,]+) -> ([\d.,]+) B\/op \(\+\d+\.\d%\)/ +
                Pattern.quote(' on claimed benchmark ' + fqn + ', beyond the 10% allocation tolerance, as its claim is met;' +
                ' JOURNAL.md records it'),
        /\[INFO\] perfgate: Baseline written to .*baseline\.json \(1 benchmark measured\).*/,
        /\[INFO\] perfgate: appended 1 accepted claim to .*JOURNAL\.md\. Commit it with the baseline\./,
        Pattern.quote('[INFO] BUILD SUCCESS')])
assert !updateBuild.any { it.startsWith('[ERROR]') } : 'build 3 logged an ERROR'
def acceptedFigures = (accepted[2] =~ /of ([\d.,]+) -> ([\d.,]+) B\/op \((\+\d+\.\d%)\)/)[0]

// The baseline now holds the sieve's figures: faster, and allocating the 20 kB.
def slurper = new JsonSlurper()
def old = slurper.parse(recorded).benchmarks.find { it.benchmark == fqn }
def now = slurper.parse(new File(basedir, 'perf/baseline.json')).benchmarks.find { it.benchmark == fqn }
assert old && now : "${fqn} is missing from a baseline"
assert now.score * 5 < old.score : "the baseline was not rewritten: ${old.score} then ${now.score} us/op"
assert now.allocation.score >= 20000 && old.allocation.score < 1000 :
        "allocation ${old.allocation.score} then ${now.allocation.score} B/op"

// The journal entry records the trade-off: the allocation before and after, as the warning said.
def journal = new File(basedir, 'perf/JOURNAL.md').getText('UTF-8').readLines()
assert journal.count { it.startsWith('## ') } == 1 : "not one entry: ${journal}"
assert journal.any { it ==~ /## Performance: \d+% faster in SieveBench\.primes/ } : "no title: ${journal}"
assert journal.contains('- Benchmark: ' + fqn + ' (avgt)') : "no benchmark: ${journal}"
assert journal.contains('- Target: 50%') : "no target: ${journal}"
def allocationLine = "- Allocation: ${acceptedFigures[1]} -> ${acceptedFigures[2]} B/op (${acceptedFigures[3]})," +
        ' beyond the allocation tolerance, accepted as the price of the speed-up'
assert journal.contains(allocationLine.toString()) : "no allocation line '${allocationLine}' in: ${journal.join('\n')}"
assert new File(basedir, 'perf').list().sort() == ['JOURNAL.md', 'baseline.json'] : "perf/ holds ${new File(basedir, 'perf').list()}"
return true
