package io.github.natsspring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where the application's NATS connection goes, how it gets there and how it authenticates. Defined from
 * {@code nats.*} properties by default, or by the embedded broker. A bean of this type defined by the application
 * (for example by Testcontainers or Docker Compose support) takes precedence: no embedded broker is started, and
 * its {@link #getMode() mode} is remote unless it says otherwise.
 */
public interface NatsConnectionDetails extends ConnectionDetails {

	/**
	 * The server URLs, e.g. {@code nats://localhost:4222}, or {@code nats://<name>} for an
	 * {@linkplain NatsTransport#IN_JVM in-JVM} broker.
	 * @return at least one URL
	 */
	List<String> getServers();

	/**
	 * Whether the servers are the broker this application embeds; reported by the health indicator and the
	 * startup log.
	 * @return {@link NatsMode#REMOTE} unless these are the embedded broker's details
	 */
	default NatsMode getMode() {
		return NatsMode.REMOTE;
	}

	/**
	 * How the connection reaches the servers.
	 * @return {@link NatsTransport#TCP} unless the servers are in-JVM listeners
	 */
	default NatsTransport getTransport() {
		return NatsTransport.TCP;
	}

	/**
	 * The user name to authenticate with.
	 * @return the user name, or {@code null} for none
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * The password to authenticate with.
	 * @return the password, or {@code null} for none
	 */
	default @Nullable String getPassword() {
		return null;
	}

	/**
	 * The token to authenticate with.
	 * @return the token, or {@code null} for none
	 */
	default @Nullable String getToken() {
		return null;
	}

	/**
	 * The SSL bundle whose trust (and key) material secures the connection.
	 * @return the bundle, or {@code null} for a plaintext connection unless the server asks for TLS
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}
}
