package io.github.natsspring.broker.protocol;

import java.util.List;

/**
 * The content of the INFO a server sends, with nats-server 2.9.10's fields in its order.
 *
 * <p>{@link ServerFrames#writeInfo} always writes server_id, server_name, version, proto, host, port,
 * headers and max_payload; {@code go} when not {@code null}; every other field only when set (true,
 * non-zero, non-empty), as nats-server's {@code omitempty} does.
 *
 * @param serverId the server's unique id
 * @param serverName the server's name (nats-server uses the id when no name is configured)
 * @param version the server version clients see (jnats picks features by it)
 * @param proto the protocol version, 1
 * @param go the Go version nats-server reports, or {@code null} to leave it out
 * @param host the address the client listener is bound to
 * @param port the client port
 * @param headers whether the server supports headers
 * @param authRequired whether clients must authenticate
 * @param tlsRequired whether clients must use TLS
 * @param tlsVerify whether client certificates are verified
 * @param tlsAvailable whether TLS is offered but optional
 * @param maxPayload the largest payload accepted
 * @param jetstream whether JetStream is enabled
 * @param clientId the id of the connection this INFO is sent to, or 0
 * @param clientIp the address of the client this INFO is sent to, or {@code null}
 * @param nonce the nonce to sign for NKey or JWT authentication, or {@code null}
 * @param cluster the cluster name, or {@code null}
 * @param connectUrls the client URLs of the cluster's servers, or {@code null}/empty
 * @param ldm whether the server is in lame duck mode
 */
public record ServerInfo(String serverId, String serverName, String version, int proto, String go, String host,
		int port, boolean headers, boolean authRequired, boolean tlsRequired, boolean tlsVerify, boolean tlsAvailable,
		int maxPayload, boolean jetstream, long clientId, String clientIp, String nonce, String cluster,
		List<String> connectUrls, boolean ldm) {

	/**
	 * Copies the list of connect URLs.
	 */
	public ServerInfo {
		connectUrls = (connectUrls != null) ? List.copyOf(connectUrls) : null;
	}

	/**
	 * The same INFO addressed to one client.
	 * @param clientId the connection's id
	 * @param clientIp the client's address
	 * @return a copy with client_id and client_ip set
	 */
	public ServerInfo withClient(long clientId, String clientIp) {
		return new ServerInfo(this.serverId, this.serverName, this.version, this.proto, this.go, this.host, this.port,
				this.headers, this.authRequired, this.tlsRequired, this.tlsVerify, this.tlsAvailable, this.maxPayload,
				this.jetstream, clientId, clientIp, this.nonce, this.cluster, this.connectUrls, this.ldm);
	}

	/**
	 * The same INFO with a nonce to sign.
	 * @param nonce the nonce
	 * @return a copy with nonce set
	 */
	public ServerInfo withNonce(String nonce) {
		return new ServerInfo(this.serverId, this.serverName, this.version, this.proto, this.go, this.host, this.port,
				this.headers, this.authRequired, this.tlsRequired, this.tlsVerify, this.tlsAvailable, this.maxPayload,
				this.jetstream, this.clientId, this.clientIp, nonce, this.cluster, this.connectUrls, this.ldm);
	}

	/**
	 * The same INFO with other connect URLs, as sent asynchronously when the cluster changes.
	 * @param connectUrls the client URLs of the cluster's servers
	 * @return a copy with connect_urls set
	 */
	public ServerInfo withConnectUrls(List<String> connectUrls) {
		return new ServerInfo(this.serverId, this.serverName, this.version, this.proto, this.go, this.host, this.port,
				this.headers, this.authRequired, this.tlsRequired, this.tlsVerify, this.tlsAvailable, this.maxPayload,
				this.jetstream, this.clientId, this.clientIp, this.nonce, this.cluster, connectUrls, this.ldm);
	}

	/**
	 * The same INFO announcing lame duck mode.
	 * @return a copy with ldm set
	 */
	public ServerInfo withLameDuckMode() {
		return new ServerInfo(this.serverId, this.serverName, this.version, this.proto, this.go, this.host, this.port,
				this.headers, this.authRequired, this.tlsRequired, this.tlsVerify, this.tlsAvailable, this.maxPayload,
				this.jetstream, this.clientId, this.clientIp, this.nonce, this.cluster, this.connectUrls, true);
	}
}
