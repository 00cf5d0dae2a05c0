package io.github.natsspring.test.context;

import java.util.List;
import java.util.function.Supplier;

import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import io.github.natsspring.test.EmbeddedNatsSettings;
import org.jspecify.annotations.Nullable;

/**
 * {@link NatsConnectionDetails} of an {@code @EmbeddedNats} test broker, or of every node of its cluster: the URLs
 * and the credentials they require.
 */
final class EmbeddedNatsServerConnectionDetails implements NatsConnectionDetails {

	private final EmbeddedNatsSettings settings;

	private final Supplier<List<String>> urls;

	EmbeddedNatsServerConnectionDetails(EmbeddedNatsSettings settings, Supplier<List<String>> urls) {
		this.settings = settings;
		this.urls = urls;
	}

	@Override
	public List<String> getServers() {
		return this.urls.get();
	}

	@Override
	public @Nullable String getUsername() {
		return this.settings.username();
	}

	@Override
	public @Nullable String getPassword() {
		return this.settings.password();
	}

	@Override
	public @Nullable String getToken() {
		return this.settings.token();
	}
}
