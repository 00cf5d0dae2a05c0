package io.github.natsspring.autoconfigure;

import java.util.List;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Options;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.io.Resource;

/**
 * {@link NatsConnectionDetails} of the embedded broker: the URL it really bound (its in-JVM URL with
 * {@code nats.embedded.transport=in-jvm}, and then no SSL bundle: TLS does not apply) and credentials it was configured
 * with: its token, else {@code nats.embedded.username}'s user, else the first of {@code nats.embedded.users} with a
 * user name. With nkey users only, there are no credentials: the application gives the connection its seed through
 * a {@link NatsOptionsCustomizer}. When the users come from the configuration file ({@code nats.embedded.config-file}
 * without authorization properties), the connection presents the client credentials of remote mode instead,
 * {@code nats.username} and {@code nats.password}, {@code nats.token}, {@code nats.nkey} or {@code nats.credentials}:
 * which of the file's users the application is, only it can say.
 */
class EmbeddedNatsConnectionDetails implements NatsConnectionDetails {

	private final String url;

	private final NatsProperties properties;

	private final NatsProperties.Embedded embedded;

	private final @Nullable SslBundle sslBundle;

	private final NatsBroker broker;

	EmbeddedNatsConnectionDetails(NatsBroker broker, NatsProperties properties, @Nullable SslBundle sslBundle) {
		this.broker = broker;
		this.properties = properties;
		this.embedded = properties.getEmbedded();
		boolean inJvm = getTransport() == NatsTransport.IN_JVM;
		this.url = inJvm ? broker.getInJvmClientUrl() : broker.getClientUrl();
		this.sslBundle = inJvm ? null : sslBundle;
	}

	@Override
	public List<String> getServers() {
		return List.of(this.url);
	}

	@Override
	public NatsMode getMode() {
		return NatsMode.EMBEDDED;
	}

	@Override
	public NatsTransport getTransport() {
		return this.embedded.getTransport();
	}

	@Override
	public @Nullable String getUsername() {
		if (usesClientCredentials()) {
			return this.properties.getUsername();
		}
		if (this.embedded.getUsername() != null) {
			return this.embedded.getUsername();
		}
		NatsProperties.EmbeddedUser user = firstPasswordUser();
		return (user != null) ? user.getUsername() : null;
	}

	@Override
	public @Nullable String getPassword() {
		if (usesClientCredentials()) {
			return this.properties.getPassword();
		}
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
		return usesClientCredentials() ? this.properties.getToken() : this.embedded.getToken();
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		return this.sslBundle;
	}

	/**
	 * Whether the broker's users come from its configuration file, so that the connection presents the client
	 * credentials of remote mode ({@code nats.username}, {@code nats.token}, {@code nats.nkey},
	 * {@code nats.credentials}).
	 * @return whether client credentials apply
	 */
	boolean usesClientCredentials() {
		return this.embedded.getConfigFile() != null
				&& !NatsBrokerOptionsFactory.hasAuthorizationProperties(this.embedded);
	}

	/**
	 * Fails when the configuration file requires clients to authenticate and the connection, customizers applied,
	 * has nothing to authenticate with: it would only be refused.
	 * @param options the connection's options
	 * @throws InvalidConfigurationPropertyValueException on {@code nats.embedded.config-file}, naming what to set
	 */
	void requireCredentials(Options options) {
		Resource configFile = this.embedded.getConfigFile();
		if (configFile == null || !usesClientCredentials() || !this.broker.getOptions().auth().isRequired()) {
			return;
		}
		if (options.getUsernameChars() == null && options.getTokenChars() == null && options.getAuthHandler() == null) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.config-file", configFile,
					"The file's authorization requires clients to authenticate and the auto-configured connection has"
							+ " no credentials. Set nats.username and nats.password to one of the file's users"
							+ " (nats.token for its token, nats.nkey or nats.credentials for an nkey user), or give"
							+ " them with a NatsOptionsCustomizer.");
		}
	}
}
