package org.springframework.boot.docker.compose.service.connection;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.core.env.Environment;

/**
 * Creates the {@link DockerComposeConnectionSource} Boot creates for a running service once Compose reports it
 * ready: its constructor is package-private, and no Docker runs in these tests.
 */
public final class TestDockerComposeConnectionSource {

	private TestDockerComposeConnectionSource() {
	}

	/**
	 * Creates the source of a running service.
	 * @param service the service as Compose reported it
	 * @param environment the application's environment
	 * @return the source Boot's connection details factories are given
	 */
	public static DockerComposeConnectionSource of(RunningService service, Environment environment) {
		return new DockerComposeConnectionSource(service, environment);
	}
}
