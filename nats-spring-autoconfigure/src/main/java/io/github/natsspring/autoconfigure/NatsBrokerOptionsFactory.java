package io.github.natsspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBrokerOptions;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.unit.DataSize;

/**
 * Builds the embedded broker's {@link NatsBrokerOptions} from {@code nats.embedded.*}; customizers are applied by
 * the caller. A value the broker would reject fails here, on its property, so that Spring Boot's failure analysis
 * names it and where it was set.
 */
class NatsBrokerOptionsFactory {

	private final NatsProperties.Embedded embedded;

	NatsBrokerOptionsFactory(NatsProperties.Embedded embedded) {
		this.embedded = embedded;
	}

	NatsBrokerOptions.Builder createBuilder(@Nullable SslBundle bundle) {
		int maxPayload = maxPayload();
		NatsBrokerOptions.Builder options = NatsBrokerOptions.builder()
			.host(this.embedded.getHost())
			.port(port())
			.serverName(serverName())
			.limits((limits) -> limits.maxPayload(maxPayload))
			.auth(new NatsBrokerAuthFactory(this.embedded).create());
		Integer ioThreads = this.embedded.getIoThreads();
		if (ioThreads != null) {
			if (ioThreads < 0) {
				throw new InvalidConfigurationPropertyValueException("nats.embedded.io-threads", ioThreads,
						"The number of event loops must not be negative; leave it unset (or 0) for half the processors.");
			}
			options.ioThreads(ioThreads);
		}
		if (bundle != null) {
			options.tls(BrokerTls.builder()
				.keyManagerFactory(bundle.getManagers().getKeyManagerFactory())
				.trustManagerFactory(bundle.getManagers().getTrustManagerFactory())
				.verifyClients(this.embedded.getSsl().isVerifyClients())
				.build());
		}
		return options;
	}

	private int port() {
		int port = this.embedded.getPort();
		if (port < 0 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.port", port,
					"The port must be between 0 and 65535; 0 picks a free one, published as local.nats.port.");
		}
		return port;
	}

	private @Nullable String serverName() {
		String serverName = this.embedded.getServerName();
		if (serverName != null && serverName.isBlank()) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.server-name", serverName,
					"The server name must not be blank; leave it unset to report the server id.");
		}
		return serverName;
	}

	private int maxPayload() {
		DataSize maxPayload = this.embedded.getMaxPayload();
		if (maxPayload.toBytes() <= 0 || maxPayload.toBytes() > BrokerLimits.DEFAULT_MAX_PENDING) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.max-payload", maxPayload,
					"The largest payload must be positive and at most 64MB, the bytes the broker holds pending for"
							+ " a client; a NatsBrokerOptionsCustomizer can raise both limits.");
		}
		return (int) maxPayload.toBytes();
	}
}
