package io.github.natsspring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;

/**
 * {@link NatsConnectionDetails} of the embedded broker: the URL it really bound and credentials it was configured
 * with: its token, else {@code nats.embedded.username}'s user, else the first of {@code nats.embedded.users} with a
 * user name. With nkey users only, there are no credentials: the application gives the connection its seed through
 * a {@link NatsOptionsCustomizer}.
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
		if (this.embedded.getUsername() != null) {
			return this.embedded.getUsername();
		}
		NatsProperties.EmbeddedUser user = firstPasswordUser();
		return (user != null) ? user.getUsername() : null;
	}

	@Override
	public @Nullable String getPassword() {
		if (this.embedded.getUsername() != null) {
			return this.embedded.getPassword();
		}
		NatsProperties.EmbeddedUser user = firstPasswordUser();
		return (user != null) ? user.getPassword() : null;
	}

	private NatsProperties.@Nullable EmbeddedUser firstPasswordUser() {
		return this.embedded.getUsers().stream().filter((user) -> user.getUsername() != null).findFirst().orElse(null);
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
