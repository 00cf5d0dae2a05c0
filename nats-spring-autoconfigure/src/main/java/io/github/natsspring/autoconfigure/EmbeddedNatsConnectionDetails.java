package io.github.natsspring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;

/**
 * {@link NatsConnectionDetails} of the embedded broker: the URL it really bound and the credentials it was
 * configured with.
 */
class EmbeddedNatsConnectionDetails implements NatsConnectionDetails {

	private final String url;

	private final NatsProperties.Embedded embedded;

	private final @Nullable SslBundle sslBundle;

	EmbeddedNatsConnectionDetails(String url, NatsProperties.Embedded embedded, @Nullable SslBundle sslBundle) {
		this.url = url;
		this.embedded = embedded;
		this.sslBundle = sslBundle;
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

	@Override
	public @Nullable SslBundle getSslBundle() {
		return this.sslBundle;
	}
}
