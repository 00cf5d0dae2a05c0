package io.github.natsspring.bench.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.natsspring.bench.goload.GoLoad;
import io.github.natsspring.bench.goload.GoLoadBuild;
import io.github.natsspring.bench.goload.GoLoadReport;
import io.github.natsspring.bench.goload.GoToolchainAvailability;
import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.NatsServerAvailability;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ClusterAgainstNatsServerTests {

	private static final RunLimits TINY = new RunLimits(20_000, Duration.ofSeconds(20));

	private static final GoLoadBuild BUILD = GoLoadBuild.ofThisModule();

	@TempDir
	Path logs;

	private final ClusterSession session = new ClusterSession();

	@AfterEach
	void stopCluster() {
		this.session.close();
	}

	@Test
	void nodeBDialsNodeAsRoutePortUnderTheClusterName() throws Exception {
		this.session.start(natsServer(), this.logs);
		ServerCluster cluster = this.session.cluster();

		List<String> nodeA = cluster.publishingNode().command().command();
		List<String> nodeB = cluster.subscribingNode().command().command();
		String routeUrlOfA = nodeA.get(nodeA.indexOf("--cluster") + 1);
		assertThat(nodeA).containsSubsequence("--cluster_name", ServerCluster.NAME).doesNotContain("--routes");
		assertThat(nodeB).containsSubsequence("--cluster_name", ServerCluster.NAME, "--routes", routeUrlOfA);
		assertThat(cluster.nodes()).extracting((node) -> node.label())
			.containsExactly("nats-server node A", "nats-server node B");
	}

	@Test
	void aRoutedLoadDeliversEveryMessagePublishedOnAToTheSubscriberOnB() throws Exception {
		GoToolchainAvailability.require();
		this.session.start(natsServer(), this.logs);
		ServerCluster cluster = this.session.cluster();

		GoLoadReport report = BUILD.generator()
			.runRouted(cluster.publishingNode(), cluster.subscribingNode(),
					GoLoad.throughput(ThroughputShape.pubSub(128), TINY))
			.report();

		assertThat(report.published()).isEqualTo(20_000);
		assertThat(report.delivered()).isEqualTo(20_000);
		assertThat(report.subscriberCutOffs()).isZero();
	}

	@Test
	void theRoutedScenarioMeasuresBothNodesOfItsCluster() throws Exception {
		GoToolchainAvailability.require();
		this.session.start(natsServer(), this.logs);
		RoutedThroughputScenario scenario = new RoutedThroughputScenario(BUILD, this.session,
				ThroughputShape.pubSub(16), TINY);

		Sample sample = scenario.run(this.session.cluster().publishingNode(), Phase.MEASURED);

		assertThat(scenario.name()).isEqualTo("pub/sub 1:1, 16 B, cluster A→B");
		assertThat(sample.value(Metric.MESSAGES_PER_SECOND)).isPositive();
		assertThat(sample.value(RoutedThroughputScenario.CPU_PER_ROUTED_MESSAGE)).isNotNaN().isGreaterThanOrEqualTo(0);
		assertThat(sample.lostMessages()).isZero();
	}

	@Test
	void closingStopsBothNodes() throws Exception {
		this.session.start(natsServer(), this.logs);
		ServerCluster cluster = this.session.cluster();

		this.session.close();

		assertThat(cluster.nodes()).allSatisfy((node) -> assertThat(ProcessHandle.of(node.pid())).isEmpty());
		assertThatIllegalStateException().isThrownBy(this.session::cluster).withMessage("The cluster is not running");
	}

	@Test
	void aServerThatRejectsTheClusterFlagsFailsByName() {
		ServerCommand withoutClusters = new ServerCommand("old-server",
				List.of("/bin/sh", "-c", "echo 'flag provided but not defined: -cluster'; exit 2"), false,
				ServerConfiguration.NONE);

		assertThatIllegalStateException().isThrownBy(() -> this.session.start(withoutClusters, this.logs))
			.withMessageContaining("old-server node A did not start with nats-server's cluster flags")
			.withMessageContaining("flag provided but not defined: -cluster");
	}

	private static ServerCommand natsServer() {
		return ServerCommand.natsServer("nats-server", NatsServerAvailability.require());
	}

}
