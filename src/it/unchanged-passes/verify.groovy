// The same code checked against its own fresh baseline: every benchmark gets a verdict, none regressed, the
// build passes and the check leaves the baseline as it was.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'
assert log.count('BUILD SUCCESS') == 2 : 'both builds must succeed'
assert !log.contains('BUILD FAILURE')

['it.unchanged.ChecksumBench.crc32', 'it.unchanged.ChecksumBench.adler32'].each { fqn ->
    def rows = lines.findAll { it.contains(fqn) && it =~ /\b(unchanged|improved|inconclusive|regressed|new|missing)\b/ }
    assert rows : "no verdict for ${fqn}"
    rows.each { row ->
        assert row =~ /\b(unchanged|improved|inconclusive)\b/ : "unexpected verdict: ${row}"
        assert !(row =~ /\bregressed\b/) : "flagged as regressed: ${row}"
    }
}
assert !lines.any { it.startsWith('[ERROR]') } : 'an ERROR was logged'

def baseline = new File(basedir, 'perf/baseline.json')
def recorded = new File(basedir, 'target/baseline-as-recorded/baseline.json')
assert baseline.bytes == recorded.bytes : 'a passing check modified perf/baseline.json'
return true
