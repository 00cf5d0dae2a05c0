package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PullRequest}.
 */
class PullRequestTests {

	@Test
	void emptyBodyAsksForOneMessageWithoutExpiry() {
		assertThat(parse("")).isEqualTo(new PullRequest(1, 0, false, 0, 0));
		assertThat(parse("  ")).isEqualTo(new PullRequest(1, 0, false, 0, 0));
	}

	@Test
	void bareNumberIsTheBatch() {
		assertThat(parse("10")).isEqualTo(new PullRequest(10, 0, false, 0, 0));
	}

	@Test
	void readsTheJsonOfNatsJsFetch() {
		assertThat(parse("{\"batch\":2,\"max_bytes\":0,\"idle_heartbeat\":1000000000,\"expires\":2000000000}"))
			.isEqualTo(new PullRequest(2, 2_000_000_000L, false, 0, 1_000_000_000L));
	}

	@Test
	void readsNoWaitAndMaxBytes() {
		assertThat(parse("{\"batch\":1,\"no_wait\":true,\"max_bytes\":64}")).isEqualTo(new PullRequest(1, 0, true, 64, 0));
	}

	@Test
	void refusesAHeartbeatOverHalfTheExpiry() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"batch\":1,\"idle_heartbeat\":600,\"expires\":1000}"))
			.withMessage("heartbeat value too large");
	}

	@Test
	void refusesInvalidJson() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"batch\":"));
		assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"batch\":\"two\"}"));
	}

	private static PullRequest parse(String body) {
		return PullRequest.parse(body.getBytes(StandardCharsets.UTF_8));
	}
}
