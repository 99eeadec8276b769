package io.github.perfgate.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void readsKOfN() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.ALL);
        assertThat(Shard.parse("8/8").toString()).isEqualTo("8/8");
        assertThat(Shard.ALL.whole()).isTrue();
        assertThat(new Shard(1, 2).whole()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/4", "5/4", "1/0", "0/0"})
    void refusesAShardOutsideOneToN(String text) {
        assertThatThrownBy(() -> Shard.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("perfgate.shard is '" + text + "'; K must be from 1 to N and N at least 1 (shards count"
                        + " from 1), e.g. -Dperfgate.shard=1/4 for the first of 4 CI jobs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "2/", "/4", "two/four", "2of4", "-1/4", "1/4/2", "1.5/4", "99999999999/4"})
    void refusesJunkNamingTheProperty(String text) {
        assertThatThrownBy(() -> Shard.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("perfgate.shard is '" + text + "'; write K/N, shard K of N with K from 1 to N, e.g."
                        + " -Dperfgate.shard=2/4 in the second of 4 CI jobs");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Shard.parse(null)).hasMessageStartingWith("perfgate.shard is 'null'; write K/N");
    }
}
