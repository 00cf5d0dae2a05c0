package io.github.natsspring.testcontainers;

import java.util.Arrays;
import java.util.List;

import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Container;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * {@link ContainerConnectionDetailsFactory} giving {@link NatsConnectionDetails} for a
 * {@link ServiceConnection @ServiceConnection} container of the {@code nats} image: the host and the port 4222 is
 * mapped to, the credentials of the container's {@code --user}/{@code --pass} or {@code --auth} arguments, and the
 * SSL bundle of the container's {@code @Ssl...} annotations.
 */
class NatsContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, NatsConnectionDetails> {

	private static final String IMAGE_NAME = "nats";

	private static final int CLIENT_PORT = 4222;

	NatsContainerConnectionDetailsFactory() {
		super(IMAGE_NAME);
	}

	@Override
	protected NatsConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new NatsContainerConnectionDetails(source);
	}

	/**
	 * {@link NatsConnectionDetails} read from the container once it is started.
	 */
	private static final class NatsContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements NatsConnectionDetails {

		private NatsContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public List<String> getServers() {
			Container<?> container = getContainer();
			return List.of("nats://" + container.getHost() + ":" + container.getMappedPort(CLIENT_PORT));
		}

		@Override
		public @Nullable String getUsername() {
			return arguments().user();
		}

		@Override
		public @Nullable String getPassword() {
			return arguments().password();
		}

		@Override
		public @Nullable String getToken() {
			return arguments().token();
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

		private NatsServerArguments arguments() {
			return NatsServerArguments.parse(Arrays.asList(getContainer().getCommandParts()));
		}
	}
}
