package io.github.natsspring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@link NatsConnectionDetails} of the embedded broker: the URL it really bound and the credentials it was
 * configured with.
 */
class EmbeddedNatsConnectionDetails implements NatsConnectionDetails {

	private final String url;

	private final NatsProperties.Embedded embedded;

	EmbeddedNatsConnectionDetails(String url, NatsProperties.Embedded embedded) {
		this.url = url;
		this.embedded = embedded;
	}

	@Override
	public List<String> getServers() {
		return List.of(this.url);
	}

	@Override
	public @Nullable String getUsername() {
		return this.embedded.getUsername();
	}

	@Override
	public @Nullable String getPassword() {
		return this.embedded.getPassword();
	}

	@Override
	public @Nullable String getToken() {
		return this.embedded.getToken();
	}
}
