package io.github.natsspring.broker.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a reload judges cluster and JetStream changes: nats-server's refusals, and what this broker cannot change
 * yet.
 */
class OptionsDiffTests {

	private static final int BOUND_PORT = 4222;

	@Test
	void anUnchangedClusterIsNoChange() {
		NatsBrokerOptions options = options(cluster(6222));
		assertThat(OptionsDiff.of(options, options(cluster(6222)), BOUND_PORT, 6222, false).notices()).isEmpty();
	}

	@Test
	void startingAClusterIsRefusedAsByNatsServer() {
		assertRefused(options(null), options(cluster(6222)),
				"config reload not supported for cluster host: old=, new=0.0.0.0");
	}

	@Test
	void stoppingAClusterIsRefusedAsByNatsServer() {
		assertRefused(options(cluster(6222)), options(null),
				"config reload not supported for cluster host: old=0.0.0.0, new=");
	}

	@Test
	void changingTheClusterHostIsRefusedAsByNatsServer() {
		assertRefused(options(cluster(6222)), options(cluster(6222, (c) -> c.host("127.0.0.1"))),
				"config reload not supported for cluster host: old=0.0.0.0, new=127.0.0.1");
	}

	@Test
	void changingTheClusterPortIsRefusedAsByNatsServer() {
		assertRefused(options(cluster(6222)), options(cluster(6333)),
				"config reload not supported for cluster port: old=6222, new=6333");
	}

	@Test
	void aRandomClusterPortKeepsTheBoundOne() {
		assertThat(OptionsDiff.of(options(cluster(0)), options(cluster(0)), BOUND_PORT, 45678, false).notices())
			.isEmpty();
		assertThat(OptionsDiff.of(options(cluster(0)), options(cluster(45678)), BOUND_PORT, 45678, false).notices())
			.isEmpty();
		assertThat(OptionsDiff.of(options(cluster(6222)), options(cluster(0)), BOUND_PORT, 6222, false).notices())
			.isEmpty();
		assertThatExceptionOfType(NatsBrokerException.class)
			.isThrownBy(() -> OptionsDiff.of(options(cluster(0)), options(cluster(6333)), BOUND_PORT, 45678, false))
			.withMessage("config reload not supported for cluster port: old=45678, new=6333");
	}

	@Test
	void aBadAdvertisedAddressIsRefusedAsByNatsServerWhenTheClusterChanges() {
		assertRefused(options(cluster(6222)), options(cluster(6222, (c) -> c.advertise("a:b:c"))),
				"invalid Cluster.Advertise value of a:b:c, err=address a:b:c: too many colons in address");
	}

	@Test
	void clusterChangesNatsServerReloadsAreRefusedUntilTheBrokerCanMakeThem() {
		NatsBrokerOptions old = options(cluster(6222));
		assertRefused(old, options(cluster(6222, (c) -> c.name("east"))),
				"config reload of cluster name not supported by this broker yet: old=, new=east");
		assertRefused(old, options(cluster(6222, (c) -> c.advertise("h:1"))),
				"config reload of cluster advertise not supported by this broker yet: old=, new=h:1");
		assertRefused(old, options(cluster(6222, (c) -> c.noAdvertise(true))),
				"config reload of cluster no_advertise not supported by this broker yet: old=false, new=true");
		assertRefused(old, options(cluster(6222, (c) -> c.connectRetries(3))),
				"config reload of cluster connect_retries not supported by this broker yet: old=0, new=3");
		assertRefused(old, options(cluster(6222, (c) -> c.route(URI.create("nats://127.0.0.1:6333")))),
				"config reload of cluster routes not supported by this broker yet");
	}

	@Test
	void changedRouteCredentialsAreRefusedWithoutShowingThem() {
		assertRefused(options(cluster(6222, (c) -> c.authorization("ru", "old-secret"))),
				options(cluster(6222, (c) -> c.authorization("ru", "new-secret"))),
				"config reload of cluster authorization not supported by this broker yet");
	}

	@Test
	void routesInAnotherOrderAreNoChange() {
		URI a = URI.create("nats://127.0.0.1:6333");
		URI b = URI.create("nats://127.0.0.1:6444");
		NatsBrokerOptions old = options(cluster(6222, (c) -> c.routes(List.of(a, b))));
		NatsBrokerOptions changed = options(cluster(6222, (c) -> c.routes(List.of(b, a))));
		assertThat(OptionsDiff.of(old, changed, BOUND_PORT, boundClusterPort(old), false).notices()).isEmpty();
	}

	@Test
	void clientAdvertiseIsCheckedAsByNatsServerAndNotChangedYet() {
		NatsBrokerOptions old = NatsBrokerOptions.builder().build();
		assertRefused(old, NatsBrokerOptions.builder().clientAdvertise("a:b:c").build(),
				"invalid ClientAdvertise value of a:b:c, err=address a:b:c: too many colons in address");
		assertRefused(old, NatsBrokerOptions.builder().clientAdvertise("nats.example.com").build(),
				"config reload of client_advertise not supported by this broker yet: old=, new=nats.example.com");
	}

	@Test
	void jetStreamChangesAreRefusedAsByNatsServerOrUntilTheBrokerCanMakeThem() {
		NatsBrokerOptions off = NatsBrokerOptions.builder().build();
		NatsBrokerOptions on = NatsBrokerOptions.builder().jetStream(BrokerJetStream.inDirectory(Path.of("/a"))).build();
		assertThat(OptionsDiff.of(on, on, BOUND_PORT, 0, false).notices()).isEmpty();
		assertRefused(off, on, "config reload of jetstream not supported by this broker yet: old=false, new=true");
		assertRefused(on, off, "config reload of jetstream not supported by this broker yet: old=true, new=false");
		assertRefused(on, jetStream(BrokerJetStream.inDirectory(Path.of("/b"))),
				"config reload not supported for jetstream storage directory");
		BrokerJetStream limited = BrokerJetStream.builder().storeDirectory(Path.of("/a")).maxMemoryStore(1024).build();
		assertRefused(on, jetStream(limited), "config reload not supported for jetstream dynamic max memory and store");
		assertRefused(jetStream(limited), on, "config reload not supported for jetstream max memory and max store");
		assertRefused(jetStream(limited), jetStream(limited.toBuilder().maxMemoryStore(2048).build()),
				"config reload not supported for jetstream max memory and store");
	}

	private static NatsBrokerOptions jetStream(BrokerJetStream jetStream) {
		return NatsBrokerOptions.builder().jetStream(jetStream).build();
	}

	// the cluster port a running broker with these options bound, for options that name a fixed one
	private static int boundClusterPort(NatsBrokerOptions running) {
		return (running.cluster() != null) ? running.cluster().port() : 0;
	}

	private static void assertRefused(NatsBrokerOptions old, NatsBrokerOptions changed, String message) {
		assertThatExceptionOfType(NatsBrokerException.class)
			.isThrownBy(() -> OptionsDiff.of(old, changed, BOUND_PORT, boundClusterPort(old), false))
			.withMessage(message);
	}

	private static BrokerCluster cluster(int port) {
		return cluster(port, UnaryOperator.identity());
	}

	private static BrokerCluster cluster(int port, UnaryOperator<BrokerCluster.Builder> customizer) {
		return customizer.apply(BrokerCluster.builder().port(port)).build();
	}

	private static NatsBrokerOptions options(BrokerCluster cluster) {
		return NatsBrokerOptions.builder().cluster(cluster).build();
	}
}
