package io.github.natsspring.autoconfigure;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.PortInUseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An embedded broker whose port is taken stops the application with Spring Boot's kind of port-in-use analysis: the
 * port, what holds it when it answers, and the ways out.
 */
@ExtendWith(OutputCaptureExtension.class)
class NatsPortInUseFailureAnalyzerTests {

	private final NatsPortInUseFailureAnalyzer analyzer = new NatsPortInUseFailureAnalyzer(new MockEnvironment());

	@Test
	void aPortHeldByANatsServerIsDescribedWithItsNameAndVersionAndCanBeUsedInstead() {
		try (NatsBroker holder = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			holder.start();
			int port = holder.getPort();
			FailureAnalysis analysis = analyze("127.0.0.1", port);
			assertThat(analysis.getDescription()).isEqualTo("Embedded NATS broker failed to start. Port " + port
					+ " on 127.0.0.1 was already in use. A NATS server holds it (server_name " + holder.getServerName()
					+ ", version " + NatsBroker.PROTOCOL_COMPATIBLE_VERSION + ").");
			assertThat(analysis.getAction()).isEqualTo("Perhaps another instance of this application, or a"
					+ " nats-server, is running on port " + port + ". To use it instead of the embedded broker, set"
					+ " nats.servers=nats://127.0.0.1:" + port + ". Otherwise stop it, or set nats.embedded.port=0 for"
					+ " a free port (published as local.nats.port), or set nats.embedded.port to another port.");
		}
	}

	@Test
	void aPortHeldByAProcessThatDoesNotSendInfoIsDescribedAsNoNatsServer() throws Exception {
		try (ServerSocket holder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int port = holder.getLocalPort();
			FailureAnalysis analysis = analyze("127.0.0.1", port);
			assertThat(analysis.getDescription()).isEqualTo("Embedded NATS broker failed to start. Port " + port
					+ " on 127.0.0.1 was already in use. What holds it is not a NATS server: it did not send INFO.");
			assertThat(analysis.getAction()).isEqualTo("Stop the process that holds port " + port + ", or set"
					+ " nats.embedded.port=0 for a free port (published as local.nats.port), or set nats.embedded.port"
					+ " to another port.");
		}
	}

	@Test
	void aHolderThatCannotBeReachedIsDescribedWithEveryWayOut() {
		int port = NatsServerProcess.freePort();
		FailureAnalysis analysis = analyze("127.0.0.1", port);
		assertThat(analysis.getDescription())
			.isEqualTo("Embedded NATS broker failed to start. Port " + port + " on 127.0.0.1 was already in use.");
		assertThat(analysis.getAction()).isEqualTo("Another process holds port " + port + ": perhaps another instance"
				+ " of this application, or a nats-server. Stop it, or set nats.embedded.port=0 for a free port"
				+ " (published as local.nats.port), or set nats.embedded.port to another port. If it is a NATS server,"
				+ " set nats.servers=nats://127.0.0.1:" + port + " to use it instead of the embedded broker.");
	}

	@Test
	void aBrokerOnEveryInterfaceIsProbedAndReachedOnLoopback() {
		try (NatsBroker holder = new NatsBroker(NatsBrokerOptions.builder().host("0.0.0.0").port(0).build())) {
			holder.start();
			FailureAnalysis analysis = analyze("0.0.0.0", holder.getPort());
			assertThat(analysis.getDescription()).contains("Port " + holder.getPort() + " on 0.0.0.0 was already in use.")
				.contains("A NATS server holds it");
			assertThat(analysis.getAction()).contains("nats.servers=nats://127.0.0.1:" + holder.getPort());
		}
	}

	@Test
	void aSecondInstanceOfTheApplicationStopsWithTheAnalysisInsteadOfAStackTrace(CapturedOutput output) {
		try (ConfigurableApplicationContext first = application().run("--nats.embedded.port=0")) {
			int port = first.getEnvironment().getRequiredProperty("local.nats.port", Integer.class);
			int before = output.length();
			assertThatException().isThrownBy(() -> application().run("--nats.embedded.port=" + port));
			String second = output.toString().substring(before);
			assertThat(second).contains("APPLICATION FAILED TO START")
				.contains("Embedded NATS broker failed to start. Port " + port
						+ " on 127.0.0.1 was already in use. A NATS server holds it (server_name ")
				.contains("set nats.servers=nats://127.0.0.1:" + port)
				.doesNotContain("\tat ")
				.doesNotContain("Application run failed");
		}
	}

	@Test
	void aSecondInstanceOnTheSameClusterPortStopsWithTheClusterPortsAnalysis(CapturedOutput output) {
		try (ConfigurableApplicationContext first = application().run("--nats.embedded.port=0",
				"--nats.embedded.cluster.port=0")) {
			int clusterPort = first.getEnvironment().getRequiredProperty("local.nats.cluster-port", Integer.class);
			int before = output.length();
			assertThatException().isThrownBy(() -> application().run("--nats.embedded.port=0",
					"--nats.embedded.cluster.port=" + clusterPort));
			assertThat(output.toString().substring(before)).contains("APPLICATION FAILED TO START")
				.contains("Embedded NATS broker failed to start. Cluster port " + clusterPort
						+ " on 127.0.0.1 was already in use.")
				.contains("set nats.embedded.cluster.port=0 for a free port (published as local.nats.cluster-port)")
				.doesNotContain("\tat ");
		}
	}

	@Test
	void aPortHeldByAnotherProcessStopsTheApplicationSayingItIsNoNatsServer(CapturedOutput output) throws Exception {
		try (ServerSocket holder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int port = holder.getLocalPort();
			assertThatException().isThrownBy(() -> application().run("--nats.embedded.port=" + port));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Port " + port + " on 127.0.0.1 was already in use. What holds it is not a NATS server")
				.contains("Stop the process that holds port " + port)
				.doesNotContain("\tat ");
		}
	}

	@Test
	void aClusterPortHeldByANatsServerIsDescribedAsTheClusterPortWithTheWayToJoinItsCluster() {
		try (NatsBroker holder = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			holder.start();
			int port = holder.getPort();
			FailureAnalysis analysis = clusterAnalyzer("nats.embedded.cluster.port", String.valueOf(port))
				.analyze(failure("127.0.0.1", port));
			assertThat(analysis.getDescription()).isEqualTo("Embedded NATS broker failed to start. Cluster port "
					+ port + " on 127.0.0.1 was already in use. A NATS server holds it (server_name "
					+ holder.getServerName() + ", version " + NatsBroker.PROTOCOL_COMPATIBLE_VERSION + ").");
			assertThat(analysis.getAction()).isEqualTo("Perhaps another instance of this application, or a"
					+ " nats-server, has its cluster port on " + port + ". To join its cluster, set"
					+ " nats.embedded.cluster.routes=nats://127.0.0.1:" + port + " and give this broker a cluster port"
					+ " of its own. Either way, set nats.embedded.cluster.port=0 for a free port (published as"
					+ " local.nats.cluster-port), or set nats.embedded.cluster.port to another port.");
		}
	}

	@Test
	void aClusterPortThatCannotBeProbedIsDescribedWithTheClusterPortsWaysOut() {
		int port = NatsServerProcess.freePort();
		FailureAnalysis analysis = clusterAnalyzer("nats.embedded.cluster.port", String.valueOf(port))
			.analyze(failure("127.0.0.1", port));
		assertThat(analysis.getDescription()).isEqualTo(
				"Embedded NATS broker failed to start. Cluster port " + port + " on 127.0.0.1 was already in use.");
		assertThat(analysis.getAction()).contains("Stop it, or set nats.embedded.cluster.port=0 for a free port")
			.doesNotContain("nats.servers");
	}

	@Test
	void routesAloneMakeNatsServersClusterPortTheOneInUse() {
		FailureAnalysis analysis = clusterAnalyzer("nats.embedded.cluster.routes", "nats://127.0.0.1:6223")
			.analyze(failure("127.0.0.1", 6222));
		assertThat(analysis.getDescription()).startsWith("Embedded NATS broker failed to start. Cluster port 6222");
		FailureAnalysis listed = clusterAnalyzer("nats.embedded.cluster.routes[0]", "nats://127.0.0.1:6223")
			.analyze(failure("127.0.0.1", 6222));
		assertThat(listed.getDescription()).startsWith("Embedded NATS broker failed to start. Cluster port 6222");
	}

	@Test
	void thePortOfABrokerWithoutClusterIsTheClientPort() {
		FailureAnalysis analysis = clusterAnalyzer("nats.embedded.cluster.enabled", "false")
			.analyze(failure("127.0.0.1", 6222));
		assertThat(analysis.getDescription()).startsWith("Embedded NATS broker failed to start. Port 6222");
	}

	private static NatsPortInUseFailureAnalyzer clusterAnalyzer(String property, String value) {
		return new NatsPortInUseFailureAnalyzer(new MockEnvironment().withProperty(property, value));
	}

	private FailureAnalysis analyze(String host, int port) {
		return this.analyzer.analyze(failure(host, port));
	}

	private static Throwable failure(String host, int port) {
		PortInUseException failure = new PortInUseException("Cannot listen for client connections on " + host + ":"
				+ port + ": bind(..) failed with error(-98): Address already in use", host, port,
				new BindException("Address already in use"));
		return new IllegalStateException("wrapped", failure);
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EmptyApplication {
	}
}
