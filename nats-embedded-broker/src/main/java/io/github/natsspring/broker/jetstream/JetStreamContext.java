package io.github.natsspring.broker.jetstream;

import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;

import io.github.natsspring.broker.jetstream.api.ApiRouter;

/**
 * What the consumer package gets from the stream layer: the internal client, the API to register handlers
 * with, the streams, and a scheduler for timers. Thread-safe.
 */
public interface JetStreamContext {

	/**
	 * The internal client, to subscribe ({@code $JS.ACK.>}, {@code $JS.FC.>}) and to deliver messages.
	 * @return the client of the {@code $G} account
	 */
	InternalClient client();

	/**
	 * Where API handlers are registered.
	 * @return the router of {@code $JS.API.>}
	 */
	ApiRouter api();

	/**
	 * A stream by name.
	 * @param name the stream's name
	 * @return the stream, or {@code null} when there is none of that name
	 */
	Stream stream(String name);

	/**
	 * Every stream.
	 * @return the streams, in no order
	 */
	Collection<Stream> streams();

	/**
	 * A scheduler for timers (ack wait, heartbeats, inactivity, pull request expiry). Its tasks must be short and
	 * hand work on a stream to the stream's {@link Stream#executor()}.
	 * @return the scheduler, shut down when JetStream stops
	 */
	ScheduledExecutorService scheduler();

	/**
	 * The server's name, e.g. for a consumer info's {@code cluster.leader}.
	 * @return the name
	 */
	String serverName();
}
