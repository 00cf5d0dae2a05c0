package io.github.natsspring.autoconfigure;

import io.nats.client.Connection;
import io.nats.client.api.ServerInfo;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the NATS connection: UP while connected, DOWN otherwise (e.g. while reconnecting), with the mode
 * (embedded or remote), the connection status and, when connected, the URL and the server's id and version, and
 * when that server is a cluster node, the cluster's name and the client URLs of its servers the connection can fail
 * over to.
 */
class NatsHealthIndicator extends AbstractHealthIndicator {

	private final Connection connection;

	private final NatsMode mode;

	NatsHealthIndicator(Connection connection, NatsMode mode) {
		super("NATS health check failed");
		this.connection = connection;
		this.mode = mode;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Connection.Status status = this.connection.getStatus();
		builder.withDetail("mode", this.mode.displayName()).withDetail("status", status);
		if (status != Connection.Status.CONNECTED) {
			builder.down();
			return;
		}
		builder.up().withDetail("url", this.connection.getConnectedUrl());
		ServerInfo server = this.connection.getServerInfo();
		if (server != null) {
			builder.withDetail("serverId", server.getServerId()).withDetail("version", server.getVersion());
			if (server.getCluster() != null) {
				builder.withDetail("cluster", server.getCluster()).withDetail("connectUrls", server.getConnectURLs());
			}
		}
	}
}
