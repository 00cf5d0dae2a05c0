package io.github.natsspring.bench.server;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCommandTests {

	@Test
	void natsServerListensOnTheGivenLoopbackPort() {
		ServerCommand command = ServerCommand.natsServer("nats-server", Path.of("/usr/sbin/nats-server"));

		assertThat(command.listeningOn("127.0.0.1", 4333))
			.containsExactly("/usr/sbin/nats-server", "-a", "127.0.0.1", "-p", "4333");
	}

	@Test
	void brokerJarGetsJvmOptionsBeforeTheJarAndServerFlagsAfterIt() {
		ServerCommand command = ServerCommand.brokerJar("broker", Path.of("/jdk/bin/java"),
				List.of("-XX:+UseParallelGC", "-Xmx512m"), Path.of("nats-broker.jar"));

		assertThat(command.listeningOn("127.0.0.1", 4444)).containsExactly("/jdk/bin/java", "-XX:+UseParallelGC",
				"-Xmx512m", "-jar", "nats-broker.jar", "-a", "127.0.0.1", "-p", "4444");
		assertThat(command.jvm()).isTrue();
	}

	@Test
	void aConfigurationFileGoesBeforeTheListenFlagsSoTheyWinOverIt() {
		ServerConfiguration tls = new ServerConfiguration(Path.of("/logs/tls.conf"),
				ClientAccess.tlsTrusting(Path.of("/logs/tls-cert.pem")));
		ServerCommand command = ServerCommand.natsServer("nats-server", Path.of("/usr/sbin/nats-server"))
			.configuredBy(tls);

		assertThat(command.listeningOn("127.0.0.1", 4333)).containsExactly("/usr/sbin/nats-server", "-c",
				"/logs/tls.conf", "-a", "127.0.0.1", "-p", "4333");
		assertThat(command.configuration()).isEqualTo(tls);
	}

	@Test
	void furtherArgumentsGoBeforeTheListenFlagsUnderTheNodesLabel() {
		ServerCommand node = ServerCommand.brokerJar("broker", Path.of("/jdk/bin/java"), List.of("-Xmx512m"),
				Path.of("nats-broker.jar"))
			.withArguments("broker node B", List.of("--cluster", "nats://127.0.0.1:6222", "--routes",
					"nats://127.0.0.1:6333"));

		assertThat(node.label()).isEqualTo("broker node B");
		assertThat(node.jvm()).isTrue();
		assertThat(node.listeningOn("127.0.0.1", 4444)).containsExactly("/jdk/bin/java", "-Xmx512m", "-jar",
				"nats-broker.jar", "--cluster", "nats://127.0.0.1:6222", "--routes", "nats://127.0.0.1:6333", "-a",
				"127.0.0.1", "-p", "4444");
	}

	@Test
	void serversStartWithoutAConfigurationFileByDefault() {
		ServerCommand command = ServerCommand.brokerJar("broker", Path.of("/jdk/bin/java"), List.of(),
				Path.of("nats-broker.jar"));

		assertThat(command.configuration()).isEqualTo(ServerConfiguration.NONE);
		assertThat(command.listeningOn("127.0.0.1", 4444)).doesNotContain("-c");
	}

}
