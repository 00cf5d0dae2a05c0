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

}
