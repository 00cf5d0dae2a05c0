package io.github.natsspring.broker.cluster;

import java.net.URI;
import java.util.List;

import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.account.Accounts;
import io.github.natsspring.broker.connection.ConnectionStatistics;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;

/**
 * What a cluster node needs from the server it belongs to.
 */
public interface ClusterContext {

	/**
	 * The server's id.
	 * @return the id sent as {@code server_id}
	 */
	String serverId();

	/**
	 * The server's name.
	 * @return the name sent as {@code server_name}
	 */
	String serverName();

	/**
	 * The limits in force (max payload, ping interval, write deadline).
	 * @return the limits
	 */
	BrokerLimits limits();

	/**
	 * Which debug and trace lines connections log.
	 * @return the logging settings
	 */
	BrokerLogging logging();

	/**
	 * The server's accounts.
	 * @return the accounts
	 */
	Accounts accounts();

	/**
	 * A new connection id, from the same sequence as clients'.
	 * @return the id
	 */
	long nextConnectionId();

	/**
	 * The loop that accepts connections and runs timers.
	 * @return the acceptor group
	 */
	EventLoopGroup acceptorLoops();

	/**
	 * The loops connections run on.
	 * @return the worker group
	 */
	EventLoopGroup workerLoops();

	/**
	 * The listening channel type of the loops.
	 * @return the server channel class
	 */
	Class<? extends ServerChannel> serverChannelType();

	/**
	 * The connecting channel type of the loops.
	 * @return the socket channel class
	 */
	Class<? extends Channel> socketChannelType();

	/**
	 * This server's own client URLs, as peers are to offer them to their clients.
	 * @return {@code host:port} entries
	 */
	List<String> ownClientUrls();

	/**
	 * Called when the client URLs of the cluster's servers changed, so that the server updates its clients.
	 */
	void clusterUrlsChanged();

	/**
	 * The TLS handler of one route, to be first in its pipeline: TLS comes before anything else on a route.
	 * @param channel the route's channel
	 * @param dialled the URL dialled, or {@code null} for an accepted route
	 * @return a new handler, or {@code null} for plaintext routes
	 */
	ChannelHandler routeTlsHandler(Channel channel, URI dialled);

	/**
	 * Whether accepted routes must present a certificate.
	 * @return {@code true} with route TLS and verification on
	 */
	boolean routeTlsVerifies();

	/**
	 * Called once when a route closed, so that its traffic stays in the server's totals, as nats-server counts
	 * route traffic in them.
	 * @param statistics the route's figures
	 */
	void routeClosed(ConnectionStatistics statistics);
}
