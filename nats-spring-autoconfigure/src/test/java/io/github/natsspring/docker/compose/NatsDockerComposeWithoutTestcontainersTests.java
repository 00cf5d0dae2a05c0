package io.github.natsspring.docker.compose;

import io.github.natsspring.classpath.ClasspathWithout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application using Docker Compose without Testcontainers: the Testcontainers factory registered beside the
 * Compose one in {@code META-INF/spring.factories} cannot be loaded there, and must not stand in the way.
 */
class NatsDockerComposeWithoutTestcontainersTests {

	private final ClasspathWithout classpath = ClasspathWithout.entriesContaining("/org/testcontainers/",
			"/spring-boot-testcontainers/");

	@Test
	void natsServiceIsStillFoundWhenTestcontainersIsMissing() throws Exception {
		assertThat(this.classpath.has("org.testcontainers.containers.Container")).isFalse();
		assertThat(this.classpath
			.has("org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory"))
			.isFalse();
		assertThat(this.classpath.run(ComposeConnectionDetailsProbe.class)).containsExactly("nats://127.0.0.1:34222");
	}
}
