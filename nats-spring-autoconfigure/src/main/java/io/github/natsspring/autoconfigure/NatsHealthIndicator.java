package io.github.natsspring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AccountStatistics;
import io.nats.client.api.ServerInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the NATS connection: UP while connected, DOWN otherwise (e.g. while reconnecting), with the mode
 * (embedded or remote), the connection status and, when connected, the URL and the server's id and version, and
 * when that server is a cluster node, the cluster's name and the client URLs of its servers the connection can fail
 * over to. With a JetStream management context, it adds {@code jetStream}: whether the server has JetStream and, when
 * it has, the account's streams, consumers and memory and file storage used (a failure to read them is reported
 * there, without turning the indicator DOWN).
 */
class NatsHealthIndicator extends AbstractHealthIndicator {

	private final Connection connection;

	private final NatsMode mode;

	private final @Nullable Supplier<@Nullable JetStreamManagement> jetStreamManagement;

	NatsHealthIndicator(Connection connection, NatsMode mode) {
		this(connection, mode, null);
	}

	NatsHealthIndicator(Connection connection, NatsMode mode,
			@Nullable Supplier<@Nullable JetStreamManagement> jetStreamManagement) {
		super("NATS health check failed");
		this.connection = connection;
		this.mode = mode;
		this.jetStreamManagement = jetStreamManagement;
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
			if (this.jetStreamManagement != null) {
				builder.withDetail("jetStream", jetStream(server, this.jetStreamManagement));
			}
		}
	}

	private static Map<String, Object> jetStream(ServerInfo server,
			Supplier<@Nullable JetStreamManagement> jetStreamManagement) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("enabled", server.isJetStreamAvailable());
		if (!server.isJetStreamAvailable()) {
			return details;
		}
		try {
			JetStreamManagement management = jetStreamManagement.get();
			if (management != null) {
				AccountStatistics statistics = management.getAccountStatistics();
				details.put("streams", statistics.getStreams());
				details.put("consumers", statistics.getConsumers());
				details.put("memory", statistics.getMemory());
				details.put("storage", statistics.getStorage());
			}
		}
		catch (Exception ex) {
			details.put("error", ex.getClass().getName() + ": " + ex.getMessage());
		}
		return details;
	}
}
