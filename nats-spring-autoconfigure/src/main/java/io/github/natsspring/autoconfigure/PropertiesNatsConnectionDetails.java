package io.github.natsspring.autoconfigure;

import java.util.List;

import io.nats.client.Options;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * {@link NatsConnectionDetails} read from {@link NatsProperties}; {@code nats://localhost:4222} when no server
 * is configured.
 */
class PropertiesNatsConnectionDetails implements NatsConnectionDetails {

	private final NatsProperties properties;

	private final @Nullable SslBundles sslBundles;

	PropertiesNatsConnectionDetails(NatsProperties properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	@Override
	public List<String> getServers() {
		List<String> servers = this.properties.getServers();
		return servers.isEmpty() ? List.of(Options.DEFAULT_URL) : List.copyOf(servers);
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUsername();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public @Nullable String getToken() {
		return this.properties.getToken();
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		return new SslBundleProperty("nats.ssl.bundle", this.properties.getSsl().getBundle()).resolve(this.sslBundles);
	}
}
