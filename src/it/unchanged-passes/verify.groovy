// The same code checked against its own fresh baseline: every benchmark gets a row in the verdict table,
// none is regressed, the build passes and the check leaves the baseline as it was.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'
assert log.count('BUILD SUCCESS') == 2 : 'both builds must succeed'
assert !log.contains('BUILD FAILURE')

['it.unchanged.ChecksumBench.crc32', 'it.unchanged.ChecksumBench.adler32'].each { fqn ->
    // A table row: the benchmark, its mode, the numbers, the verdict last.
    def row = lines.find { it =~ /^\[INFO\] ${java.util.regex.Pattern.quote(fqn)}\s+(avgt|thrpt)\s/ }
    assert row : "no verdict table row for ${fqn}"
    assert row =~ /\s(unchanged|improved|inconclusive)( \(.*\))?$/ : "unexpected verdict: ${row}"
    // The sentences logged below the table (if any) agree.
    lines.findAll { it =~ /^\[[A-Z]+\] ${java.util.regex.Pattern.quote(fqn)} / }.each { sentence ->
        assert !(sentence =~ /\bregressed\b/) : "flagged as regressed: ${sentence}"
    }
}
assert !lines.any { it.startsWith('[ERROR]') } : 'an ERROR was logged'

def baseline = new File(basedir, 'perf/baseline.json')
def recorded = new File(basedir, 'target/baseline-as-recorded/baseline.json')
assert baseline.bytes == recorded.bytes : 'a passing check modified perf/baseline.json'
return true
