package io.github.natsspring.broker.connection;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.account.Accounts;
import io.github.natsspring.broker.auth.Authenticator;
import io.github.natsspring.broker.protocol.ServerInfo;
import io.github.natsspring.broker.routing.Subscription;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;

/**
 * What a client connection needs from the server that accepted it. Each listener gives its connections
 * its own context, so the startup warm-up's connection runs without authentication, quietly and in an
 * account of its own while every real client gets the configured ones, and nothing reads a server-wide mode
 * on every operation.
 */
public interface ClientContext {

	/**
	 * The limits clients are held to.
	 * @return the limits
	 */
	BrokerLimits limits();

	/**
	 * Which debug and trace lines connections log.
	 * @return the logging settings
	 */
	BrokerLogging logging();

	/**
	 * How clients authenticate.
	 * @return the authenticator
	 */
	Authenticator authenticator();

	/**
	 * Where authentications too slow for an event loop run ({@link Authenticator#verifiesSlowly}).
	 * @return the executor
	 */
	Executor authenticationExecutor();

	/**
	 * The accounts clients are bound to.
	 * @return the accounts
	 */
	Accounts accounts();

	/**
	 * The handler that turns a client's connection into TLS once INFO went out in plaintext.
	 * @param channel the client's channel
	 * @return a new TLS handler, or {@code null} for a plaintext port
	 */
	ChannelHandler tlsHandler(Channel channel);

	/**
	 * The client certificates a TLS client may present, by key id, as nats-server's {@code pinned_certs}.
	 * @return hex SHA-256 digests of SubjectPublicKeyInfo, or {@code null} for any trusted certificate
	 */
	default Set<String> pinnedCertificates() {
		return null;
	}

	/**
	 * The INFO to send one client.
	 * @param client the client
	 * @return INFO with the client's id and address
	 */
	ServerInfo infoFor(ClientConnection client);

	/**
	 * Counts a client cut off as a slow consumer.
	 * @param client the client
	 */
	void slowConsumer(ClientConnection client);

	/**
	 * Called once when a client closed, on its event loop, after its subscriptions were removed.
	 * @param client the client
	 * @param reason why it closed, as the connection put it
	 * @param subscriptions the subscriptions it held when it closed
	 */
	void closed(ClientConnection client, String reason, List<Subscription> subscriptions);

}
