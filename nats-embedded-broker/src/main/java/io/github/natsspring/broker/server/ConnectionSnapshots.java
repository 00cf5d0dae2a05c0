package io.github.natsspring.broker.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLSession;

import io.github.natsspring.broker.account.Account;
import io.github.natsspring.broker.connection.ClientConnection;
import io.github.natsspring.broker.connection.ConnectionStatistics;
import io.github.natsspring.broker.monitor.ConnectionInfo;
import io.github.natsspring.broker.monitor.SubscriptionDetail;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.routing.Subscription;
import io.netty.channel.EventLoop;

/**
 * Takes client connections' figures for monitoring on the threads that write them: one task per event loop for
 * the connections it serves, the answers combined once every loop ran its task.
 */
final class ConnectionSnapshots {

	private ConnectionSnapshots() {
	}

	/**
	 * Every open connection, each taken on its own event loop, combined (and answered from) elsewhere: the loops
	 * carrying messages only copy their connections' figures.
	 * @param clients the open connections
	 * @param answerOn where the parts are combined, and where what the caller chains to the result runs
	 * @return the connections by id; those that closed meanwhile, or whose loop is shutting down, left out
	 */
	static CompletableFuture<List<ConnectionInfo>> gather(Iterable<ClientConnection> clients, Executor answerOn) {
		Map<EventLoop, List<ClientConnection>> byLoop = new HashMap<>();
		for (ClientConnection client : clients) {
			byLoop.computeIfAbsent(client.channel().eventLoop(), (loop) -> new ArrayList<>()).add(client);
		}
		List<CompletableFuture<List<ConnectionInfo>>> parts = new ArrayList<>();
		byLoop.forEach((loop, served) -> parts.add(onLoop(loop, served)));
		return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApplyAsync((done) -> {
			List<ConnectionInfo> all = new ArrayList<>();
			parts.forEach((part) -> all.addAll(part.join()));
			all.sort(Comparator.comparingLong(ConnectionInfo::cid));
			return all;
		}, answerOn);
	}

	private static CompletableFuture<List<ConnectionInfo>> onLoop(EventLoop loop, List<ClientConnection> served) {
		try {
			return CompletableFuture.supplyAsync(() -> {
				List<ConnectionInfo> taken = new ArrayList<>(served.size());
				for (ClientConnection client : served) {
					if (!client.isClosed()) {
						taken.add(of(client, client.subscriptionList()));
					}
				}
				return taken;
			}, loop).exceptionally((failure) -> List.of());
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.completedFuture(List.of());
		}
	}

	/**
	 * One connection as it is now; on its event loop.
	 * @param client the connection
	 * @param subscriptions the subscriptions it holds
	 * @return the snapshot
	 */
	static ConnectionInfo of(ClientConnection client, List<Subscription> subscriptions) {
		ConnectionStatistics statistics = client.statistics();
		ConnectOptions connect = client.connectOptions();
		SocketAddress remote = client.channel().remoteAddress();
		Account account = client.account();
		String accountName = (account != null) ? account.name() : Account.GLOBAL;
		List<SubscriptionDetail> details = new ArrayList<>(subscriptions.size());
		for (Subscription subscription : subscriptions) {
			details.add(new SubscriptionDetail(accountName, subscription.subject(), subscription.queue(),
					subscription.sid(), subscription.delivered(), subscription.maxDeliveries(), client.id()));
		}
		details.sort(Comparator.comparing(SubscriptionDetail::sid));
		SSLSession tls = client.tlsSession();
		return new ConnectionInfo(client.id(), BrokerServer.clientIp(remote),
				(remote instanceof InetSocketAddress inet) ? inet.getPort() : 0,
				Instant.ofEpochMilli(statistics.startMillis()), Instant.ofEpochMilli(statistics.lastActivityMillis()),
				null, null, Math.max(0, statistics.roundTripNanos()), client.pendingBytes(), statistics.inMessages(),
				statistics.outMessages(), statistics.inBytes(), statistics.outBytes(), connect.name(), connect.lang(),
				connect.version(), (tls != null) ? tlsVersion(tls.getProtocol()) : null,
				(tls != null) ? tls.getCipherSuite() : null, client.principal(), accountName, details);
	}

	// nats-server writes the version alone: TLSv1.3 → 1.3
	private static String tlsVersion(String protocol) {
		return protocol.startsWith("TLSv") ? protocol.substring(4) : protocol;
	}
}
