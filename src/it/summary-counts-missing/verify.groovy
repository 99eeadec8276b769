// The summary counts what was compared, not what the baseline holds: 1 compared, 2 in the baseline not run, named.
// With failOnMissing the 2 not run fail the build, each named.
import java.util.regex.Pattern

def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def builds = buildLog.builds(new File(basedir, 'build.log'))
assert builds.size() == 3 : "expected 3 builds, found ${builds.size()}"
def (record, check, strict) = builds
def name = 'it.summary.SumBench.sum'

assert record.any { it =~ /Baseline written to .*baseline\.json \(3 benchmarks measured/ } : 'build 1 did not record 3 benchmarks'

// Build 2 passes with a warning that counts honestly.
def notRun = Pattern.quote("2 in the baseline not run (${name}[size=200], ${name}[size=300])")
buildLog.inOrder(check, 'build 2 (one size)', [
        Pattern.quote('[WARNING] perfgate: 1 compared benchmark: 0 regressed, ') + '[^;]+; '
                + notRun,
        Pattern.quote('[INFO] BUILD SUCCESS')])
assert !check.any { it.contains('in 3 benchmarks') || it.contains('in 3 compared') } : 'build 2 claims 3 were checked'

// Build 3 fails naming both.
def seen = buildLog.inOrder(strict, 'build 3 (failOnMissing)', [
        Pattern.quote('[INFO] BUILD FAILURE'),
        Pattern.quote('[ERROR] Failed to execute goal io.github.perfgate:perfgate-maven-plugin:') + '\\S+'
                + Pattern.quote(':check (default) on project summary-counts-missing: perfgate: 2 benchmarks of the'
                + ' baseline did not run (perfgate.failOnMissing=true):'),
        Pattern.quote("[ERROR]   ${name}[size=200] (avgt)"),
        Pattern.quote("[ERROR]   ${name}[size=300] (avgt)"),
        Pattern.quote('[ERROR] If they were removed or renamed on purpose, record the baseline again: mvn verify'
                + ' -Dperfgate.update=true') + '.*'])
assert !strict.any { it.contains("${name}[size=100] (avgt)") && it.startsWith('[ERROR]   ') } :
        'build 3 named the benchmark that ran as missing'
return true
