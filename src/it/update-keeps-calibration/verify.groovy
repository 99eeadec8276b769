// perfgate.update=true with perfgate.calibrate=false measured no calibration: on the same machine the new baseline
// keeps the one recorded in build 1 (so later checks still correct machine drift), and the log says so.
import groovy.json.JsonSlurper
import java.util.regex.Pattern

def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def builds = buildLog.builds(new File(basedir, 'build.log'))
assert builds.size() == 2 : "expected 2 builds, found ${builds.size()}"
def (record, update) = builds

assert record.any { it.contains('with machine calibration') } : 'build 1 did not calibrate'
assert !update.any { it.contains('with machine calibration') } : 'build 2 calibrated'
buildLog.inOrder(update, 'build 2 (update without calibration)', [
        /\[INFO\] perfgate: Baseline written to .*baseline\.json.*/,
        Pattern.quote('[INFO] perfgate: this run measured no machine calibration; the baseline keeps the previous one (')
                + '.+' + Pattern.quote(' on the same machine and JVM)'),
        Pattern.quote('[INFO] BUILD SUCCESS')])
assert !update.any { it.contains('has no machine calibration') } : 'build 2 says the calibration was dropped'

def slurper = new JsonSlurper()
def recorded = slurper.parse(new File(basedir, 'target/baseline-as-recorded/baseline.json'))
def updated = slurper.parse(new File(basedir, 'perf/baseline.json'))
assert recorded.calibration : 'build 1 recorded no calibration'
assert recorded.calibration.samples.flatten().size() > 0 : 'build 1 recorded an empty calibration'
assert updated.calibration == recorded.calibration : "the update changed or dropped the calibration: ${updated.calibration}"
assert updated.recorded != null && updated.benchmarks.size() == 1 : 'the update did not write the benchmark'
return true
