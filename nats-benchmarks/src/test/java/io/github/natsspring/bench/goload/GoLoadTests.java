package io.github.natsspring.bench.goload;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ClientAccess;

import static org.assertj.core.api.Assertions.assertThat;

class GoLoadTests {

	private static final RunLimits LIMITS = new RunLimits(20_000, Duration.ofMillis(1500));

	private static final String URL = "nats://127.0.0.1:4444";

	private static final ClientAccess PLAINTEXT = ClientAccess.ANONYMOUS_PLAINTEXT;

	@Test
	void pubSubRunsGatedWithinTheJnatsWindow() {
		assertThat(GoLoad.throughput(ThroughputShape.pubSub(128), LIMITS).arguments(URL, PLAINTEXT))
			.containsExactly("-gate", "-url", URL, "-mode", "pubsub", "-msgs", "20000", "-size", "128", "-subs", "1",
					"-window", "65536", "-time", "1500ms", "-stall", "5000ms");
	}

	@Test
	void queueGroupNamesItsGroup() {
		assertThat(GoLoad.throughput(ThroughputShape.queueGroup(128, 4), LIMITS).arguments(URL, PLAINTEXT))
			.containsSubsequence("-subs", "4", "-queue", "workers");
	}

	@Test
	void publishOnlyHasNoSubscribers() {
		assertThat(GoLoad.throughput(ThroughputShape.publishOnly(16), LIMITS).arguments(URL, PLAINTEXT))
			.containsSubsequence("-mode", "publish", "-window", "100000")
			.doesNotContain("-subs", "-queue");
	}

	@Test
	void overloadHasNoWindow() {
		assertThat(GoLoad.overload(512, LIMITS).arguments(URL, PLAINTEXT)).containsSubsequence("-mode", "overload",
				"-size", "512", "-subs", "1", "-window", "0");
	}

	@Test
	void requestsSendTheRequestCount() {
		assertThat(GoLoad.requests(128, new RunLimits(5_000, Duration.ofSeconds(2))).arguments(URL, PLAINTEXT))
			.containsSubsequence("-mode", "request", "-msgs", "5000", "-size", "128", "-time", "2000ms")
			.doesNotContain("-subs");
	}

	@Test
	void tlsTrustsTheServersCertificate() {
		ClientAccess tls = ClientAccess.tlsTrusting(Path.of("/logs/tls-cert.pem"));

		assertThat(GoLoad.throughput(ThroughputShape.pubSub(128), LIMITS).arguments("tls://127.0.0.1:4444", tls))
			.containsSubsequence("-url", "tls://127.0.0.1:4444", "-tlsca", "/logs/tls-cert.pem", "-mode", "pubsub")
			.doesNotContain("-user", "-password");
	}

	@Test
	void aUserAuthenticatesWithItsPassword() {
		ClientAccess user = ClientAccess.asUser("bench", "secret");

		assertThat(GoLoad.requests(128, LIMITS).arguments(URL, user))
			.containsSubsequence("-user", "bench", "-password", "secret", "-mode", "request")
			.doesNotContain("-tlsca");
	}

	@Test
	void aRoutedLoadSendsItsSubscribersToTheOtherNode() {
		assertThat(GoLoad.throughput(ThroughputShape.pubSub(128), LIMITS)
			.arguments(URL, "nats://127.0.0.1:5555", PLAINTEXT))
			.containsSubsequence("-gate", "-url", URL, "-suburl", "nats://127.0.0.1:5555", "-mode", "pubsub");
	}

	@Test
	void aLoadOnOneServerNamesNoSubscriberUrl() {
		assertThat(GoLoad.throughput(ThroughputShape.pubSub(128), LIMITS).arguments(URL, URL, PLAINTEXT))
			.isEqualTo(GoLoad.throughput(ThroughputShape.pubSub(128), LIMITS).arguments(URL, PLAINTEXT))
			.doesNotContain("-suburl");
	}

	@Test
	void anonymousPlaintextAddsNoAccessFlags() {
		assertThat(GoLoad.throughput(ThroughputShape.pubSub(16), LIMITS).arguments(URL, PLAINTEXT))
			.doesNotContain("-tlsca", "-user", "-password");
	}

	@Test
	void jetStreamPublishingWaitsForEachPubAck() {
		assertThat(GoLoad.jetStreamPublish(128, LIMITS).arguments(URL, PLAINTEXT)).containsExactly("-gate", "-url",
				URL, "-mode", "js-publish", "-msgs", "20000", "-size", "128", "-window", "1", "-time", "1500ms",
				"-stall", "5000ms");
	}

	@Test
	void asyncJetStreamPublishingKeepsItsWindowOfPubAcksOutstanding() {
		assertThat(GoLoad.jetStreamPublishAsync(128, 256, LIMITS).arguments(URL, PLAINTEXT))
			.containsSubsequence("-mode", "js-publish-async", "-msgs", "20000", "-window", "256")
			.doesNotContain("-subs", "-batch");
	}

	@Test
	void jetStreamConsumingFetchesItsBatchFromTheStreamPreFilledWithTheMessageCount() {
		assertThat(GoLoad.jetStreamConsume(128, 256, LIMITS).arguments(URL, PLAINTEXT))
			.containsSubsequence("-mode", "js-consume", "-msgs", "20000", "-size", "128", "-batch", "256")
			.doesNotContain("-subs");
	}

}
