package io.github.natsspring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.nats.client.AuthHandler;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.InJvmDataPort;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.io.Resource;

/**
 * Builds jnats {@link Options} from {@link NatsProperties} and {@link NatsConnectionDetails}; customizers are
 * applied by the caller. Over TCP the connection adds the servers each server's INFO names ({@code connect_urls}) to
 * the ones configured, as jnats does by default, so that a connection to one node of a cluster (the embedded
 * broker's included) fails over to the others.
 */
class NatsOptionsFactory {

	private final NatsProperties properties;

	private final NatsConnectionDetails connectionDetails;

	NatsOptionsFactory(NatsProperties properties, NatsConnectionDetails connectionDetails) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
	}

	Options.Builder createBuilder(@Nullable String defaultConnectionName) {
		Options.Builder builder = new Options.Builder();
		PropertyMapper map = PropertyMapper.get();
		builder.servers(this.connectionDetails.getServers().toArray(String[]::new));
		if (this.connectionDetails.getTransport() == NatsTransport.IN_JVM) {
			// the URL's host names an in-JVM listener: nothing to look up in DNS; and the TCP URLs of the broker's
			// cluster peers in its INFO cannot be reached through the in-JVM port
			builder.dataPortType(InJvmDataPort.class.getName())
				.hostnameResolveMode(Options.HostnameResolveMode.Unresolved)
				.ignoreDiscoveredServers();
		}
		String connectionName = (this.properties.getConnectionName() != null) ? this.properties.getConnectionName()
				: defaultConnectionName;
		map.from(connectionName).to(builder::connectionName);
		map.from(this.properties::getConnectionTimeout).to(builder::connectionTimeout);
		map.from(this.properties::getReconnectWait).to(builder::reconnectWait);
		map.from(this.properties::getMaxReconnects).to(builder::maxReconnects);
		map.from(this.properties::getPingInterval).to(builder::pingInterval);
		map.from(this.properties::getInboxPrefix).to(builder::inboxPrefix);
		map.from(this.properties::getReconnectBufferSize).as((size) -> size.toBytes()).to(builder::reconnectBufferSize);
		if (this.properties.isNoEcho()) {
			builder.noEcho();
		}
		applyCredentials(builder);
		applySsl(builder);
		builder.connectionListener(new LoggingConnectionListener());
		return builder;
	}

	private void applyCredentials(Options.Builder builder) {
		String username = this.connectionDetails.getUsername();
		if (username != null) {
			builder.userInfo(username, this.connectionDetails.getPassword());
		}
		String token = this.connectionDetails.getToken();
		if (token != null) {
			builder.token(token.toCharArray());
		}
		if (presentsClientCredentials()) {
			MutuallyExclusiveConfigurationPropertiesException.throwIfMultipleNonNullValuesIn((entries) -> {
				entries.put("nats.credentials", this.properties.getCredentials());
				entries.put("nats.nkey", this.properties.getNkey());
			});
			AuthHandler authHandler = authHandler();
			if (authHandler != null) {
				builder.authHandler(authHandler);
			}
		}
	}

	// remote mode, or an embedded broker whose users come from its configuration file
	private boolean presentsClientCredentials() {
		return this.connectionDetails.getMode() == NatsMode.REMOTE
				|| (this.connectionDetails instanceof EmbeddedNatsConnectionDetails embedded
						&& embedded.usesClientCredentials());
	}

	private @Nullable AuthHandler authHandler() {
		Resource credentials = this.properties.getCredentials();
		if (credentials != null) {
			return Nats.staticCredentials(read(credentials));
		}
		String nkey = this.properties.getNkey();
		if (nkey != null) {
			return Nats.staticCredentials(null, nkey.toCharArray());
		}
		return null;
	}

	private static byte[] read(Resource resource) {
		try (InputStream input = resource.getInputStream()) {
			return input.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read NATS credentials from " + resource, ex);
		}
	}

	private void applySsl(Options.Builder builder) {
		SslBundle bundle = this.connectionDetails.getSslBundle();
		if (bundle != null) {
			builder.sslContext(bundle.createSslContext());
		}
	}
}
