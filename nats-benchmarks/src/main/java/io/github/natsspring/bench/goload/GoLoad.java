package io.github.natsspring.bench.goload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ClientAccess;

/**
 * One load for {@code natsload}, turned into its command-line flags.
 *
 * @param mode {@code publish}, {@code pubsub}, {@code overload}, {@code request}, or one of the JetStream modes
 * {@code js-publish}, {@code js-publish-async} and {@code js-consume}
 * @param payloadBytes the payload size
 * @param subscribers the subscriber connections (pub/sub only)
 * @param queueGroup the queue group the subscribers join, or {@code null}
 * @param window the most messages the publisher may run ahead of the deliveries, 0 for none; for
 * {@code js-publish-async} the most PubAcks outstanding
 * @param batch the messages a pull consumer asks for per fetch ({@code js-consume} only, else 0)
 * @param limits the message (or request) count and the time bound; for {@code js-consume} the messages the
 * stream is pre-filled with
 */
public record GoLoad(String mode, int payloadBytes, int subscribers, String queueGroup, long window, int batch,
		RunLimits limits) {

	/** Deliveries that have not progressed for this long count as lost, as in the jnats scenarios. */
	static final Duration STALL_LIMIT = Duration.ofSeconds(5);

	/**
	 * A windowed throughput load: publish-only when the shape has no subscribers, else pub/sub.
	 * @param shape payload size and subscribers
	 * @param limits message count and time bound
	 * @return the load
	 */
	public static GoLoad throughput(ThroughputShape shape, RunLimits limits) {
		String mode = (shape.subscribers() == 0) ? "publish" : "pubsub";
		return new GoLoad(mode, shape.payloadBytes(), shape.subscribers(), shape.queueGroup(),
				shape.publisherWindow(), 0, limits);
	}

	/**
	 * A publisher with no window against one subscriber that never limits what it buffers.
	 * @param payloadBytes the payload size
	 * @param limits message count and time bound
	 * @return the load
	 */
	public static GoLoad overload(int payloadBytes, RunLimits limits) {
		return new GoLoad("overload", payloadBytes, 1, null, 0, 0, limits);
	}

	/**
	 * Sequential request-reply round trips.
	 * @param payloadBytes the size of each request and reply
	 * @param limits request count and time bound
	 * @return the load
	 */
	public static GoLoad requests(int payloadBytes, RunLimits limits) {
		return new GoLoad("request", payloadBytes, 0, null, 0, 0, limits);
	}

	/**
	 * JetStream publishing that waits for each PubAck before the next publish, into a fresh file-backed stream.
	 * @param payloadBytes the payload size
	 * @param limits message count and time bound
	 * @return the load
	 */
	public static GoLoad jetStreamPublish(int payloadBytes, RunLimits limits) {
		return new GoLoad("js-publish", payloadBytes, 0, null, 1, 0, limits);
	}

	/**
	 * JetStream publishing with a window of outstanding PubAcks, into a fresh file-backed stream.
	 * @param payloadBytes the payload size
	 * @param window the most PubAcks outstanding
	 * @param limits message count and time bound
	 * @return the load
	 */
	public static GoLoad jetStreamPublishAsync(int payloadBytes, int window, RunLimits limits) {
		return new GoLoad("js-publish-async", payloadBytes, 0, null, window, 0, limits);
	}

	/**
	 * A durable explicit-ack pull consumer fetching a fresh file-backed stream pre-filled (before the measured
	 * interval) with the limits' message count, acking every message.
	 * @param payloadBytes the payload size
	 * @param batch the messages asked for per fetch
	 * @param limits the pre-filled message count and the time bound of the consuming
	 * @return the load
	 */
	public static GoLoad jetStreamConsume(int payloadBytes, int batch, RunLimits limits) {
		return new GoLoad("js-consume", payloadBytes, 0, null, 0, batch, limits);
	}

	/**
	 * Returns the flags that run this load against a server, gated so the caller can bracket the measurement.
	 * @param url the server URL, a loopback address
	 * @param access how every connection of the load reaches the server: TLS, user and password
	 * @return the flags
	 */
	public List<String> arguments(String url, ClientAccess access) {
		return arguments(url, url, access);
	}

	/**
	 * Returns the flags that run this load with its publisher on one server and its subscribers on another, two
	 * nodes of a cluster, gated so the caller can bracket the measurement.
	 * @param publisherUrl the URL the publisher connects to, a loopback address
	 * @param subscriberUrl the URL the subscribers connect to, a loopback address; when it is the publisher's,
	 * the load runs on one server
	 * @param access how every connection of the load reaches the servers: TLS, user and password
	 * @return the flags
	 */
	public List<String> arguments(String publisherUrl, String subscriberUrl, ClientAccess access) {
		List<String> flags = new ArrayList<>(List.of("-gate", "-url", publisherUrl));
		if (!subscriberUrl.equals(publisherUrl)) {
			flags.addAll(List.of("-suburl", subscriberUrl));
		}
		if (access.tls()) {
			flags.addAll(List.of("-tlsca", access.trustedCertificate().toString()));
		}
		if (access.user() != null) {
			flags.addAll(List.of("-user", access.user(), "-password", access.password()));
		}
		flags.addAll(List.of("-mode", this.mode, "-msgs", Long.toString(this.limits.messages()), "-size",
				Integer.toString(this.payloadBytes)));
		if (this.subscribers > 0) {
			flags.addAll(List.of("-subs", Integer.toString(this.subscribers)));
		}
		if (this.queueGroup != null) {
			flags.addAll(List.of("-queue", this.queueGroup));
		}
		if (this.batch > 0) {
			flags.addAll(List.of("-batch", Integer.toString(this.batch)));
		}
		flags.addAll(List.of("-window", Long.toString(this.window), "-time", goDuration(this.limits.time()),
				"-stall", goDuration(STALL_LIMIT)));
		return flags;
	}

	private static String goDuration(Duration duration) {
		return duration.toMillis() + "ms";
	}

}
