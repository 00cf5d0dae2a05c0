package io.github.natsspring.testcontainers;

import java.util.List;

import io.github.natsspring.classpath.ClasspathWithout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application using Testcontainers without Docker Compose support: the Compose factory registered beside the
 * Testcontainers one in {@code META-INF/spring.factories} cannot be loaded there, and must not stand in the way.
 */
class NatsContainerWithoutDockerComposeTests {

	private final ClasspathWithout classpath = ClasspathWithout.entriesContaining("/spring-boot-docker-compose/");

	@Test
	void serviceConnectionStillWorksWhenDockerComposeSupportIsMissing() throws Exception {
		assertThat(this.classpath.has(
				"org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory"))
			.isFalse();
		List<String> probed = this.classpath.run(ServiceConnectionProbe.class);
		String url = "nats://127.0.0.1:" + probed.get(0);
		assertThat(probed.subList(1, 3)).containsExactly(url, url);
	}
}
