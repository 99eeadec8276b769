// The allocation gate catches what timing hides: with the time tolerance at 1000%, a digest array 4x too large
// (80 -> 272 B/op, the same work) fails the build with the verdict "allocates more" and the allocation sentence;
// the failing check leaves the baseline byte for byte as recorded; with perfgate.allocationThreshold=off the
// same check passes.
import java.util.regex.Pattern

def fqn = 'it.alloc.DigestBench.digest'
def name = Pattern.quote(fqn)

// The log holds the three builds one after the other.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def (baselineBuild, failingBuild, offBuild) = buildLog.builds(new File(basedir, 'build.log'), [
        'build 1 (baseline)': 'SUCCESS', 'build 2 (4x array)': 'FAILURE', 'build 3 (allocationThreshold=off)': 'SUCCESS'])
assert baselineBuild.any { it =~ /perfgate: Baseline written to .*baseline\.json \(1 benchmark measured\)/ } :
        'build 1 did not write the baseline'

def inOrder = buildLog.inOrder

def header = /\[INFO\] Benchmark\s+Mode\s+Baseline\s+Current\s+Change\s+99% CI\s+Verdict/
def row = { String verdicts ->
    /\[INFO\] ${name}\s+avgt\s+\S+ ns\/op\s+\S+ ns\/op\s+[+-]\d+\.\d%\s+\S+\s+(${verdicts})/
}
// The time part of the sentence, with the 1000% tolerance, then the allocation part with its own 10%.
// The time change is in words ("is 2.1% slower and", "is 1.3% faster but"), never "allocates more -1.3%".
def sentence = /${name} (?:is \d+\.\d% (?:slower and|faster but)|is as fast as before but) allocates more / +
        /\(baseline \S+ ns\/op, now \S+ ns\/op, / +
        /99% CI [+-]\d+\.\d%\.\.[+-]\d+\.\d%, tolerance 1000%; / +
        /allocation (\d+(?:\.\d)?) -> (\d+(?:\.\d)?) B\/op \(\+(\d+\.\d)%\), beyond the 10% allocation tolerance\)/

// Build 2, in order: the table says "allocates more", the sentence at ERROR, the build fails with one message
// that repeats the sentence.
def seen = inOrder(failingBuild, 'build 2 (4x array)', [
        header,
        row('allocates more'),
        /\[ERROR\] / + sentence,
        Pattern.quote('[INFO] BUILD FAILURE'),
        Pattern.quote('[ERROR] Failed to execute goal io.github.perfgate:perfgate-maven-plugin:') + '\\S+'
                + Pattern.quote(':check (default) on project allocation-regression-fails: perfgate: 1 of 1 '
                + 'benchmark regressed beyond its tolerance:'),
        /\[ERROR\]   / + sentence,
        // The hint names what grew: allocation, not a slowdown.
        Pattern.quote('[ERROR] If the extra allocation is intended, accept it with: mvn verify -Dperfgate.update=true')
                + '.*'])
assert seen[5].substring('[ERROR]   '.length()) == seen[2].substring('[ERROR] '.length()) :
        'the failure message differs from the logged sentence'
def grew = (seen[2] =~ sentence)[0]
double before = grew[1] as double
double after = grew[2] as double
double percent = grew[3] as double
// 16 ints in 64 bytes plus an array header; 4x as many plus a header. Not exact figures: header sizes differ
// between JVMs, and JMH's own allocation adds a fraction of a byte per operation.
assert before >= 64 && before < 100 : "baseline allocation ${before} B/op, expected 64 plus a header"
assert after >= 256 && after < 300 : "current allocation ${after} B/op, expected 256 plus a header"
// The figures are printed to 3-4 significant digits, so the percentage is checked to 1.5 points.
assert Math.abs(percent - (after / before - 1) * 100) < 1.5 : "+${percent}% does not match ${before} -> ${after}"
buildLog.failure(failingBuild, 'check')  // exactly one failure, perfgate's check
assert !failingBuild.any { it =~ /${name} regressed / } : 'the time gate failed too: the tolerance is not 1000%?'

// The failing check did not rewrite the baseline (copied by the first goal of build 3, before it ran).
def recorded = new File(basedir, 'target/baseline-as-recorded/baseline.json')
def afterFailure = new File(basedir, 'target/baseline-after-failing-check/baseline.json')
assert recorded.isFile() : 'the copy of the recorded baseline is missing'
assert afterFailure.isFile() : 'the copy of the baseline after the failing check is missing'
assert afterFailure.bytes == recorded.bytes : 'the failing check modified perf/baseline.json'

// Build 3: the same 4x array with the allocation gate off passes; the time verdict stands alone.
inOrder(offBuild, 'build 3 (allocationThreshold=off)', [
        header,
        row('unchanged|improved|inconclusive'),
        Pattern.quote('[INFO] perfgate: 1 compared benchmark: 0 regressed, ') + '[^;]+',
        Pattern.quote('[INFO] BUILD SUCCESS')])
assert !offBuild.any { it.contains('allocates more') || it =~ /allocation [\d.]+ -> / } :
        'build 3 still applied the allocation gate'
assert !offBuild.any { it.startsWith('[ERROR]') } : 'build 3 logged an ERROR'
assert new File(basedir, 'perf/baseline.json').bytes == recorded.bytes : 'a passing check modified perf/baseline.json'
return true
