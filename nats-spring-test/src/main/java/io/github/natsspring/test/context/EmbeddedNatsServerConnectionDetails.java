package io.github.natsspring.test.context;

import java.util.List;

import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import io.github.natsspring.test.EmbeddedNatsServer;
import org.jspecify.annotations.Nullable;

/**
 * {@link NatsConnectionDetails} of an {@code @EmbeddedNats} test broker: its URL and the credentials it requires.
 */
final class EmbeddedNatsServerConnectionDetails implements NatsConnectionDetails {

	private final EmbeddedNatsServer server;

	EmbeddedNatsServerConnectionDetails(EmbeddedNatsServer server) {
		this.server = server;
	}

	@Override
	public List<String> getServers() {
		return List.of(this.server.getUrl());
	}

	@Override
	public @Nullable String getUsername() {
		return this.server.getSettings().username();
	}

	@Override
	public @Nullable String getPassword() {
		return this.server.getSettings().password();
	}

	@Override
	public @Nullable String getToken() {
		return this.server.getSettings().token();
	}
}
