package io.github.natsspring.docker.compose;

import java.util.List;

import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.env.Environment;

/**
 * {@link DockerComposeConnectionDetailsFactory} giving {@link NatsConnectionDetails} for a {@code nats} service:
 * the host and the port 4222 is published on, and the SSL bundle of the service's
 * {@code org.springframework.boot.sslbundle.*} labels. The {@code nats} image takes credentials only on its command
 * line, which Compose does not report, so the connection presents those of {@code nats.username} and
 * {@code nats.password}, or {@code nats.token}.
 */
class NatsDockerComposeConnectionDetailsFactory extends DockerComposeConnectionDetailsFactory<NatsConnectionDetails> {

	private static final String IMAGE_NAME = "nats";

	private static final int CLIENT_PORT = 4222;

	NatsDockerComposeConnectionDetailsFactory() {
		super(IMAGE_NAME);
	}

	@Override
	protected NatsConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new NatsDockerComposeConnectionDetails(source.getRunningService(), source.getEnvironment());
	}

	/**
	 * {@link NatsConnectionDetails} of a running {@code nats} service.
	 */
	static final class NatsDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements NatsConnectionDetails {

		private final String server;

		private final @Nullable String username;

		private final @Nullable String password;

		private final @Nullable String token;

		private final @Nullable SslBundle sslBundle;

		NatsDockerComposeConnectionDetails(RunningService service, Environment environment) {
			super(service);
			this.server = "nats://" + service.host() + ":" + service.ports().get(CLIENT_PORT);
			this.username = environment.getProperty("nats.username");
			this.password = environment.getProperty("nats.password");
			this.token = environment.getProperty("nats.token");
			this.sslBundle = getSslBundle(service);
		}

		@Override
		public List<String> getServers() {
			return List.of(this.server);
		}

		@Override
		public @Nullable String getUsername() {
			return this.username;
		}

		@Override
		public @Nullable String getPassword() {
			return this.password;
		}

		@Override
		public @Nullable String getToken() {
			return this.token;
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return this.sslBundle;
		}
	}
}
