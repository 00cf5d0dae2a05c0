package io.github.natsspring.broker.auth;

import java.net.SocketAddress;
import java.util.Objects;

import javax.net.ssl.SSLSession;

import io.github.natsspring.broker.protocol.ConnectOptions;

/**
 * What an {@link Authenticator} knows about a client when it sends CONNECT.
 *
 * @param connect the client's CONNECT options (credentials among them)
 * @param nonce the nonce sent to the client in INFO for it to sign, or {@code null} when none was sent
 * @param tlsSession the TLS session of the connection, or {@code null} for a plaintext connection
 * @param remoteAddress the client's address
 */
public record AuthContext(ConnectOptions connect, String nonce, SSLSession tlsSession, SocketAddress remoteAddress) {

	/**
	 * Checks the CONNECT options are given.
	 */
	public AuthContext {
		Objects.requireNonNull(connect, "connect");
	}
}
